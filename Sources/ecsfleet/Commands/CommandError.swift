/// Why a command ends without doing its job, and the exit status that says so. The text is printed by `main`,
/// which escapes the control characters it may carry (it often quotes what the operator typed, or the API).
enum CommandError: Error, CustomStringConvertible {
    /// Bad usage, configuration or credentials: status 2.
    case usage(String)
    /// The service failed (throttled, 5xx, no answer) before the command could do its job: status 1, the
    /// status of a failed operation, because running it again may work.
    case failed(String)
    /// Refused by the safety policy, or a confirmation could not be asked: status 3.
    case refused(String)

    var exitStatus: Int32 {
        switch self {
        case .usage: return 2
        case .failed: return 1
        case .refused: return 3
        }
    }

    var description: String {
        switch self {
        case let .usage(m), let .failed(m), let .refused(m): return m
        }
    }
}

/// The command ran; its status says whether every instance got where it was asked to (0) or not (1).
struct CommandStatus: Error {
    var code: Int32
}
