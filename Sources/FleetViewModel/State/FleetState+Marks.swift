extension FleetState {
    /// How many instances are marked (hidden ones included).
    public var markCount: Int { table.markCount }

    /// Whether any instance is marked.
    public var hasMarks: Bool { table.markCount > 0 }

    /// Whether `id` is marked.
    public func isMarked(_ id: String) -> Bool { table.isMarked(id) }

    /// The marked IDs (hidden ones included), made on demand: for copying and tests, not for frames.
    public var markedIds: Set<String> { table.markedIds }

    /// Marked instances the filter hides.
    public var hiddenMarkCount: Int { table.hiddenMarkCount }

    /// Marks exactly `ids` (loaded or not).
    public mutating func setMarks(_ ids: some Sequence<String>) { table.setMarks(ids) }

    /// Marks (`on`) or unmarks `id`.
    mutating func setMark(_ id: String, _ on: Bool) { table.setMark(id, on) }

    /// Marks `id` if it is not marked, else unmarks it.
    mutating func toggleMark(_ id: String) { table.setMark(id, !table.isMarked(id)) }

    /// Unmarks everything.
    mutating func clearMarks() { table.clearMarks() }
}
