import ECSAPI
import Foundation

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

    /// Whether the host is this machine: `localhost`, the IPv6 loopback `::1` (`[::1]`), or an IPv4 literal in
    /// 127.0.0.0/8 written as four decimal octets. Only literals count: `127.evil.example` or
    /// `127.0.0.1.example.com` are names that DNS may send anywhere, so they get no plain-HTTP exemption.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || Self.isIPv4Loopback(host)
    }

    /// `127.a.b.c` with each part a decimal number from 0 to 255 and no leading zeros (which some resolvers
    /// read as octal).
    static func isIPv4Loopback(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            guard (1...3).contains(part.utf8.count), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                part == "0" || part.first != "0", let value = Int(part)
            else { return false }
            return value <= 255
        }
    }

    /// The public endpoint of a region.
    public static func publicEndpoint(region: String) -> Endpoint {
        Endpoint(
            scheme: "https", host: region == "cn-hangzhou" ? "ecs.aliyuncs.com" : "ecs.\(region).aliyuncs.com",
            port: nil)
    }

    /// Parses an `--endpoint` URL (`http://127.0.0.1:8080`, `https://ecs.example.com`). The scheme is required:
    /// a bare word such as `notaurl` is almost always a mistake (a missing `http://` in front of an ecs-sim address,
    /// or a value meant for another option), and taking it as a host name would only end in a DNS error later.
    /// Plain HTTP is refused off loopback unless `insecureHTTP`, because requests would cross the network unencrypted.
    public init(parsing text: String, insecureHTTP: Bool) throws(EndpointError) {
        let example = "such as https://ecs.cn-hangzhou.aliyuncs.com or http://127.0.0.1:8080"
        guard let r = text.range(of: "://") else {
            throw EndpointError(
                "the endpoint must be a URL that starts with http:// or https:// and names a host, \(example); got '\(text)'"
            )
        }
        let scheme = text[..<r.lowerBound].lowercased()
        var rest = text[r.upperBound...]
        guard scheme == "http" || scheme == "https" else {
            throw EndpointError("the endpoint must be an http:// or https:// URL, \(example); got '\(text)'")
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains("/"), !rest.contains("?"), !rest.contains("@") else {
            throw EndpointError("the endpoint must be scheme://host[:port] with no path, got '\(text)'")
        }
        var host = String(rest)
        var port: Int?
        let bracketedHost = host.hasPrefix("[")
        if bracketedHost {
            guard let close = host.firstIndex(of: "]") else { throw EndpointError("bad IPv6 address in '\(text)'") }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = Int(after.dropFirst()), (1...65535).contains(p) else {
                    throw EndpointError("bad port in '\(text)'")
                }
                port = p
            }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            guard let p = Int(host[host.index(after: colon)...]), (1...65535).contains(p) else {
                throw EndpointError("bad port in '\(text)'")
            }
            port = p
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { throw EndpointError("the endpoint '\(text)' names no host, \(example)") }
        // Letters, digits, '-', '.', '_' (and ':' inside IPv6 brackets): anything else (a space, a quote,
        // a control character) is a typing mistake that would otherwise surface as a confusing DNS error.
        guard host.utf8.allSatisfy({ Self.hostBytes.contains($0) || (bracketedHost && $0 == UInt8(ascii: ":")) }) else {
            throw EndpointError("the endpoint '\(text)' has characters a host name cannot have, \(example)")
        }
        self.init(scheme: scheme, host: host.lowercased(), port: port)
        if scheme == "http", !isLoopback, !insecureHTTP {
            throw EndpointError(
                "refusing plain http:// to \(host): requests would cross the network unencrypted; use https:// or pass --insecure-http"
            )
        }
    }

    public init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    private static let hostBytes = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._".utf8))
}

/// An endpoint that cannot be used; the text says why and what to do.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
