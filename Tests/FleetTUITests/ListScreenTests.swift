import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

/// The instance list: header, rows, filter, marks, sort, badges, styles, too-small screen, ASCII mode.
@Suite struct ListScreenTests {
    /// The whole list screen (header, column titles, rows, hint bar) is a golden frame (`FrameTests.list`); here,
    /// what the frame alone would not say: every instance of both regions is a row, in ID order, from the
    /// layout's first list row.
    @Test(arguments: ScreenSize.both)
    func listShowsEveryInstanceOfBothRegionsInIDOrder(size: ScreenSize) throws {
        let g = UI.render(UI.state(), size)
        let first = UI.layout(size).listRows.y
        #expect(
            (1...14).map { UI.row(UI.id($0), in: g) } == (first..<(first + 14)).map { Optional($0) }, "\(UI.dump(g))")
        if size.width >= 200 {
            #expect(UI.line("i-bp11", in: g).contains("cn-shanghai"))
        }
    }

    @Test(arguments: ScreenSize.both)
    func namesAreSanitisedAndWideCharactersKeepColumns(size: ScreenSize) throws {
        let s = UI.state()
        let g = UI.render(s, size)
        // CJK: two cells per character; the status column after it stays aligned.
        let cjk = try #require(UI.find(UI.cjkName, in: g))
        #expect(g[cjk.x, cjk.y].text == "生")
        #expect(g[cjk.x + 1, cjk.y].isContinuation)
        let statusX = try #require(UI.find("● Running", in: g)).x
        #expect(UI.find("● Running", in: g, from: cjk.y)?.x == statusX)
        #expect(UI.find("● Running", in: g, from: cjk.y)?.y == cjk.y)
        // The escape sequence and the bell are shown as replacement characters, never sent.
        let evil = try #require(UI.find("\u{FFFD}[31mred\u{FFFD}", in: g))
        #expect(evil.y == UI.row(UI.id(10), in: g))
        #expect(UI.find("● Running", in: g, from: evil.y)?.x == statusX)
        // No cell anywhere holds ESC or BEL (render checks every cell), also in the dialog and details that show names.
        var d = s
        UI.mark(&d, 9, 10)
        UI.reduce(&d, .openStopDialog)
        let dialog = UI.render(d, size)
        #expect(UI.shows("\u{FFFD}[31mred\u{FFFD}", dialog))
        #expect(UI.shows(UI.cjkName, dialog))
        var details = s
        UI.reduce(&details, .moveTo(instanceId: UI.id(10)), .openDetails)
        let detailsGrid = UI.render(details, size)
        #expect(UI.shows("\u{FFFD}[31mred\u{FFFD}", detailsGrid))
        // Sorting by name with the escape name in the list keeps it sanitised.
        var sorted = s
        UI.reduce(&sorted, .sortByNextColumn)
        _ = UI.render(sorted, size)
    }

    @Test(arguments: ScreenSize.both)
    func cursorRowAndStatusCellsUseTheirRoles(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .moveDown, .moveDown)
        #expect(s.cursor == UI.id(3))
        let g = UI.render(s, size)
        let cursorRow = try #require(UI.row(UI.id(3), in: g))
        let cursor = UI.rowStyle(.cursor)
        // The whole cursor row, the status cell included, is in the cursor role.
        for x in 0..<size.width { #expect(g.style(at: x, y: cursorRow) == cursor, "x=\(x)") }
        // Other rows: status cells in their status role.
        #expect(UI.style(of: "● Running", in: g, from: 3) == UI.rowStyle(.statusRunning))
        let stopped6 = try #require(UI.row(UI.id(6), in: g))
        #expect(UI.style(of: "○ Stopped", in: g, from: stopped6) == UI.rowStyle(.statusStopped))
        #expect(UI.style(of: UI.id(6), in: g) == UI.theme[.row])
        // Header and hint bar roles.
        #expect(g.style(at: 0, y: 2) == UI.theme[.header])
        #expect(UI.style(of: "ecsfleet", in: g) == UI.theme[.header].patched(with: UI.theme[.title]))
        #expect(UI.style(of: "j/k", in: g, from: size.height - 1) == UI.theme[.hint].patched(with: UI.theme[.hintKey]))
        // The monochrome theme still sets the cursor row apart without colour.
        let mono = UI.render(s, size, theme: .mono)
        #expect(mono.style(at: 2, y: cursorRow) != mono.style(at: 2, y: cursorRow + 1))
        #expect(mono.style(at: 2, y: cursorRow) == Theme.mono[.row].patched(with: Theme.mono[.cursor]))
    }

    @Test(arguments: ScreenSize.both)
    func filterWhileTypingThenApplied(size: ScreenSize) throws {
        var s = UI.state()
        UI.filter(&s, "status:Running", apply: false)
        var g = UI.render(s, size)
        #expect(g.lines[1].hasPrefix("/status:Running█   Enter keeps, Esc clears"), "\(UI.dump(g))")
        #expect(UI.style(of: "status:Running", in: g) == UI.theme[.row].patched(with: UI.theme[.input]))
        #expect(!UI.shows("○ Stopped", g), "the list follows the typed text")
        #expect(UI.row(UI.id(3), in: g) == nil)
        #expect(g.lines[0].contains("● 11 Running"))
        #expect(!g.lines[0].contains("Stopped"))

        UI.reduce(&s, .applyFilter)
        g = UI.render(s, size)
        #expect(g.lines[1].contains("filter: status:Running  11 of 14"), "\(UI.dump(g))")
        #expect(UI.style(of: "status:Running", in: g) == UI.theme[.row].patched(with: UI.theme[.input]))
        #expect(UI.row(UI.id(3), in: g) == nil)
        #expect(UI.row(UI.id(4), in: g) == 5)
    }

    @Test(arguments: ScreenSize.both)
    func tagFilterAndNegation(size: ScreenSize) throws {
        var s = UI.state()
        UI.filter(&s, "tag:env=prod")
        var g = UI.render(s, size)
        #expect(g.lines[1].contains("filter: tag:env=prod  7 of 14"), "\(UI.dump(g))")
        for n in 1...14 { #expect((UI.row(UI.id(n), in: g) != nil) == (n % 2 == 0), "instance \(n)") }

        UI.filter(&s, "!tag:env=prod")
        g = UI.render(s, size)
        #expect(g.lines[1].contains("filter: !tag:env=prod  7 of 14"), "\(UI.dump(g))")
        for n in 1...14 { #expect((UI.row(UI.id(n), in: g) != nil) == (n % 2 == 1), "instance \(n)") }

        UI.filter(&s, "!status:Running region:cn-hangzhou")
        g = UI.render(s, size)
        #expect(g.lines[1].contains("2 of 14"), "\(UI.dump(g))")
        #expect(UI.row(UI.id(3), in: g) != nil && UI.row(UI.id(6), in: g) != nil && UI.row(UI.id(13), in: g) == nil)

        // Nothing matches: the empty text says how to clear it.
        UI.filter(&s, "nothing-matches-this")
        g = UI.render(s, size)
        #expect(g.lines[1].contains("0 of 14"))
        #expect(UI.shows("No instance matches the filter", g))
    }

    /// `1`, `0`, `j` through the key table moves ten rows; help lists the digits as `0-9`.
    @Test func countPrefixThroughTheKeys() throws {
        var s = UI.state()
        for key in ["1", "0", "j"] { #expect(UI.press(.character(Character(key)), &s, .large)) }
        #expect(s.cursorPosition == 10)
        #expect(Keymap().helpSections(for: s, current: .list)[0].entries.contains { $0.keys == "0-9" })
    }

    /// Ctrl-W erases the last word and Ctrl-U the whole line, in `/` and in `:` alike.
    @Test func lineEditingInTheFilterAndTheCommandLine() throws {
        var s = UI.state()
        UI.press(.character("/"), &s, .large)
        for c in "tag:env=dev status:ru" { UI.press(.character(c), &s, .large) }
        UI.press(.ctrl("w"), &s, .large)
        #expect(s.filter.text == "tag:env=dev ")
        UI.press(.ctrl("u"), &s, .large)
        #expect(s.filter.text == "")
        UI.press(.escape, &s, .large)
        UI.press(.character(":"), &s, .large)
        for c in "region cn-hangzhou" { UI.press(.character(c), &s, .large) }
        UI.press(.ctrl("w"), &s, .large)
        #expect(s.dialog == .commandLine("region "))
        UI.press(.ctrl("u"), &s, .large)
        #expect(s.dialog == .commandLine(""))
    }

    /// While a filter is still being typed (before Enter), the list is already filtered by it, and the empty
    /// text says so instead of calling the regions empty.
    @Test(arguments: ScreenSize.both)
    func emptyTextWhileTypingAFilter(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .beginFilter, .editFilter("qqqq"))
        let g = UI.render(s, size)
        #expect(UI.shows("No instance matches the filter", g), "\(UI.dump(g))")
        #expect(!UI.shows("No instances in", g))
    }

    @Test(arguments: ScreenSize.both)
    func marksAndHiddenMarksInTheHeader(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .toggleMarkAndMoveDown)
        var g = UI.render(s, size)
        #expect(g.lines[1].hasPrefix("3 marked  "), "\(UI.dump(g))")
        #expect(UI.style(of: "3 marked", in: g) == UI.rowStyle(.mark))
        // Marked rows show the mark glyph in the gutter and the mark role; the cursor moved on to instance 4.
        for n in 1...3 {
            let y = try #require(UI.row(UI.id(n), in: g))
            #expect(g[0, y].text == "✓")
            #expect(g.style(at: 2, y: y) == UI.rowStyle(.mark))
        }
        #expect(s.cursor == UI.id(4))
        #expect(g[0, try #require(UI.row(UI.id(4), in: g))].text == " ")

        // The filter hides two of them: the header counts them.
        UI.filter(&s, "status:Running")
        g = UI.render(s, size)
        #expect(g.lines[1].hasPrefix("3 marked (1 hidden by filter)"), "\(UI.dump(g))")
        UI.filter(&s, "tag:env=prod")
        g = UI.render(s, size)
        #expect(g.lines[1].hasPrefix("3 marked (2 hidden by filter)"), "\(UI.dump(g))")

        // Range marking shows its badge; clearing marks returns to "0 marked" in the dim role.
        UI.reduce(&s, .setRangeMarking(true))
        g = UI.render(s, size)
        #expect(g.lines[1].contains("RANGE MARK"))
        UI.reduce(&s, .setRangeMarking(false), .clearMarks)
        g = UI.render(s, size)
        #expect(g.lines[1].hasPrefix("0 marked  "))
        #expect(UI.style(of: "0 marked", in: g) == UI.rowStyle(.dim))
    }

    @Test(arguments: ScreenSize.both)
    func sortChangeShowsInTheHeaderAndReordersRows(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .sortByNextColumn)
        var g = UI.render(s, size)
        #expect(g.lines[1].contains("sort: Name ▲"), "\(UI.dump(g))")
        // Names: web-01... sort before the CJK name; the sanitised escape name sorts by its raw text.
        #expect(try #require(UI.row(UI.id(1), in: g)) < (try #require(UI.row(UI.id(2), in: g))))
        UI.reduce(&s, .invertSort)
        g = UI.render(s, size)
        #expect(g.lines[1].contains("sort: Name ▼"))
        #expect(try #require(UI.row(UI.id(1), in: g)) > (try #require(UI.row(UI.id(2), in: g))))
        UI.reduce(&s, .sortByNextColumn)
        g = UI.render(s, size)
        #expect(g.lines[1].contains("sort: Status ▲"))
        #expect(
            try #require(UI.row(UI.id(3), in: g)) > (try #require(UI.row(UI.id(4), in: g))), "Running before Stopped")
    }

    @Test(arguments: ScreenSize.both)
    func lastOperationColumnAfterAStop(size: ScreenSize) throws {
        var s = UI.state()
        UI.mark(&s, 1, 2)
        UI.reduce(&s, .openStopDialog, .pressButton(.confirm), .typeCharacter("y"))
        try UI.updateLatestOperation(
            &s,
            [
                UI.stopped(1),
                InstanceResult(
                    instanceId: UI.id(2), regionId: UI.hangzhou, outcome: .failed, code: "IncorrectInstanceStatus",
                    message: "busy",
                    previousStatus: "Running", currentStatus: "Running"),
            ])
        UI.reduce(&s, .hideResults, .moveToTop)
        let g = UI.render(s, size)
        #expect(UI.line(UI.id(1), in: g).contains("stop: stopped"))
        #expect(UI.line(UI.id(1), in: g).contains("○ Stopped"), "the status follows the result")
        // At 80 columns the column is narrower than the code: its start shows (whole at 200, see below).
        #expect(UI.line(UI.id(2), in: g).contains("stop: failed (Inco"))
        #expect(UI.style(of: "stop: failed", in: g) == UI.rowStyle(.mark).patched(with: UI.theme[.danger]))
    }

    @Test(arguments: ScreenSize.both)
    func readOnlyAndSandboxBadges(size: ScreenSize) throws {
        var g = UI.render(UI.state(sandbox: true), size)
        #expect(g.lines[0].hasSuffix(" SANDBOX "), "\(UI.dump(g))")
        #expect(!g.lines[0].contains("READ-ONLY"))
        #expect(UI.style(of: "SANDBOX", in: g) == UI.theme[.header].patched(with: UI.theme[.badge]))

        g = UI.render(UI.state(readOnly: true), size)
        #expect(g.lines[0].hasSuffix(" READ-ONLY "), "\(UI.dump(g))")
        #expect(!g.lines[0].contains("SANDBOX"))
        #expect(UI.style(of: "READ-ONLY", in: g) == UI.theme[.header].patched(with: UI.theme[.warning]))
        // Dangerous keys stay in the hint bar, dimmed.
        let hints = g.lines[size.height - 1]
        #expect(hints.contains("S stop"))
        #expect(UI.style(of: "S stop", in: g, from: size.height - 1) == UI.theme[.hint].patched(with: UI.theme[.dim]))
        #expect(
            UI.style(of: "P preview", in: g, from: size.height - 1) == UI.theme[.hint].patched(with: UI.theme[.hintKey])
        )

        g = UI.render(UI.state(readOnly: true, sandbox: true), size)
        #expect(g.lines[0].hasSuffix(" SANDBOX  READ-ONLY "), "\(UI.dump(g))")

        // `:readonly` turns it on in the session.
        var s = UI.state()
        UI.reduce(&s, .openCommandLine, .editCommandLine("readonly"), .executeCommandLine)
        g = UI.render(s, size)
        #expect(g.lines[0].hasSuffix(" READ-ONLY "))
    }

    @Test(arguments: [(59, 14), (59, 15), (60, 14), (20, 5)])
    func tooSmallScreen(width: Int, height: Int) throws {
        let g = UI.render(UI.state(), ScreenSize(width, height))
        #expect(UI.shows("Terminal too small", g) || width < 18)
        if width >= 22 { #expect(UI.shows("need 60x15, have \(width)x\(height)", g)) }
        #expect(!UI.shows("i-bp01", g))
    }

    @Test func smallestUsableScreen() throws {
        let g = UI.render(UI.state(), ScreenSize(60, 15))
        #expect(!UI.shows("Terminal too small", g))
        #expect(UI.row(UI.id(1), in: g) == 3)
        // The rows that fit: 15 - header 2 - column titles 1 - hint bar 1.
        #expect(UI.row(UI.id(11), in: g) == 13)
        #expect(UI.row(UI.id(12), in: g) == nil)
    }

    @Test(arguments: ScreenSize.both)
    func scrollingKeepsTheCursorVisible(size: ScreenSize) throws {
        let many = (1...150).map { UI.instance($0) }
        var s = UI.state(many, regions: [UI.hangzhou])
        let page = UI.layout(size).pageSize
        UI.reduce(&s, .pageDown(pageSize: page), .pageDown(pageSize: page))
        let frame = FleetView().render(
            s, theme: UI.theme, width: size.width, height: size.height, options: .init(now: UI.later))
        let cursor = try #require(s.cursor)
        let y = try #require(UI.row(cursor, in: frame.grid), "\(UI.dump(frame.grid))")
        #expect(frame.grid.style(at: 2, y: y) == UI.rowStyle(.cursor))
        #expect(frame.listOffset > 0)
        UI.reduce(&s, .moveToBottom)
        let bottom = UI.render(s, size)
        #expect(s.cursor == s.visible.last)
        #expect(UI.row(try #require(s.cursor), in: bottom) == size.height - 2)
    }

    /// A sandbox-like session: three regions (one with a long zone name), every state, a SANDBOX badge.
    static func crowdedState() -> FleetState {
        let statuses: [InstanceStatus] = [.pending, .starting, .running, .stopping, .stopped]
        var list: [Instance] = []
        for n in 1...20 {
            let region = [UI.hangzhou, UI.shanghai, "ap-southeast-1"][n % 3]
            list.append(
                UI.instance(n, statuses[n % 5], region: region) { i in
                    if region == "ap-southeast-1" { i.zoneId = "ap-southeast-1a" }
                })
        }
        return UI.state(list, sandbox: true, regions: [UI.hangzhou, UI.shanghai, "ap-southeast-1"])
    }

    @Test(arguments: ScreenSize.both)
    func headerCountsEveryStateWithoutCuttingAWord(size: ScreenSize) throws {
        let g = UI.render(Self.crowdedState(), size)
        let header = g.lines[0]
        #expect(header.hasSuffix(" SANDBOX "), "\(UI.dump(g))")
        let left = header.replacingOccurrences(of: " SANDBOX ", with: "").trimmingCharacters(in: .whitespaces)
        #expect(!left.hasSuffix("…") && !left.hasSuffix(" …"), "the header is clipped: \(header)")
        // Each state's glyph and count show (20 instances, 4 in each state).
        for glyph in [StatusGlyph.pending, .starting, .running, .stopping, .stopped] {
            #expect(header.contains(" \(glyph.glyph()) 4"), "\(glyph.label) missing: \(header)")
        }
        if size.width >= 200 {
            #expect(header.contains("cn-hangzhou, cn-shanghai, ap-southeast-1"))
            #expect(header.contains("● 4 Running") && header.contains("○ 4 Stopped"), "\(header)")
        } else {
            #expect(header.contains(" 3 regions "), "the regions shrink before the counts: \(header)")
        }
        // The words come back when they fit (two states only).
        var s = Self.crowdedState()
        UI.filter(&s, "status:running")
        let narrow = UI.render(s, size).lines[0]
        #expect(narrow.contains("● 4 Running"), "\(narrow)")
    }

    @Test(arguments: ScreenSize.both)
    func wideScreenShowsZoneAndLastOperationWhole(size: ScreenSize) throws {
        var s = Self.crowdedState()
        UI.mark(&s, 2)
        UI.reduce(&s, .openStopDialog, .pressButton(.confirm), .typeCharacter("y"))
        try UI.updateLatestOperation(
            &s,
            [
                InstanceResult(
                    instanceId: UI.id(2), regionId: "ap-southeast-1", outcome: .failed,
                    code: "IncorrectInstanceStatus", message: "busy",
                    previousStatus: "Running", currentStatus: "Running")
            ])
        UI.reduce(&s, .hideResults, .moveToTop)
        let g = UI.render(s, size)
        let line = UI.line(UI.id(2), in: g)
        if size.width >= 200 {
            #expect(line.contains("ap-southeast-1a"), "zone cut: \(line)")
            #expect(line.contains("stop: failed (IncorrectInstanceStatus)"), "last operation cut: \(line)")
            #expect(g.lines[2].contains("LAST OPERATION") && g.lines[2].contains("ZONE"))
        } else {
            #expect(line.contains("stop: failed"), "\(line)")
        }
    }
}
