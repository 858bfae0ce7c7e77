import FleetCore

/// The IDs the instance list shows, filter and sort applied, in order. A light view on the state's cached
/// list: indexing is O(1) and nothing is copied.
public struct VisibleInstances: RandomAccessCollection, Sendable, Equatable {
    private let ids: [String]
    private let rows: [Int32]

    init(ids: [String], rows: [Int32]) {
        self.ids = ids
        self.rows = rows
    }

    /// The first place, 0.
    public var startIndex: Int { 0 }
    /// One past the last place.
    public var endIndex: Int { rows.count }
    /// The ID shown at `position`.
    public subscript(position: Int) -> String { ids[Int(rows[position])] }

    /// Equal when the same IDs are shown in the same order.
    public static func == (l: VisibleInstances, r: VisibleInstances) -> Bool { l.elementsEqual(r) }
}
