extension Table {
    /// Where each visible column goes in a table `width` columns wide (positions relative to the table).
    ///
    /// Columns are dropped, lowest `priority` first (the right-most among equals), until the minimum widths
    /// and gaps fit; at least one column is kept, clipped if need be. Flexible columns whose title and text (in
    /// the rows `measured`, all rows if nil) are narrower than their minimum shrink to them; spare room then
    /// completes the flexible columns whose text is cut, the most important first, each only if it fits whole;
    /// what remains goes to flexible columns in proportion to their weights, up to their maximums, and what is
    /// still left stays blank on the right.
    public func columnLayout(width: Int, measuring measured: Range<Int>? = nil) -> [ColumnPlacement] {
        let gutter = showsMarks ? 2 : 0
        let available = max(0, width - gutter)
        var visible = Array(columns.indices)
        func required(_ indices: [Int]) -> Int {
            indices.reduce(0) { $0 + columns[$1].minimumWidth } + columnGap * max(0, indices.count - 1)
        }
        while visible.count > 1 && required(visible) > available {
            // Lowest priority goes first; among equals, the right-most.
            let drop = visible.min { a, b in
                columns[a].priority != columns[b].priority ? columns[a].priority < columns[b].priority : a > b
            }
            visible.removeAll { $0 == drop }
        }
        let rowRange = (measured ?? rows.indices).clamped(to: rows.indices)
        // A flexible column whose title and text are narrower than its minimum gives the difference back (only
        // once rows are measured, so an empty table keeps its declared widths).
        var widths = visible.map { index -> Int in
            guard !rowRange.isEmpty, case .flexible = columns[index].width else { return columns[index].minimumWidth }
            return min(columns[index].minimumWidth, contentWidth(index, rows: rowRange))
        }
        var spare = available - widths.reduce(0, +) - columnGap * max(0, visible.count - 1)
        // Then complete the columns whose text is cut, the most important first, each only if it fits whole.
        var shortfalls: [(slot: Int, need: Int)] = []
        for (slot, index) in visible.enumerated() {
            guard !rowRange.isEmpty, case .flexible(_, let maxWidth, _) = columns[index].width else { continue }
            let need = min(contentWidth(index, rows: rowRange), maxWidth ?? Int.max) - widths[slot]
            if need > 0 { shortfalls.append((slot, need)) }
        }
        shortfalls.sort { columns[visible[$0.slot]].priority > columns[visible[$1.slot]].priority }
        for item in shortfalls where item.need <= spare {
            widths[item.slot] += item.need
            spare -= item.need
        }
        // Hand out spare columns by weight in rounds, so maximums release room to the others.
        while spare > 0 {
            var open: [(slot: Int, weight: Int)] = []
            for (slot, index) in visible.enumerated() {
                guard case .flexible(_, let maxWidth, let weight) = columns[index].width, weight > 0 else { continue }
                if let maxWidth, widths[slot] >= maxWidth { continue }
                open.append((slot, weight))
            }
            guard !open.isEmpty else { break }
            let totalWeight = open.reduce(0) { $0 + $1.weight }
            var given = 0
            for item in open {
                var share = spare * item.weight / totalWeight
                if case .flexible(_, let maxWidth?, _) = columns[visible[item.slot]].width {
                    share = min(share, maxWidth - widths[item.slot])
                }
                widths[item.slot] += share; given += share
            }
            if given == 0 {
                // Every share rounded down to nothing: give the open columns one each, left to right.
                for item in open where given < spare { widths[item.slot] += 1; given += 1 }
            }
            spare -= given
        }
        var placements: [ColumnPlacement] = [], x = gutter
        for (slot, index) in visible.enumerated() {
            let w = min(widths[slot], max(0, width - x))
            placements.append(ColumnPlacement(index: index, x: x, width: w))
            x += widths[slot] + columnGap
        }
        return placements
    }
}

extension Table {
    /// The widest of column `index`'s title (with room for the sort arrow) and its text in `rows`.
    func contentWidth(_ index: Int, rows range: Range<Int>) -> Int {
        var widest = DisplayWidth.of(Sanitizer.clean(columns[index].title)) + (sort?.column == index ? 1 : 0)
        for r in range where index < rows[r].cells.count {
            let text = rows[r].cells[index].text
            // Printable ASCII (most cells) is as wide as it is long; measured every frame, so skip the general path.
            let width = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? text.utf8.count : DisplayWidth.of(Sanitizer.clean(text))
            widest = max(widest, width)
        }
        return widest
    }
}
