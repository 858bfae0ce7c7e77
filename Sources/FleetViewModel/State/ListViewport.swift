/// The rows of the visible list the screen shows: from place `first`, `rows` of them. The UI reports it after
/// drawing; the refresh scheduler reads those rows more often than the rest.
public struct ListViewport: Sendable, Equatable {
    /// The first place shown.
    public var first: Int
    /// How many rows fit (0 until the UI has drawn the list).
    public var rows: Int

    public init(first: Int = 0, rows: Int = 0) {
        self.first = max(0, first)
        self.rows = max(0, rows)
    }
}
