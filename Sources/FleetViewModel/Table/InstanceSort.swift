import FleetCore

/// How the list is sorted: a column and a direction. Ties are broken by instance ID, so the order is stable.
public struct InstanceSort: Sendable, Equatable {
    /// The column sorted by.
    public var column: SortColumn
    /// Ascending (▲) or descending (▼).
    public var ascending: Bool

    /// A sort by `column`, ascending unless told.
    public init(column: SortColumn = .id, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// `Name ▲` / `Name ▼`.
    public var title: String { column.rawValue + (ascending ? " ▲" : " ▼") }
}
