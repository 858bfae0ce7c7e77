import FleetCore

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
            case .text(let word): add(.text(Array(word.utf8)), negated: t.negated)
            case .field(let field, let values):
                add(.field(codes: codes.rows(field), allowed: codes.allowed(field, values: values)), negated: t.negated)
            case .tag(let patterns):
                add(.tag(rowTags: codes.rowTags, allowed: codes.allowedTags(patterns)), negated: t.negated)
            }
        }
    }

    private mutating func add(_ check: Check, negated: Bool) {
        if case .field(_, let allowed) = check {
            if !allowed.contains(false) {
                if negated { matchesNothing = true }
                return
            }
            if !allowed.contains(true) {
                if !negated { matchesNothing = true }
                return
            }
        }
        if case .tag(_, let allowed) = check, !allowed.contains(true) {
            if !negated { matchesNothing = true }
            return
        }
        checks.append((check, negated))
    }

    /// A word every match must contain, to scan the search buffer for first; and its check's index.
    var anchorWord: ([UInt8], Int)? {
        let candidates = checks.indices.compactMap { i -> ([UInt8], Int)? in
            guard case .text(let word) = checks[i].check, !checks[i].negated else { return nil }
            return (word, i)
        }
        return candidates.max { $0.0.count < $1.0.count }
    }

    /// The rows among `live` (every live row) that match, one check at a time over all candidates.
    func filter(_ live: [Int32], in table: InstanceTable) -> [Int32] {
        if matchesNothing { return [] }
        var rows = live
        var skip = -1
        if let (word, n) = anchorWord {
            rows = table.search.rows(containing: word)
            skip = n
        }
        for n in checks.indices where n != skip && !rows.isEmpty {
            let negated = checks[n].negated
            switch checks[n].check {
            case .text(let word): rows.removeAll { table.search.row($0, contains: word) == negated }
            case .field(let codes, let allowed):
                codes.withUnsafeBufferPointer { c in
                    allowed.withUnsafeBufferPointer { a in rows.removeAll { a[Int(c[Int($0)])] == negated } }
                }
            case .tag(let rowTags, let allowed):
                allowed.withUnsafeBufferPointer { a in
                    rows.removeAll { r in rowTags[Int(r)].contains { Int($0) < a.count && a[Int($0)] } == negated }
                }
            }
        }
        return rows
    }

    /// Narrows `matched` (the rows matching a wider query, `visible` in order) to the rows matching this one;
    /// returns them in the order of `visible`.
    func narrow(_ matched: inout [Bool], visible: [Int32], in table: InstanceTable) -> [Int32] {
        if matchesNothing {
            for r in visible { matched[Int(r)] = false }
            return []
        }
        for n in checks.indices {
            let negated = checks[n].negated
            switch checks[n].check {
            case .text(let word): table.search.refine(&matched, containing: word, keep: !negated)
            default:
                for r in visible where matched[Int(r)] && !passes(r, check: n, in: table) { matched[Int(r)] = false }
            }
        }
        return matched.withUnsafeBufferPointer { m in visible.filter { m[Int($0)] } }
    }

    /// Whether row `r` satisfies check `n` (negation applied).
    private func passes(_ r: Int32, check n: Int, in table: InstanceTable) -> Bool {
        let i = Int(r)
        let hit: Bool
        switch checks[n].check {
        case .text(let word): hit = table.search.row(r, contains: word)
        case .field(let codes, let allowed): hit = i < codes.count && allowed[Int(codes[i])]
        case .tag(let rowTags, let allowed):
            hit = i < rowTags.count && rowTags[i].contains { Int($0) < allowed.count && allowed[Int($0)] }
        }
        return hit != checks[n].negated
    }

    /// Whether one row matches.
    func passes(_ r: Int32, in table: InstanceTable) -> Bool {
        if matchesNothing { return false }
        let i = Int(r)
        for n in checks.indices {
            let hit: Bool
            switch checks[n].check {
            case .text(let word): hit = table.search.row(r, contains: word)
            case .field(let codes, let allowed): hit = i < codes.count && allowed[Int(codes[i])]
            case .tag(let rowTags, let allowed):
                hit = i < rowTags.count && rowTags[i].contains { Int($0) < allowed.count && allowed[Int($0)] }
            }
            if hit == checks[n].negated { return false }
        }
        return true
    }
}
