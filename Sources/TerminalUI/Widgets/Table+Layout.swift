extension Table {
    /// Where each visible column goes in a table `width` columns wide (positions relative to the table).
    ///
    /// Columns are dropped, lowest `priority` first (the right-most among equals), until the minimum widths
    /// and gaps fit; at least one column is kept, clipped if need be. Spare room then goes to flexible columns
    /// in proportion to their weights, up to their maximums; what is still left stays blank on the right.
    public func columnLayout(width: Int) -> [ColumnPlacement] {
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
        var widths = visible.map { columns[$0].minimumWidth }
        var spare = available - required(visible)
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
