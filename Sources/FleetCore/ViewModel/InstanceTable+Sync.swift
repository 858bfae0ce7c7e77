import ECSAPI

extension InstanceTable {
    /// Brings the sorted and visible lists up to date with `query`, `regions` and `sort`. A changed filter
    /// re-judges every row (one scan of the search buffer); a changed sort re-sorts; otherwise only rows that
    /// changed since the last sync are re-judged and moved. Returns whether the visible list may have changed.
    @discardableResult
    mutating func sync(query newQuery: InstanceQuery, regions newRegions: Set<String>?, sort newSort: InstanceSort) -> Bool {
        if newQuery != query || newRegions != regions { query = newQuery; regions = newRegions; needsFullFilter = true }
        if newSort != sort {
            if newSort.column != sort.column || !changed.isEmpty { needsFullKeys = true }
            sort = newSort
            needsFullSort = true
        }
        guard needsFullSort || needsFullFilter || !changed.isEmpty else { return false }
        let pending = changed
        for r in pending { isChanged[Int(r)] = false }
        changed = []
        if needsFullSort { sortAll() } else { resort(pending) }
        if needsFullFilter { filterAll() } else {
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

/// A query turned into checks against the table's indexes. Field and tag tokens are judged once per distinct
/// value; checks that hold for every value are dropped, and one that holds for none empties the result.
struct CompiledQuery {
    enum Check {
        case text([UInt8])
        case field(codes: [Int32], allowed: [Bool])
        case tag(rowTags: [[Int32]], allowed: [Bool])
    }

    var checks: [(check: Check, negated: Bool)] = []
    /// Whether no row can match.
    var matchesNothing = false

    init(_ query: InstanceQuery, regions: Set<String>?, codes: FieldCodes) {
        if let regions { add(.field(codes: codes.rowRegion, allowed: codes.allowedRegions(regions)), negated: false) }
        for t in query.tokens {
            switch t.term {
            case let .text(word): add(.text(Array(word.utf8)), negated: t.negated)
            case let .field(field, value): add(.field(codes: codes.rows(field), allowed: codes.allowed(field, value: value)), negated: t.negated)
            case let .tag(key, value): add(.tag(rowTags: codes.rowTags, allowed: codes.allowedTags(key: key, value: value)), negated: t.negated)
            }
        }
    }

    private mutating func add(_ check: Check, negated: Bool) {
        if case let .field(_, allowed) = check {
            if !allowed.contains(false) { if negated { matchesNothing = true }; return }
            if !allowed.contains(true) { if !negated { matchesNothing = true }; return }
        }
        if case let .tag(_, allowed) = check, !allowed.contains(true) {
            if !negated { matchesNothing = true }
            return
        }
        checks.append((check, negated))
    }

    /// A word every match must contain, to scan the search buffer for first; and its check's index.
    var anchorWord: ([UInt8], Int)? {
        let candidates = checks.indices.compactMap { i -> ([UInt8], Int)? in
            guard case let .text(word) = checks[i].check, !checks[i].negated else { return nil }
            return (word, i)
        }
        return candidates.max { $0.0.count < $1.0.count }
    }

    /// The rows among `live` (every live row) that match, one check at a time over all candidates.
    func filter(_ live: [Int32], in table: InstanceTable) -> [Int32] {
        if matchesNothing { return [] }
        var rows = live, skip = -1
        if let (word, n) = anchorWord {
            rows = table.search.rows(containing: word)
            skip = n
        }
        for n in checks.indices where n != skip && !rows.isEmpty {
            let negated = checks[n].negated
            switch checks[n].check {
            case let .text(word): rows.removeAll { table.search.row($0, contains: word) == negated }
            case let .field(codes, allowed):
                codes.withUnsafeBufferPointer { c in
                    allowed.withUnsafeBufferPointer { a in rows.removeAll { a[Int(c[Int($0)])] == negated } }
                }
            case let .tag(rowTags, allowed):
                allowed.withUnsafeBufferPointer { a in
                    rows.removeAll { r in rowTags[Int(r)].contains { Int($0) < a.count && a[Int($0)] } == negated }
                }
            }
        }
        return rows
    }

    /// Whether one row matches.
    func passes(_ r: Int32, in table: InstanceTable) -> Bool {
        if matchesNothing { return false }
        let i = Int(r)
        for n in checks.indices {
            let hit: Bool
            switch checks[n].check {
            case let .text(word): hit = table.search.row(r, contains: word)
            case let .field(codes, allowed): hit = i < codes.count && allowed[Int(codes[i])]
            case let .tag(rowTags, allowed): hit = i < rowTags.count && rowTags[i].contains { Int($0) < allowed.count && allowed[Int($0)] }
            }
            if hit == checks[n].negated { return false }
        }
        return true
    }
}
