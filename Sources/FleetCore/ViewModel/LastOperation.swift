import Foundation

/// The latest stop or start that touched an instance in this session, as the list's "last operation" column shows it.
public struct LastOperation: Sendable, Equatable {
    public var operationId: String
    public var action: PowerAction
    public var outcome: Outcome
    public var code: String
    public var message: String
    /// When this result arrived.
    public var time: Date

    public init(operationId: String, action: PowerAction, outcome: Outcome, code: String = "", message: String = "", time: Date) {
        self.operationId = operationId; self.action = action; self.outcome = outcome
        self.code = code; self.message = message; self.time = time
    }

    /// `stop: stopped`, `start: failed (IncorrectInstanceStatus)`.
    public var summary: String {
        "\(action.rawValue): \(outcome.rawValue)" + (outcome == .failed && !code.isEmpty ? " (\(code))" : "")
    }
}
