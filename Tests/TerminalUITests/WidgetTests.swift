import TerminalUI
import Testing

@Suite struct HintBarTests {
    let hints = [
        KeyHint("q", "Quit"), KeyHint("/", "Filter"), KeyHint("Space", "Mark"),
        KeyHint("s", "Stop", enabled: false),
    ]

    @Test func fitsWholeHintsAndDropsTheRest() {
        let bar = HintBar(hints)
        #expect(bar.fitted(width: 80).count == 4)
        #expect(bar.fitted(width: 30).map(\.key) == ["q", "/", "Space"])
        #expect(bar.fitted(width: 29).map(\.key) == ["q", "/", "Space"])
        #expect(bar.fitted(width: 28).map(\.key) == ["q", "/"])
        #expect(bar.fitted(width: 3).isEmpty)
        var grid = Grid(width: 30, height: 1)
        bar.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines == [" q Quit  / Filter  Space Mark "])
    }

    @Test func pinnedHintsStayWhenTheBarIsNarrow() {
        let bar = HintBar([
            KeyHint("j/k", "move"), KeyHint("/", "filter"), KeyHint("Space", "mark"),
            KeyHint("?", "help", pinned: true), KeyHint("q", "quit", pinned: true),
        ])
        #expect(bar.fitted(width: 80).map(\.key) == ["j/k", "/", "Space", "?", "q"])
        // 1 + "? help" + 2 + "q quit" = 15; then "j/k move" (8 + 2) fits in 25, "/ filter" does not.
        #expect(bar.fitted(width: 25).map(\.key) == ["j/k", "?", "q"], "pinned hints keep their place at the end")
        #expect(bar.fitted(width: 15).map(\.key) == ["?", "q"])
        #expect(bar.fitted(width: 8).map(\.key) == ["?"])
    }

    @Test func keysAndDisabledHintsAreStyled() {
        let theme = Theme.default
        var grid = Grid(width: 40, height: 1)
        HintBar(hints).render(into: &grid, area: grid.bounds, theme: theme)
        #expect(grid.lines == [" q Quit  / Filter  Space Mark  s Stop   "])
        #expect(grid.style(at: 1, y: 0) == theme[.hint].patched(with: theme[.hintKey]))
        #expect(grid.style(at: 3, y: 0) == theme[.hint])
        #expect(grid.style(at: 31, y: 0) == theme[.hint].patched(with: theme[.dim]))
        #expect(grid.style(at: 33, y: 0) == theme[.hint].patched(with: theme[.dim]))
    }
}

@Suite struct SmallWidgetTests {
    @Test func statusLineKeepsTheRightSideAndCutsTheLeft() {
        let line = StatusLine(left: TextLine("Refreshing all regions", role: .warning), right: "cn-hangzhou 120")
        var grid = Grid(width: 30, height: 1)
        line.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines == [" Refreshing…  cn-hangzhou 120 "])
        #expect(grid.style(at: 1, y: 0) == Theme.default[.statusLine].patched(with: Theme.default[.warning]))
        var narrow = Grid(width: 10, height: 1)
        line.render(into: &narrow, area: narrow.bounds, theme: .default)
        #expect(narrow.lines == [" Refresh… "])
    }

    @Test func progressBar() {
        var grid = Grid(width: 20, height: 2)
        ProgressBar(completed: 3, total: 8).render(into: &grid, area: grid.bounds.row(0), theme: .default)
        ProgressBar(completed: 1, total: 3, ascii: true).render(into: &grid, area: grid.bounds.row(1), theme: .default)
        #expect(grid.lines == ["██████░░░░░░░░░░ 3/8", "#####----------- 1/3"])
        #expect(ProgressBar(completed: 1, total: 3).bar(width: 16).done == "█████▎")
        #expect(ProgressBar(completed: 5, total: 0).fraction == 0)
        #expect(ProgressBar(completed: 9, total: 3).bar(width: 4).done == "████")
        #expect(grid.style(at: 0, y: 0) == Theme.default[.dialog].patched(with: Theme.default[.progressDone]))
    }

    @Test func spinnerFramesComeFromTheTick() {
        #expect(Spinner(tick: 0).frame == "⠋")
        #expect(Spinner(tick: 11).frame == "⠙")
        #expect(Spinner(tick: -1).frame == "⠏")
        #expect((0..<4).map { Spinner(tick: $0, ascii: true).frame } == ["|", "/", "-", "\\"])
    }

    @Test func tooSmallView() {
        let view = TooSmallView()
        #expect(view.isTooSmall(width: 59, height: 30) && view.isTooSmall(width: 100, height: 14))
        #expect(!view.isTooSmall(width: 60, height: 15))
        var grid = Grid(width: 40, height: 10)
        view.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines[3] == "           Terminal too small           ")
        #expect(grid.lines[4] == "         need 60x15, have 40x10         ")
        var tiny = Grid(width: 8, height: 2)
        view.render(into: &tiny, area: tiny.bounds, theme: .default)
        #expect(tiny.lines == ["Termina…", "need 60…"])
    }

    @Test func statusGlyphsAreNeverColourAlone() {
        for status in StatusGlyph.allCases {
            #expect(!status.glyph().isEmpty && !status.glyph(ascii: true).isEmpty)
            #expect(status.text().hasSuffix(status.label))
            #expect(ThemeRole.all.contains(status.role))
        }
        #expect(StatusGlyph(status: "Running") == .running && StatusGlyph(status: "STOPPED") == .stopped)
        #expect(StatusGlyph(status: "Deleted") == nil)
        #expect(StatusGlyph.running.text() == "● Running" && StatusGlyph.stopped.text(ascii: true) == "o Stopped")
        #expect(StatusGlyph.allCases.allSatisfy { DisplayWidth.of($0.glyph()) == 1 })
    }
}

