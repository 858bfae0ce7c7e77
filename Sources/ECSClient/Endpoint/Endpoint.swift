import ECSAPI

/// Where calls for a region go: `https://ecs.<region>.aliyuncs.com` (`ecs.aliyuncs.com` for `cn-hangzhou`),
/// the `RegionEndpoint` from `DescribeRegions` once known, or one `--endpoint` URL for every region.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    /// `host[:port]` as the `Host` header carries it (the port only when it is not the scheme's default).
    public var authority: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return bracketed }
        return "\(bracketed):\(port)"
    }

    var bracketed: String { host.contains(":") ? "[\(host)]" : host }

    public var baseURL: String { "\(scheme)://\(authority)" }
    public var description: String { baseURL }

    /// Whether the host is this machine (127.0.0.0/8, `::1`, `localhost`).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The public endpoint of a region.
    public static func publicEndpoint(region: String) -> Endpoint {
        Endpoint(scheme: "https", host: region == "cn-hangzhou" ? "ecs.aliyuncs.com" : "ecs.\(region).aliyuncs.com", port: nil)
    }

    /// Parses an `--endpoint` URL (`http://127.0.0.1:8080`, `https://ecs.example.com`) or a bare host.
    /// Plain HTTP is refused off loopback unless `insecureHTTP`, because requests would cross the network unencrypted.
    public init(parsing text: String, insecureHTTP: Bool) throws(EndpointError) {
        var rest = Substring(text)
        var scheme = "https"
        if let r = rest.range(of: "://") {
            scheme = rest[..<r.lowerBound].lowercased()
            rest = rest[r.upperBound...]
        }
        guard scheme == "http" || scheme == "https" else { throw EndpointError("the endpoint must be an http:// or https:// URL, got '\(text)'") }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains("/"), !rest.contains("?"), !rest.contains("@") else {
            throw EndpointError("the endpoint must be scheme://host[:port] with no path, got '\(text)'")
        }
        var host = String(rest), port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw EndpointError("bad IPv6 address in '\(text)'") }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = Int(after.dropFirst()), (1...65535).contains(p) else { throw EndpointError("bad port in '\(text)'") }
                port = p
            }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            guard let p = Int(host[host.index(after: colon)...]), (1...65535).contains(p) else { throw EndpointError("bad port in '\(text)'") }
            port = p
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { throw EndpointError("the endpoint '\(text)' has no host") }
        self.init(scheme: scheme, host: host.lowercased(), port: port)
        if scheme == "http", !isLoopback, !insecureHTTP {
            throw EndpointError("refusing plain http:// to \(host): requests would cross the network unencrypted; use https:// or pass --insecure-http")
        }
    }

    public init(scheme: String, host: String, port: Int?) { self.scheme = scheme; self.host = host; self.port = port }
}

/// An endpoint that cannot be used; the text says why and what to do.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
