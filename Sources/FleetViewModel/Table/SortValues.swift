import FleetCore

/// The distinct values of one sort column (names, charge types), numbered as they first appear, with their order
/// kept as values arrive: new values are sorted among themselves and merged in, so a sort by the column never
/// sorts again the values it already knows, and a refresh that brings no new value costs nothing.
struct SortValues: Sendable {
    /// Each value's key, by code.
    private(set) var keys: [SortKey] = []
    private var codes: [String: Int32] = [:]
    /// Codes in key order; covers the first `ordered.count` codes.
    private var ordered: [Int32] = []
    /// Each code's dense rank, valid while `ordered` covers every code.
    private var ranks: [UInt64] = []
    private let key: @Sendable (String) -> SortKey

    init(key: @escaping @Sendable (String) -> SortKey) { self.key = key }

    /// The code of `value`, numbering it if new.
    mutating func code(_ value: String) -> Int32 {
        if let c = codes[value] { return c }
        let c = Int32(keys.count)
        keys.append(key(value))
        codes[value] = c
        return c
    }

    /// Each code's rank (equal keys, equal ranks), ordering first any values that arrived since the last call.
    mutating func rankTable() -> [UInt64] {
        guard ordered.count < keys.count || ranks.count < keys.count else { return ranks }
        var fresh = Array(Int32(ordered.count)..<Int32(keys.count))
        let freshRanks = SortRanks.dense(fresh.map { keys[Int($0)] })
        var byCode = [UInt64](repeating: 0, count: keys.count)
        for (n, c) in fresh.enumerated() { byCode[Int(c)] = freshRanks[n] }
        SortRanks.stableSort(&fresh, by: byCode)
        let all = keys
        ordered =
            ordered.isEmpty
            ? fresh : SortRanks.merge(fresh, into: ordered) { SortKey.order(all[Int($0)], all[Int($1)]) == true }
        ranks = [UInt64](repeating: 0, count: keys.count)
        var rank: UInt64 = 0
        for n in ordered.indices {
            if n > 0, SortKey.order(all[Int(ordered[n - 1])], all[Int(ordered[n])]) != nil { rank += 1 }
            ranks[Int(ordered[n])] = rank
        }
        return ranks
    }
}
