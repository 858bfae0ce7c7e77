/// An HTTP request as the gateway sees it, independent of the HTTP server library.
public struct IncomingRequest: Sendable {
    public var method: String
    public var path: String
    /// The query string as received (still percent-encoded), without the `?`.
    public var rawQuery: String
    /// Header names in lower case, in the order received.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, rawQuery: String, headers: [(name: String, value: String)], body: [UInt8])
    {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
    }

    /// The first header named `name` (lower case).
    public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// Headers as a dictionary; a repeated header keeps its values joined by commas, as HTTP allows.
    var headerMap: [String: String] {
        var map: [String: String] = [:]
        for (n, v) in headers { map[n] = map[n].map { $0 + "," + v } ?? v }
        return map
    }
}

/// What the gateway wants sent back.
public struct GatewayResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Seconds to wait before answering (injected latency).
    public var delay: Double = 0
    /// Close the connection without answering (injected fault).
    public var dropConnection = false

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
}
