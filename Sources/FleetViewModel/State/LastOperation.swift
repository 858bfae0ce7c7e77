import FleetCore
import Foundation

/// The latest stop or start that touched an instance in this session, as the list's "last operation" column shows it.
public struct LastOperation: Sendable, Equatable {
    /// The operation's ID (as in the journal).
    public var operationId: String
    /// Stop or start.
    public var action: PowerAction
    /// Where the instance stood in it at the latest result.
    public var outcome: Outcome
    /// The API's code for this instance, if any.
    public var code: String
    /// The API's message, or why it was skipped.
    public var message: String
    /// When this result arrived.
    public var time: Date

    /// A last operation as of `time`.
    public init(
        operationId: String, action: PowerAction, outcome: Outcome, code: String = "", message: String = "", time: Date
    ) {
        self.operationId = operationId
        self.action = action
        self.outcome = outcome
        self.code = code
        self.message = message
        self.time = time
    }

    /// `stop: stopped`, `start: failed (IncorrectInstanceStatus)`.
    public var summary: String {
        "\(action.rawValue): \(outcome.rawValue)" + (outcome == .failed && !code.isEmpty ? " (\(code))" : "")
    }
}
