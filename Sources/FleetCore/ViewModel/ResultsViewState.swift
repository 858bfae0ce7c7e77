/// The results view: which operation it shows, and whether only failures.
public struct ResultsViewState: Sendable, Equatable {
    public var operationId: String
    public var failuresOnly: Bool
    /// The first row shown.
    public var scroll: Int

    public init(operationId: String, failuresOnly: Bool = false, scroll: Int = 0) {
        self.operationId = operationId; self.failuresOnly = failuresOnly; self.scroll = scroll
    }
}
