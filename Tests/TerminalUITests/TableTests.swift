import TerminalUI
import Testing

@Suite struct TableViewportTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let cursor: Int, previous: Int, visible: Int, rows: Int, expected: Int
        var testDescription: String { "cursor \(cursor) prev \(previous) visible \(visible) rows \(rows)" }
    }

    @Test(arguments: [
        Case(cursor: 0, previous: 0, visible: 10, rows: 100, expected: 0),
        Case(cursor: 9, previous: 0, visible: 10, rows: 100, expected: 0), // last visible row: no scroll
        Case(cursor: 10, previous: 0, visible: 10, rows: 100, expected: 1), // one past: scroll by one
        Case(cursor: 5, previous: 20, visible: 10, rows: 100, expected: 5), // above the view: cursor at top
        Case(cursor: 25, previous: 20, visible: 10, rows: 100, expected: 20), // inside: stay put
        Case(cursor: 99, previous: 0, visible: 10, rows: 100, expected: 90),
        Case(cursor: 500, previous: 0, visible: 10, rows: 100, expected: 90), // cursor clamped
        Case(cursor: 3, previous: 50, visible: 10, rows: 5, expected: 0), // fewer rows than fit
        Case(cursor: 95, previous: 88, visible: 20, rows: 100, expected: 80), // grown window pulls rows back
        Case(cursor: 0, previous: 7, visible: 0, rows: 100, expected: 0),
        Case(cursor: 0, previous: 7, visible: 10, rows: 0, expected: 0),
    ])
    func offsetKeepsTheCursorVisible(_ c: Case) {
        let offset = TableViewport.offset(
            cursor: c.cursor, previousOffset: c.previous, visibleRows: c.visible,
            rowCount: c.rows)
        #expect(offset == c.expected)
        if c.visible > 0 && c.rows > 0 {
            let cursor = TableViewport.clamp(c.cursor, rowCount: c.rows)
            #expect((offset..<(offset + c.visible)).contains(cursor))
        }
    }

    @Test func cursorAlwaysVisibleForEveryMove() {
        var offset = 0
        for (cursor, visible) in [(0, 10), (15, 10), (14, 10), (3, 10), (40, 7), (41, 3), (0, 1), (99, 50)] {
            offset = TableViewport.offset(cursor: cursor, previousOffset: offset, visibleRows: visible, rowCount: 100)
            #expect(offset <= cursor && cursor < offset + visible, "cursor \(cursor) offset \(offset)")
            #expect(offset + visible <= max(100, visible))
        }
    }

    @Test func pageDownAndUpKeepTheCursorsPlaceOnScreen() {
        var (cursor, offset) = (3, 0)
        (cursor, offset) = TableViewport.pageDown(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        #expect(cursor == 13 && offset == 10)
        (cursor, offset) = TableViewport.pageDown(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        #expect(cursor == 23 && offset == 20)
        (cursor, offset) = TableViewport.pageDown(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        #expect(cursor == 33 && offset == 25)
        (cursor, offset) = TableViewport.pageDown(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        #expect(cursor == 34 && offset == 25)
        (cursor, offset) = TableViewport.pageUp(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        #expect(cursor == 24 && offset == 15)
        (cursor, offset) = TableViewport.pageUp(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        (cursor, offset) = TableViewport.pageUp(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        #expect(cursor == 4 && offset == 0)
        (cursor, offset) = TableViewport.pageUp(cursor: cursor, offset: offset, visibleRows: 10, rowCount: 35)
        #expect(cursor == 0 && offset == 0)
    }

    @Test func shrinkingTheWindowKeepsTheCursorVisible() {
        let table = Table(
            columns: [TableColumn("N", width: .fixed(4))],
            rows: (0..<50).map { TableRow([TableCell("\($0)")]) }, cursor: 30, offset: 25)
        #expect(table.scrollOffset(in: Rect(x: 0, y: 0, width: 10, height: 21)) == 25) // 20 rows: 25...44
        #expect(table.scrollOffset(in: Rect(x: 0, y: 0, width: 10, height: 4)) == 28) // 3 rows: 28...30
        #expect(table.scrollOffset(in: Rect(x: 0, y: 0, width: 10, height: 60)) == 0) // everything fits
    }

    @Test func mouseRowLookup() {
        #expect(TableViewport.row(atScreenY: 5, bodyTop: 2, visibleRows: 10, offset: 40, rowCount: 100) == 43)
        #expect(TableViewport.row(atScreenY: 1, bodyTop: 2, visibleRows: 10, offset: 40, rowCount: 100) == nil)
        #expect(TableViewport.row(atScreenY: 5, bodyTop: 2, visibleRows: 10, offset: 0, rowCount: 2) == nil)
    }
}

@Suite struct TableRenderTests {
    let columns = [
        TableColumn("ID", width: .fixed(6), priority: 10),
        TableColumn("NAME", width: .flexible(min: 6), priority: 9),
        TableColumn("STATUS", width: .fixed(9), priority: 8),
        TableColumn("ZONE", width: .fixed(6), priority: 1),
        TableColumn("CPU", width: .fixed(3), priority: 2, alignment: .right),
    ]

    func rows() -> [TableRow] {
        [
            TableRow([
                TableCell("i-001"), TableCell("web-1"), TableCell("● Running", role: .statusRunning),
                TableCell("cn-a"), TableCell("2"),
            ]),
            TableRow(
                [
                    TableCell("i-002"), TableCell("数据库主节点备份"), TableCell("○ Stopped", role: .statusStopped),
                    TableCell("cn-b"), TableCell("16"),
                ], isMarked: true),
            TableRow([
                TableCell("i-003"), TableCell("evil\u{1B}[31m"), TableCell("◐ Stopping", role: .statusStopping),
                TableCell("cn-c"), TableCell("4"),
            ]),
        ]
    }

    @Test func columnsDropByPriorityWhenNarrow() {
        let table = Table(columns: columns, rows: [])
        func titles(_ width: Int) -> [String] { table.columnLayout(width: width).map { columns[$0.index].title } }
        #expect(titles(60) == ["ID", "NAME", "STATUS", "ZONE", "CPU"])
        #expect(titles(2 + 6 + 1 + 6 + 1 + 9 + 1 + 6 + 1 + 3) == ["ID", "NAME", "STATUS", "ZONE", "CPU"])
        #expect(titles(35) == ["ID", "NAME", "STATUS", "CPU"]) // ZONE (priority 1) goes first
        #expect(titles(29) == ["ID", "NAME", "STATUS", "CPU"])
        #expect(titles(28) == ["ID", "NAME", "STATUS"])
        #expect(titles(20) == ["ID", "NAME"])
        #expect(titles(5) == ["ID"])
        #expect(table.columnLayout(width: 5)[0].width == 3, "the last column left is clipped to the area")
    }

    @Test func flexibleColumnsShareTheSpareRoom() {
        let table = Table(
            columns: [
                TableColumn("A", width: .fixed(4)),
                TableColumn("B", width: .flexible(min: 2, weight: 1)),
                TableColumn("C", width: .flexible(min: 2, max: 5, weight: 3)),
            ],
            rows: [], showsMarks: false)
        let layout = table.columnLayout(width: 30)
        #expect(layout.map(\.width) == [4, 19, 5])
        #expect(layout.map(\.x) == [0, 5, 25])
    }

    @Test func rendersHeaderRowsMarksAndSanitisedText() {
        var grid = Grid(width: 44, height: 5)
        let table = Table(columns: columns, rows: rows(), cursor: 0, sort: TableSort(column: 0))
        table.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(
            grid.lines == [
                "  ID▲    NAME           STATUS    ZONE   CPU",
                "  i-001  web-1          ● Running cn-a     2",
                "✓ i-002  数据库主节点 … ○ Stopped cn-b    16",
                "  i-003  evil\u{FFFD}[31m      ◐ Stoppi… cn-c     4",
                "                                            ",
            ])
    }

    @Test func stylesFollowTheTheme() {
        let theme = Theme.default
        var grid = Grid(width: 44, height: 4)
        Table(columns: columns, rows: rows(), cursor: 0).render(into: &grid, area: grid.bounds, theme: theme)
        #expect(grid.style(at: 3, y: 0) == theme[.header])
        // Cursor row: one style across, cell roles ignored.
        let cursor = theme[.row].patched(with: theme[.cursor])
        #expect(
            grid.style(at: 0, y: 1) == cursor && grid.style(at: 25, y: 1) == cursor
                && grid.style(at: 43, y: 1) == cursor)
        // Marked row: the mark style, with the status role's colour over it.
        #expect(grid.style(at: 0, y: 2) == theme[.row].patched(with: theme[.mark]))
        #expect(
            grid.style(at: 25, y: 2) == theme[.row].patched(with: theme[.mark]).patched(with: theme[.statusStopped]))
        #expect(grid.style(at: 25, y: 3) == theme[.row].patched(with: theme[.statusStopping]))
    }

    @Test func scrollsToKeepTheCursorVisible() {
        let many = (0..<30).map { TableRow([TableCell("i-\($0)")]) }
        var grid = Grid(width: 12, height: 6)
        let table = Table(columns: [TableColumn("ID", width: .fixed(8))], rows: many, cursor: 20, offset: 0)
        let offset = table.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(offset == 16)
        #expect(grid.lines[1].hasPrefix("  i-16") && grid.lines[5].hasPrefix("  i-20"))
        #expect(grid.style(at: 2, y: 5) == Theme.default[.row].patched(with: Theme.default[.cursor]))
    }

    @Test func emptyTableShowsItsMessage() {
        var grid = Grid(width: 20, height: 3)
        Table(columns: [TableColumn("ID", width: .fixed(8))], rows: [], emptyText: "No instances")
            .render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines[1] == "    No instances    ")
    }

    @Test func asciiMarksAndSortArrows() {
        var grid = Grid(width: 12, height: 2)
        Table(
            columns: [TableColumn("ID", width: .fixed(8))], rows: [TableRow(["x"], isMarked: true)], ascii: true,
            sort: TableSort(column: 0, ascending: false)
        ).render(into: &grid, area: grid.bounds, theme: .mono)
        #expect(grid.lines == ["  IDv       ", "+ x         "])
    }
}
