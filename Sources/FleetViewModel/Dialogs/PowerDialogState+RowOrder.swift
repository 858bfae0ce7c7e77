import FleetCore

extension PowerDialogState {
    /// The targets of `rows`, in `rows`' order, made in the order of the table's rows, with room for `extra` more.
    /// That is the order the table's records and the ID strings sit in memory: 100,000 of them then stream through
    /// the cache instead of missing it once each (most of the dialog's opening time over a sorted list). `nil`
    /// when a row repeats (every place must be filled exactly once).
    static func targetsInRowOrder(
        _ rows: [Int32], rowCount: Int, extra: Int, make: (Int32) -> Target
    ) -> [Target]? {
        guard !rows.isEmpty else { return nil }
        var place = [Int32](repeating: -1, count: rowCount)
        for (i, r) in rows.enumerated() {
            guard r >= 0, Int(r) < rowCount, place[Int(r)] < 0 else { return nil }
            place[Int(r)] = Int32(i)
        }
        return [Target](unsafeUninitializedCapacity: rows.count + extra) { buffer, initialized in
            // Safe: the rows are distinct and in range (checked above), so each of the first `rows.count` places
            // is initialized exactly once before the count is set.
            guard let base = buffer.baseAddress else { return }
            for r in place.indices where place[r] >= 0 { (base + Int(place[r])).initialize(to: make(Int32(r))) }
            initialized = rows.count
        }
    }
}
