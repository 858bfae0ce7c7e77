import ECSAPI

extension InstanceTable {
    /// Brings the sorted and visible lists up to date with `query`, `regions` and `sort`. A changed filter
    /// re-judges every row (one scan of the search buffer); a changed sort re-sorts; otherwise only rows that
    /// changed since the last sync are re-judged and moved. Returns whether the visible list may have changed.
    @discardableResult
    mutating func sync(query newQuery: InstanceQuery, regions newRegions: Set<String>?, sort newSort: InstanceSort) -> Bool {
        var narrowing = false
        if newQuery != query || newRegions != regions {
            // Typing a word further only removes matches: re-check the visible rows, unless most rows are visible.
            narrowing = !needsFullFilter && changed.isEmpty && newRegions == regions && newQuery.narrows(query) && visible.count <= count / 2
            needsFullFilter = needsFullFilter || !narrowing
            query = newQuery
            regions = newRegions
        }
        if newSort != sort {
            if newSort.column != sort.column || !changed.isEmpty { needsFullKeys = true }
            sort = newSort
            needsFullSort = true
        }
        guard needsFullSort || needsFullFilter || narrowing || !changed.isEmpty else { return false }
        let pending = changed
        for r in pending { isChanged[Int(r)] = false }
        changed = []
        if needsFullSort { sortAll() } else { resort(pending) }
        if needsFullFilter { filterAll() } else if narrowing {
            let check = CompiledQuery(query, regions: regions, codes: codes)
            for r in visible where !check.passes(r, in: self) { matched[Int(r)] = false }
        } else {
            let check = CompiledQuery(query, regions: regions, codes: codes)
            for r in pending { matched[Int(r)] = alive[Int(r)] && check.passes(r, in: self) }
        }
        needsFullSort = false
        needsFullKeys = false
        needsFullFilter = false
        rebuildVisible()
        return true
    }

    /// Whether row `a` (key `ka`) comes before row `b` (key `kb`) in ascending order.
    @inline(__always)
    func ascends(_ ka: SortKey, _ a: Int32, _ kb: SortKey, _ b: Int32) -> Bool {
        if ka.number != kb.number { return ka.number < kb.number }
        if let o = SortKey.order(ka.text, kb.text) { return o }
        if ka.textIsLong || kb.textIsLong {
            let ta = longTexts[a] ?? "", tb = longTexts[b] ?? ""
            if ta != tb { return ta.utf8.lexicographicallyPrecedes(tb.utf8) }
        }
        if let o = SortKey.order(ka.id, kb.id) { return o }
        return (ka.idIsLong || kb.idIsLong) && ids[Int(a)].utf8.lexicographicallyPrecedes(ids[Int(b)].utf8)
    }

    /// Sorts `rows` in place by the current sort.
    func order(_ rows: inout [Int32]) {
        var entries = sortKeys.withUnsafeBufferPointer { keys in rows.map { SortEntry(key: keys[Int($0)], row: $0) } }
        if sort.ascending { entries.sort { ascends($0.key, $0.row, $1.key, $1.row) } }
        else { entries.sort { ascends($1.key, $1.row, $0.key, $0.row) } }
        rows = entries.map(\.row)
    }

    /// The keys of `rows` (`nil` for removed rows), and their long texts. Instances are read in place, never copied.
    private func computeKeys(_ rows: [Int32]) -> (keys: [SortKey?], long: [(Int32, String)]) {
        var keys: [SortKey?] = [], long: [(Int32, String)] = []
        keys.reserveCapacity(rows.count)
        let column = sort.column
        instances.withUnsafeBufferPointer { list in
            lastOperations.withUnsafeBufferPointer { lasts in
                for r in rows {
                    let i = Int(r)
                    guard alive[i] else { keys.append(nil); continue }
                    let (key, text) = SortKey.make(column, list.baseAddress! + i, lasts[i])
                    keys.append(key)
                    if let text { long.append((r, text)) }
                }
            }
        }
        return (keys, long)
    }

    private mutating func sortAll() {
        if !needsFullKeys, sorted.count == count {
            // Only the direction changed: the order is total, so reversing is exact.
            sorted.reverse()
            return
        }
        let all = (0..<Int32(instances.count)).map { $0 }
        let (keys, long) = computeKeys(all)
        longTexts = Dictionary(long, uniquingKeysWith: { a, _ in a })
        var live: [Int32] = []
        live.reserveCapacity(count)
        for i in keys.indices {
            sortKeys[i] = keys[i] ?? .removed
            listed[i] = keys[i] != nil
            if keys[i] != nil { live.append(Int32(i)) }
        }
        order(&live)
        sorted = live
    }

    /// Moves the changed rows whose key changed (or that are new or gone): out of the list, then merged back in.
    private mutating func resort(_ pending: [Int32]) {
        var moving: [Int32] = [], leaving = false
        let (keys, long) = computeKeys(pending)
        for (r, text) in long { longTexts[r] = text }
        for (n, r) in pending.enumerated() {
            let i = Int(r), new = keys[n]
            guard !listed[i] || new != sortKeys[i] else { continue }
            if listed[i] { leaving = true; listed[i] = false }
            if let new {
                sortKeys[i] = new
                moving.append(r)
            } else {
                sortKeys[i] = .removed
            }
        }
        guard !moving.isEmpty || leaving else { return }
        var rest = sorted
        if leaving { rest.removeAll { !listed[Int($0)] } }
        order(&moving)
        for r in moving { listed[Int(r)] = true }
        let ascending = sort.ascending
        var merged: [Int32] = []
        merged.reserveCapacity(rest.count + moving.count)
        sortKeys.withUnsafeBufferPointer { keys in
            var i = 0, j = 0
            while i < rest.count && j < moving.count {
                let a = moving[j], b = rest[i]
                let first = ascending ? ascends(keys[Int(a)], a, keys[Int(b)], b) : ascends(keys[Int(b)], b, keys[Int(a)], a)
                if first { merged.append(a); j += 1 } else { merged.append(b); i += 1 }
            }
            merged.append(contentsOf: rest[i...])
            merged.append(contentsOf: moving[j...])
        }
        sorted = merged
    }

    private mutating func filterAll() {
        let check = CompiledQuery(query, regions: regions, codes: codes)
        matched = [Bool](repeating: false, count: instances.count)
        for r in check.filter(sorted, in: self) { matched[Int(r)] = true }
    }

    private mutating func rebuildVisible() {
        for r in visible where Int(r) < visiblePlace.count { visiblePlace[Int(r)] = -1 }
        if visiblePlace.count != instances.count { visiblePlace = [Int32](repeating: -1, count: instances.count) }
        var list: [Int32] = []
        list.reserveCapacity(sorted.count)
        for r in sorted where matched[Int(r)] {
            visiblePlace[Int(r)] = Int32(list.count)
            list.append(r)
        }
        visible = list
    }

    /// The place of `id` in the visible list.
    func visiblePosition(of id: String) -> Int? {
        guard let r = rowOf[id], visiblePlace[Int(r)] >= 0 else { return nil }
        return Int(visiblePlace[Int(r)])
    }
}
