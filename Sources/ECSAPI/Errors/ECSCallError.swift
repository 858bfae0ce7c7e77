/// Why a call did not return a result. Shared by the client that makes calls and the engine that reasons about them.
public enum ECSCallError: Error, Sendable, CustomStringConvertible {
    /// The API answered with an error.
    case api(APIError)
    /// A dry run passed (`DRYRUN.SUCCESS` or `DryRunOperation`): not a failure.
    case dryRunPassed(APIError)
    /// No answer came. `mayHaveBeenApplied` is true when the request may have reached the server, so a stop
    /// must not be re-sent before the instances' status has been read again.
    case noAnswer(String, mayHaveBeenApplied: Bool, attempts: Int)
    /// The answer could not be read.
    case invalidResponse(String)
    /// The call could not be made as configured; the text says what to change.
    case configuration(String)

    public var description: String {
        switch self {
        case .api(let e): return "\(e.code): \(e.message)" + (e.requestId.isEmpty ? "" : " (request \(e.requestId))")
        case .dryRunPassed(let e): return "dry run passed (\(e.code))"
        case .noAnswer(let why, _, let attempts): return why + (attempts > 1 ? " after \(attempts) attempts" : "")
        case .invalidResponse(let why): return "unreadable answer: \(why)"
        case .configuration(let why): return why
        }
    }

    /// The API error, if the API answered.
    public var apiError: APIError? {
        switch self {
        case .api(let e), .dryRunPassed(let e): return e
        default: return nil
        }
    }

    /// A short code for journals and tables: the API code, or `NoAnswer` / `InvalidResponse` / `Configuration`.
    public var code: String {
        switch self {
        case .api(let e), .dryRunPassed(let e): return e.code
        case .noAnswer: return "NoAnswer"
        case .invalidResponse: return "InvalidResponse"
        case .configuration: return "Configuration"
        }
    }

    /// The message to show: the API's message or the reason there was none.
    public var message: String {
        switch self {
        case .api(let e), .dryRunPassed(let e): return e.message
        case .noAnswer(let why, _, _): return why
        case .invalidResponse(let why), .configuration(let why): return why
        }
    }
}
