extension InstanceTable {
    /// How many instances are marked, hidden ones and ones no longer loaded included.
    var markCount: Int { markedRows + strayMarks.count }

    /// Whether `id` is marked.
    func isMarked(_ id: String) -> Bool {
        if let r = rowOf[id] { return marked[Int(r)] }
        return strayMarks.contains(id)
    }

    /// The marked IDs, made on demand (O(rows)): for copying and messages, not for frames.
    var markedIds: Set<String> {
        var out = strayMarks
        out.reserveCapacity(markCount)
        for i in marked.indices where marked[i] { out.insert(ids[i]) }
        return out
    }

    /// How many marked instances are not visible.
    var hiddenMarkCount: Int { markCount - visibleMarkedRows }

    /// Marks (`on`) or unmarks row `r`; returns whether that changed anything.
    @discardableResult
    mutating func setMark(row r: Int32, _ on: Bool) -> Bool {
        guard marked[Int(r)] != on else { return false }
        marked[Int(r)] = on
        markedRows += on ? 1 : -1
        if visiblePlace[Int(r)] >= 0 { visibleMarkedRows += on ? 1 : -1 }
        return true
    }

    /// Marks (`on`) or unmarks `id`, loaded or not.
    mutating func setMark(_ id: String, _ on: Bool) {
        if let r = rowOf[id] {
            setMark(row: r, on)
        } else if on {
            strayMarks.insert(id)
        } else {
            strayMarks.remove(id)
        }
    }

    /// Marks exactly `ids`.
    mutating func setMarks(_ ids: some Sequence<String>) {
        clearMarks()
        for id in ids { setMark(id, true) }
    }

    /// Unmarks everything.
    mutating func clearMarks() {
        if markedRows > 0 { marked = [Bool](repeating: false, count: marked.count) }
        markedRows = 0
        visibleMarkedRows = 0
        strayMarks = []
    }
}

extension InstanceTable {
    /// Marks every visible row (`*`).
    mutating func markVisible() {
        for r in visible { setMark(row: r, true) }
    }

    /// Marks the visible unmarked rows and unmarks the visible marked ones (`~`).
    mutating func invertVisibleMarks() {
        for r in visible { setMark(row: r, !marked[Int(r)]) }
    }
}

extension InstanceTable {
    /// The marked rows on screen in list order, and the other marked IDs (hidden by the filter or the regions
    /// shown, or not loaded), sorted: the stop dialog's targets.
    func markedRowsAndHiddenIds() -> (shown: [Int32], hidden: [String]) {
        var shown: [Int32] = []
        shown.reserveCapacity(markedRows)
        for r in visible where marked[Int(r)] { shown.append(r) }
        var hidden = Array(strayMarks)
        if shown.count < markedRows {
            for i in marked.indices where marked[i] && visiblePlace[i] < 0 { hidden.append(ids[i]) }
        }
        return (shown, hidden.sorted())
    }
}