@Suite struct HelpViewTests {
    let help = HelpView(sections: [
        HelpSection(
            "Navigation",
            [
                HelpEntry(keys: "j/↓", description: "Move down"),
                HelpEntry(keys: "k/↑", description: "Move up"),
            ]),
        HelpSection(
            "Actions",
            [
                HelpEntry(keys: "s", description: "Stop instances", enabled: false),
                HelpEntry(keys: "Space", description: "Mark"),
            ]),
    ])

    @Test func disabledEntriesAreGreyedNotHidden() {
        let theme = Theme.default
        var grid = Grid(width: 30, height: 7)
        help.render(into: &grid, area: grid.bounds, theme: theme)
        #expect(
            grid.lines.map { String($0.prefix(21)) } == [
                "Navigation           ",
                "j/↓    Move down     ",
                "k/↑    Move up       ",
                "                     ",
                "Actions              ",
                "s      Stop instances",
                "Space  Mark          ",
            ])
        let dim = theme[.row].patched(with: theme[.dim])
        #expect(grid.style(at: 0, y: 5) == dim && grid.style(at: 7, y: 5) == dim)
        #expect(grid.style(at: 0, y: 6) == theme[.row].patched(with: theme[.helpKey]))
        #expect(grid.style(at: 7, y: 6) == theme[.row])
        #expect(grid.style(at: 0, y: 0) == theme[.row].patched(with: theme[.title]))
    }

    /// One column at any width; its length depends on the width only through descriptions that wrap.
    @Test func staysInOneColumnAtAnyWidth() {
        #expect(help.contentHeight(width: 60) == 7)
        #expect(help.contentHeight(width: 16) == 8, "Stop instances wraps under itself")
        #expect(help.width == 21)
        var grid = Grid(width: 60, height: 7)
        help.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines[0].hasPrefix("Navigation   ") && !grid.lines[0].contains("Actions"))
        #expect(grid.lines[4].hasPrefix("Actions"))
        #expect(HelpView(sections: []).contentHeight(width: 80) == 0)
    }

    @Test func scrolls() {
        var grid = Grid(width: 30, height: 3)
        var scrolled = help
        scrolled.offset = 4
        scrolled.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines[0].hasPrefix("Actions"))
        scrolled.offset = 100
        scrolled.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines[2].hasPrefix("Space  Mark"), "offset is limited to the content")
    }
}

@Suite struct ScrollIndicatorTests {
    @Test func saysWhereTheViewIsAndWhichWayThereIsMore() {
        #expect(ScrollIndicator(offset: 0, rows: 10, total: 10).text == nil, "all of it shows")
        #expect(ScrollIndicator(offset: 0, rows: 17, total: 44).text == "1-17 of 44 ↓ more")
        #expect(ScrollIndicator(offset: 17, rows: 17, total: 44).text == "18-34 of 44 ↑↓ more")
        #expect(ScrollIndicator(offset: 27, rows: 17, total: 44).text == "28-44 of 44 ↑ more")
        #expect(ScrollIndicator(offset: 17, rows: 17, total: 44, ascii: true).text == "18-34 of 44 ^v more")
        #expect(ScrollIndicator(offset: 0, rows: 17, total: 44, ascii: true).text == "1-17 of 44 v more")
    }

    @Test func drawsOnTheBottomBorder() {
        let theme = Theme.default
        var grid = Grid(width: 30, height: 5)
        let frame = Rect(x: 0, y: 0, width: 30, height: 5)
        grid.drawBox(frame, box: .unicode, style: theme[.dialogBorder])
        let style = theme[.dialogTitle]
        ScrollIndicator(offset: 0, rows: 3, total: 9).render(into: &grid, frame: frame, style: style)
        #expect(grid.lines[4] == "└────────── 1-3 of 9 ↓ more ─┘")
        #expect(grid.style(at: 12, y: 4) == style)
        // Too narrow for the text: the border stays whole.
        var narrow = Grid(width: 12, height: 3)
        narrow.drawBox(narrow.bounds, box: .ascii, style: theme[.dialogBorder])
        ScrollIndicator(offset: 0, rows: 1, total: 9, ascii: true).render(
            into: &narrow, frame: narrow.bounds, style: style)
        #expect(narrow.lines[2] == "+----------+")
    }
}
