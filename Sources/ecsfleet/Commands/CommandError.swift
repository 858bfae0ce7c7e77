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
    /// SIGINT or SIGTERM arrived while a stop or start was in hand: 128 + the signal (130, 143), as a shell
    /// reports a process that a signal ended. The text says what was sent and how to finish it.
    case interrupted(String, signal: Int32)

    var exitStatus: Int32 {
        switch self {
        case .usage: return 2
        case .failed: return 1
        case .refused: return 3
        case .interrupted(_, let signal): return 128 + signal
        }
    }

    var description: String {
        switch self {
        case .usage(let m), .failed(let m), .refused(let m), .interrupted(let m, _): return m
        }
    }
}

/// The command ran; its status says whether every instance got where it was asked to (0) or not (1).
struct CommandStatus: Error {
    var code: Int32
}
