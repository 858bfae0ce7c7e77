import ECSAPI
import FleetCore

extension InstanceTable {
    /// Brings the sorted and visible lists up to date with `query`, `regions` and `sort`. A changed filter
    /// re-judges every row (one scan of the search buffer); a changed sort re-sorts; otherwise only rows that
    /// changed since the last sync are re-judged and moved. Returns whether the visible list may have changed.
    @discardableResult
    mutating func sync(query newQuery: InstanceQuery, regions newRegions: Set<String>?, sort newSort: InstanceSort)
        -> Bool
    {
        var narrowing = false
        if newQuery != query || newRegions != regions {
            // Typing a word further only removes matches: re-check the visible rows only, and keep their order
            // (so not when the sort changes too).
            narrowing =
                !needsFullFilter && !needsFullSort && changed.isEmpty && newSort == sort && newRegions == regions
                && newQuery.narrows(query)
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
        var narrowed: [Int32]?
        if needsFullFilter {
            filterAll()
        } else if narrowing {
            var flags = matched
            matched = []
            narrowed = CompiledQuery(query, regions: regions, codes: codes).narrow(&flags, visible: visible, in: self)
            matched = flags
        } else {
            let check = CompiledQuery(query, regions: regions, codes: codes)
            for r in pending { matched[Int(r)] = alive[Int(r)] && check.passes(r, in: self) }
        }
        needsFullSort = false
        needsFullKeys = false
        needsFullFilter = false
        rebuildVisible(narrowed)
        return true
    }

    private mutating func filterAll() {
        let check = CompiledQuery(query, regions: regions, codes: codes)
        matched = [Bool](repeating: false, count: instances.count)
        for r in check.filter(sorted, in: self) { matched[Int(r)] = true }
    }

    /// Rebuilds `visible` from the sorted rows that match, or from `narrowed` (visible rows still matching, in
    /// order) when the filter only narrowed. Runs on every filter keystroke over up to 100,000 rows, hence the
    /// buffer pointers (no bounds or uniqueness checks in the loop).
    private mutating func rebuildVisible(_ narrowed: [Int32]? = nil) {
        if visiblePlace.count != instances.count { visiblePlace = [Int32](repeating: -1, count: instances.count) }
        let source = narrowed ?? sorted
        var list = [Int32](repeating: 0, count: source.count)
        var tally = [Int](repeating: 0, count: codes.status.values.count)
        var n = 0
        var shownMarks = 0
        let marks = marked
        let old = visible
        visiblePlace.withUnsafeMutableBufferPointer { place in
            for r in old where Int(r) < place.count { place[Int(r)] = -1 }
            codes.rowStatus.withUnsafeBufferPointer { status in
                matched.withUnsafeBufferPointer { match in
                    list.withUnsafeMutableBufferPointer { out in
                        tally.withUnsafeMutableBufferPointer { counts in
                            for r in source where match[Int(r)] {
                                place[Int(r)] = Int32(n)
                                out[n] = r
                                n += 1
                                counts[Int(status[Int(r)])] += 1
                                if marks[Int(r)] { shownMarks += 1 }
                            }
                        }
                    }
                }
            }
        }
        list.removeLast(list.count - n)
        visible = list
        visibleStatusTally = tally
        visibleMarkedRows = shownMarks
    }

    /// The place of `id` in the visible list.
    func visiblePosition(of id: String) -> Int? {
        guard let r = rowOf[id], visiblePlace[Int(r)] >= 0 else { return nil }
        return Int(visiblePlace[Int(r)])
    }
}
