import FleetCore

/// The results view: which operation it shows, and whether only failures.
public struct ResultsViewState: Sendable, Equatable {
    /// The operation shown.
    public var operationId: String
    /// Whether only failed, timed-out or dry-run-failed instances are listed.
    public var failuresOnly: Bool
    /// The first row shown.
    public var scroll: Int

    /// The results of `operationId`, all rows, from the top unless told.
    public init(operationId: String, failuresOnly: Bool = false, scroll: Int = 0) {
        self.operationId = operationId
        self.failuresOnly = failuresOnly
        self.scroll = scroll
    }
}
