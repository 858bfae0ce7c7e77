import FleetTUI
import FleetViewModel
import TerminalUI
import Testing

/// One layout for rendering, paging and clicks: what it says is where the list is drawn.
@Suite struct ScreenLayoutTests {
    @Test(arguments: ScreenSize.both)
    func theListIsDrawnOnTheLayoutsRowsAndAPageIsThoseRows(size: ScreenSize) throws {
        let layout = UI.layout(size)
        let many = (1...99).map { UI.instance($0) }
        var s = UI.state(many, regions: [UI.hangzhou])
        let g = UI.render(s, size)
        // The first instance on the first list row, the last one shown on the last, nothing below it but the hint bar.
        #expect(UI.row(UI.id(1), in: g) == layout.listRows.y)
        #expect(UI.row(UI.id(layout.pageSize), in: g) == layout.listRows.maxY - 1)
        #expect(UI.row(UI.id(layout.pageSize + 1), in: g) == nil)
        #expect(layout.hintBar.y == size.height - 1 && layout.header.height == 2)
        // A click maps back to the row drawn there; the column titles and the hint bar are no row.
        #expect(layout.listRow(atScreenRow: layout.listRows.y + 4) == 4)
        #expect(layout.listRow(atScreenRow: layout.listRows.y - 1) == nil)
        #expect(layout.listRow(atScreenRow: layout.hintBar.y) == nil)
        // PgDn moves by exactly the rows shown: the next page starts with the first instance not shown.
        UI.press(.pageDown, &s, size)
        #expect(s.cursor == UI.id(layout.pageSize + 1))
    }

    @Test func tooSmallBelowTheMinimum() {
        #expect(ScreenLayout(width: 59, height: 24).isTooSmall)
        #expect(ScreenLayout(width: 80, height: 14).isTooSmall)
        #expect(!ScreenLayout(width: 60, height: 15).isTooSmall)
    }
}
