#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the simulator could not listen, in one sentence. The server library reports a failed `bind` as
/// `bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`; the sentence names the port instead.
public enum ServeFailure {
    public static func describe(_ error: any Error, host: String, port: Int) -> String {
        let text = String(describing: error)
        func mentions(_ code: Int32) -> Bool {
            text.contains("errno: \(code))") || text.contains(String(cString: strerror(code)))
        }
        if mentions(EADDRINUSE) {
            return "port \(port) is in use on \(host): pick another with --port, or --port 0 for a free one"
        }
        if mentions(EACCES) {
            return
                "not allowed to listen on port \(port) of \(host) (ports below 1024 need privileges): pick another with --port"
        }
        if mentions(EADDRNOTAVAIL) {
            return "cannot listen on \(host): it is not an address of this machine (--host)"
        }
        return "cannot serve on \(host):\(port): \(text)"
    }
}
