import ECSAPI
import FleetCore

/// Sorting 100,000 rows within a key press. The rows are kept in ID order (`idOrder`, extended as rows arrive);
/// a column sort gives each row a 64-bit rank for the column and radix-sorts the ID order by it, stably, so ties
/// stay in ID order without comparing IDs. Ranks come from the distinct values of a column, ranked once and kept
/// in order as new ones arrive (`FieldCodes`, `SortCodes`), or from the value itself (addresses, times). Rows a
/// refresh changed are placed by binary search with direct key comparisons instead.
extension InstanceTable {
    /// Sorts every live row afresh, or only reverses the list when only the direction changed.
    mutating func sortAll() {
        if !needsFullKeys, sorted.count == count {
            // The order is total (ties by ID), so reversing it is exact.
            sorted.reverse()
            return
        }
        updateIdOrder()
        var rows = idOrder.filter { alive[Int($0)] }
        if let keys = columnRanks(sort.column) { SortRanks.stableSort(&rows, by: keys) }
        if !sort.ascending { rows.reverse() }
        listed = alive
        sorted = rows
    }

    /// Takes the changed rows out of the sorted list and puts the live ones back at their places.
    mutating func resort(_ pending: [Int32]) {
        var leaving = false
        for r in pending where listed[Int(r)] {
            listed[Int(r)] = false
            leaving = true
        }
        var rest = sorted
        if leaving { rest.removeAll { !listed[Int($0)] } }
        let moving = pending.filter { alive[Int($0)] }
        guard !moving.isEmpty else {
            sorted = rest
            return
        }
        var keyed = moving.map { (row: $0, key: key(of: $0)) }
        keyed.sort { precedes($0.row, $0.key, $1.row, $1.key) }
        let keys = Dictionary(keyed.map { ($0.row, $0.key) }, uniquingKeysWith: { a, _ in a })
        sorted = SortRanks.merge(keyed.map(\.row), into: rest) { a, b in
            precedes(a, keys[a] ?? key(of: a), b, keys[b] ?? key(of: b))
        }
        for r in moving { listed[Int(r)] = true }
    }

    /// The sort key of row `r` for the current column.
    func key(of r: Int32) -> SortKey {
        SortKey.make(sort.column, instances[Int(r)], lastOperations[Int(r)])
    }

    /// Whether row `a` comes before row `b` in the current order (column, then ID; the whole reversed when
    /// descending).
    func precedes(_ a: Int32, _ ka: SortKey, _ b: Int32, _ kb: SortKey) -> Bool {
        let ascending = SortKey.order(ka, kb) ?? ids[Int(a)].utf8.lexicographicallyPrecedes(ids[Int(b)].utf8)
        return sort.ascending ? ascending : !ascending
    }

    // MARK: ID order

    /// Brings `idOrder` up to date with the rows added since: sorts the new rows, then merges them in.
    private mutating func updateIdOrder() {
        guard idOrdered < ids.count else { return }
        let all = ids
        var fresh = Array(Int32(idOrdered)..<Int32(all.count))
        let ranks = SortRanks.dense(fresh.map { SortKey(number: 0, text: all[Int($0)]) })
        var byRow = [UInt64](repeating: 0, count: all.count)
        for (n, r) in fresh.enumerated() { byRow[Int(r)] = ranks[n] }
        SortRanks.stableSort(&fresh, by: byRow)
        idOrder =
            idOrder.isEmpty
            ? fresh
            : SortRanks.merge(fresh, into: idOrder) { all[Int($0)].utf8.lexicographicallyPrecedes(all[Int($1)].utf8) }
        idOrdered = all.count
    }

    // MARK: Ranks

    /// Each row's rank for `column` (indexed by row; removed rows hold anything), or `nil` for the ID column.
    private mutating func columnRanks(_ column: SortColumn) -> [UInt64]? {
        switch column {
        case .id: return nil
        case .name: return coded(sortCodes.rowName, sortCodes.names.rankTable())
        case .charge: return coded(sortCodes.rowCharge, sortCodes.charges.rankTable())
        case .status:
            return coded(
                codes.rowStatus,
                SortRanks.dense(codes.status.values.map { SortKey.status(InstanceStatus(rawValue: $0)) }))
        case .type: return coded(codes.rowType, textRanks(codes.type.values))
        case .zone: return coded(codes.rowZone, textRanks(codes.zone.values))
        case .region: return coded(codes.rowRegion, textRanks(codes.region.values))
        case .privateIp: return addressRanks(sortCodes.rowPrivateIp) { $0.privateIp }
        case .publicIp: return addressRanks(sortCodes.rowPublicIp) { $0.publicIp }
        case .lastOperation: return lastOperations.map { SortKey.lastOperation($0).number }
        case .eco: return sortCodes.rowEco
        case .lock: return coded(sortCodes.rowLock, sortCodes.locks.rankTable())
        case .tags:
            let rows = sortCodes.tagCodes(instances, alive: alive)
            return coded(rows, sortCodes.tags.rankTable())
        }
    }

    /// Each row takes its value's rank.
    private func coded(_ rowCodes: [Int32], _ valueRanks: [UInt64]) -> [UInt64] {
        rowCodes.map { $0 >= 0 && Int($0) < valueRanks.count ? valueRanks[Int($0)] : 0 }
    }

    /// Ranks of a few distinct texts, compared in lower case.
    private func textRanks(_ values: [String]) -> [UInt64] {
        SortRanks.dense(values.map { SortKey(number: 0, text: SortKey.normalized($0)) })
    }

    /// IPv4 addresses rank by value (recorded when stored); other addresses after them, by text; none last.
    /// The few rows with another address are read again for their text.
    private func addressRanks(_ numbers: [UInt64], _ address: (borrowing Instance) -> String?) -> [UInt64] {
        // Missing addresses become the smallest number above every other, so fewer digits need sorting.
        let none = SortKey.otherAddress << 1
        var out = numbers.map { $0 == SortKey.missing ? none : $0 }
        var others: [Int32] = []
        var otherKeys: [SortKey] = []
        for i in numbers.indices where numbers[i] == SortKey.otherAddress && alive[i] {
            others.append(Int32(i))
            otherKeys.append(SortKey.address(address(instances[i])))
        }
        for (n, rank) in SortRanks.dense(otherKeys).enumerated() { out[Int(others[n])] = SortKey.otherAddress + rank }
        return out
    }
}
