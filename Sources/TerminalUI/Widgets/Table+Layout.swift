extension Table {
    /// Where each visible column goes in a table `width` columns wide (positions relative to the table), by
    /// `ColumnFit` (the algorithm the command line's tables use too).
    ///
    /// A fixed column has its width; a flexible one needs its minimum, starts narrower when its title and text
    /// (in the rows `measured`, all rows if nil) are, is completed when they are cut, and takes a share of the
    /// spare room by its weight up to its maximum. An empty table keeps its declared widths.
    public func columnLayout(width: Int, measuring measured: Range<Int>? = nil) -> [ColumnPlacement] {
        let gutter = showsMarks ? 2 : 0
        let rowRange = (measured ?? rows.indices).clamped(to: rows.indices)
        let fitted = ColumnFit.fit(
            columns.indices.map { index in
                let column = columns[index]
                switch column.width {
                case .fixed:
                    let n = column.minimumWidth
                    return ColumnFit.Column(minimum: n, natural: n, maximum: n, weight: 0, priority: column.priority)
                case .flexible(_, let maxWidth, let weight):
                    return ColumnFit.Column(
                        minimum: column.minimumWidth,
                        natural: rowRange.isEmpty ? nil : contentWidth(index, rows: rowRange),
                        maximum: maxWidth, weight: weight, priority: column.priority)
                }
            }, width: width - gutter, gap: columnGap)
        var placements: [ColumnPlacement] = []
        var x = gutter
        for slot in fitted {
            placements.append(ColumnPlacement(index: slot.index, x: x, width: min(slot.width, max(0, width - x))))
            x += slot.width + columnGap
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
            let width =
                text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
                ? text.utf8.count : DisplayWidth.of(Sanitizer.clean(text))
            widest = max(widest, width)
        }
        return widest
    }
}
