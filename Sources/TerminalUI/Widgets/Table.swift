/// Which column a table is sorted by, shown as an arrow after its title.
public struct TableSort: Hashable, Sendable {
    /// Index into `Table.columns`.
    public var column: Int
    /// Ascending (▲) or descending (▼).
    public var ascending: Bool

    /// Creates a sort indicator.
    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}

/// A table with a header, a cursor row kept in view, marked rows, and columns that drop by priority when
/// the area is narrow. A value: build it for each frame and render it.
public struct Table: Hashable, Sendable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows, top to bottom.
    public var rows: [TableRow]
    /// The cursor's row, or nil for no cursor.
    public var cursor: Int?
    /// The offset used for the previous frame (see `TableViewport.offset`); the rendered offset is derived
    /// from it and the cursor.
    public var offset: Int
    /// Whether to draw the header row.
    public var showsHeader: Bool
    /// Whether to reserve a two-column gutter on the left for the mark glyph.
    public var showsMarks: Bool
    /// Whether every other row uses `row.alt`.
    public var striped: Bool
    /// Blank columns between columns.
    public var columnGap: Int
    /// The glyph for marked rows (one column wide).
    public var markGlyph: String
    /// The sorted column and direction, shown as an arrow after its title.
    public var sort: TableSort?
    /// Use ASCII for the sort arrows.
    public var ascii: Bool
    /// Shown (dimmed) when there are no rows.
    public var emptyText: String

    /// Creates a table.
    public init(
        columns: [TableColumn], rows: [TableRow], cursor: Int? = nil, offset: Int = 0,
        showsHeader: Bool = true, showsMarks: Bool = true, striped: Bool = false, columnGap: Int = 1,
        ascii: Bool = false, sort: TableSort? = nil, emptyText: String = ""
    ) {
        self.columns = columns
        self.rows = rows
        self.cursor = cursor
        self.offset = offset
        self.showsHeader = showsHeader
        self.showsMarks = showsMarks
        self.striped = striped
        self.columnGap = max(0, columnGap)
        self.ascii = ascii
        self.markGlyph = ascii ? "+" : "✓"
        self.sort = sort
        self.emptyText = emptyText
    }

    /// Rows of `area` available for table rows (below the header).
    public func visibleRows(in area: Rect) -> Int { max(0, area.height - (showsHeader ? 1 : 0)) }

    /// The first row shown when rendered into `area`.
    public func scrollOffset(in area: Rect) -> Int {
        guard let cursor else {
            return max(0, min(offset, rows.count - visibleRows(in: area)))
        }
        return TableViewport.offset(
            cursor: cursor, previousOffset: offset, visibleRows: visibleRows(in: area),
            rowCount: rows.count)
    }

    /// The row under screen position `y` when rendered into `area`, for mouse clicks.
    public func row(atScreenY y: Int, in area: Rect) -> Int? {
        TableViewport.row(
            atScreenY: y, bodyTop: area.y + (showsHeader ? 1 : 0), visibleRows: visibleRows(in: area),
            offset: scrollOffset(in: area), rowCount: rows.count)
    }

    /// Draws the table. Returns the offset used, to be stored as `offset` for the next frame.
    @discardableResult
    public func render(into grid: inout Grid, area: Rect, theme: Theme) -> Int {
        guard !area.isEmpty else { return offset }
        let start = scrollOffset(in: area)
        let placements = columnLayout(width: area.width, measuring: start..<(start + visibleRows(in: area)))
        var body = area
        if showsHeader {
            let header = area.row(0)
            grid.fill(header, style: theme[.header])
            for p in placements {
                var title = Sanitizer.clean(columns[p.index].title)
                if let sort, sort.column == p.index {
                    title += ascii ? (sort.ascending ? "^" : "v") : (sort.ascending ? "▲" : "▼")
                }
                drawText(
                    title, in: &grid, x: area.x + p.x, y: area.y, width: p.width,
                    alignment: columns[p.index].alignment, style: theme[.header])
            }
            body = area.splitTop(1).rest
        }
        if rows.isEmpty, !emptyText.isEmpty, body.height > 0 {
            let text = DisplayWidth.fit(Sanitizer.clean(emptyText), columns: body.width)
            grid.put(
                text, x: body.x + (body.width - DisplayWidth.of(text)) / 2, y: body.y,
                style: theme[.row].patched(with: theme[.dim]))
        }
        for i in 0..<body.height {
            let r = start + i
            guard r < rows.count else { break }
            let row = rows[r]
            let y = body.y + i
            let isCursor = cursor.map { TableViewport.clamp($0, rowCount: rows.count) == r } ?? false
            let base = rowStyle(row, index: r, isCursor: isCursor, theme: theme)
            grid.fill(body.row(i), style: base)
            if showsMarks && row.isMarked {
                grid.put(
                    markGlyph, x: body.x, y: y, style: isCursor ? base : base.patched(with: theme[.mark]),
                    maxWidth: 1)
            }
            for p in placements {
                let cell = p.index < row.cells.count ? row.cells[p.index] : TableCell("")
                let style = isCursor ? base : (cell.role.map { base.patched(with: theme[$0]) } ?? base)
                drawText(
                    cell.text, in: &grid, x: area.x + p.x, y: y, width: p.width,
                    alignment: columns[p.index].alignment, style: style)
            }
        }
        return start
    }

    /// The style of a whole row: striping, the row's role, marking, or the cursor (which wins, keeping only
    /// the mark's attributes so a marked cursor row still looks marked in monochrome).
    func rowStyle(_ row: TableRow, index: Int, isCursor: Bool, theme: Theme) -> Style {
        if isCursor {
            let mark = theme[.mark]
            var style = theme[.row].patched(with: theme[.cursor])
            if row.isMarked { style = style.patched(with: Style(bold: mark.bold, underline: mark.underline)) }
            return style
        }
        var style = striped && index % 2 == 1 ? theme[.row].patched(with: theme[.rowAlt]) : theme[.row]
        if let role = row.role { style = style.patched(with: theme[role]) }
        if row.isMarked { style = style.patched(with: theme[.mark]) }
        return style
    }

    /// Draws sanitised, fitted and aligned text in a column.
    func drawText(
        _ text: String, in grid: inout Grid, x: Int, y: Int, width: Int,
        alignment: TableColumn.Alignment, style: Style
    ) {
        guard width > 0 else { return }
        let fitted = DisplayWidth.fit(Sanitizer.clean(text), columns: width)
        let gap = width - DisplayWidth.of(fitted)
        let left: Int
        switch alignment {
        case .left: left = 0
        case .right: left = gap
        case .center: left = gap / 2
        }
        grid.put(fitted, x: x + left, y: y, style: style, maxWidth: width - left)
    }
}
