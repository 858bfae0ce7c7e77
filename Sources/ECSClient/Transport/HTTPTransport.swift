/// One HTTP exchange, below signing and retries. The product uses `AsyncHTTPTransport`; tests inject faults
/// by wrapping it.
public protocol HTTPTransport: Sendable {
    /// Sends the request and reads the whole answer, or throws `TransportError`: `.timedOut` when the whole
    /// answer, body included, has not arrived within `timeout`.
    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse
    /// Releases connections; the transport cannot be used afterwards.
    func shutdown() async
}

public struct TransportRequest: Sendable {
    public var method: String
    /// Full URL with the query string.
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    public init(method: String, url: String, headers: [(String, String)], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct TransportResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why no answer came back.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection could be made: nothing was sent.
    case connectFailed(String)
    /// The request may have been sent but no (complete) answer came before the deadline.
    case timedOut
    /// The connection broke after the request may have been sent.
    case connectionLost(String)
    /// The answer was larger than the transport reads (`limit` bytes); it was not read.
    case answerTooLarge(limit: Int)

    /// Whether the server can have acted on the request.
    public var mayHaveBeenApplied: Bool {
        if case .connectFailed = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .connectFailed(let why): return "cannot connect: \(why)"
        case .timedOut: return "no answer before the timeout"
        case .connectionLost(let why): return "the connection was lost: \(why)"
        case .answerTooLarge(let limit): return "the answer was larger than \(limit >> 20) MiB"
        }
    }
}
