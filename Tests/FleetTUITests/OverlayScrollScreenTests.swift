import ECSAPI
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetCore

/// Help as an overlay over whatever is open, and how help, details and the journal scroll, driven by keys.
@Suite struct OverlayScrollScreenTests {
    /// `?` over the stop dialog: the dialog's keys first, the dialog still drawn beneath, the hint bar showing
    /// help's own keys; paging through and closing gives back the same dialog on the same screen.
    @Test(arguments: ScreenSize.both)
    func helpOverTheDialogAndBack(size: ScreenSize) throws {
        var s = DialogScreenTests.opened()
        UI.reduce(&s, .toggleForceStop, .cycleBatchOptimization, .focusNextButton)
        let dialogOpen = s
        let before = UI.render(s, size)
        #expect(UI.press(.function(1), &s, size), "F1 opens help in the dialog")
        var g = UI.render(s, size)
        let first = try #require(UI.find("Stop / start dialog", in: g), "\(UI.dump(g))")
        let list = try #require(UI.find("Instance list", in: g))
        #expect(first.y < list.y)
        #expect(UI.shows("toggle ForceStop (unsaved data may be lost)", g))
        #expect(UI.hintBar(g).hasPrefix(" j/k scroll  PgDn/PgUp page  g/G top/end  Esc close"), "\(UI.hintBar(g))")
        #expect(!UI.hintBar(g).contains("f force"))
        #expect(UI.shows("↓ more", g))
        while UI.press(.pageDown, &s, size) {
            let next = UI.render(s, size)
            if next.lines == g.lines { break }
            g = next
        }
        #expect(UI.shows("↑ more", g) && !UI.shows("↓ more", g), "\(UI.dump(g))")
        for key in [Key.escape, .character("q"), .character("?")] {
            var again = dialogOpen
            UI.press(.character("?"), &again, size)
            UI.press(.character("j"), &again, size)
            #expect(UI.press(key, &again, size))
            #expect(again == dialogOpen, "\(key.name) closes help back into the same dialog")
            #expect(UI.render(again, size).lines == before.lines)
        }
        UI.press(.escape, &s, size)
        #expect(s == dialogOpen)
    }

    /// Help from the details and from the journal starts with their keys, and closes back to them.
    @Test(arguments: ScreenSize.both)
    func helpOverDetailsAndTheJournal(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .openDetails)
        UI.press(.character("G"), &s, size)
        let details = s
        UI.press(.character("?"), &s, size)
        var g = UI.render(s, size)
        // The details' own keys first: stop, preview and start of this instance, then scrolling.
        #expect(UI.lineBelow(title: KeyContext.details.title, in: g)?.contains("stop dialog") == true, "\(UI.dump(g))")
        UI.press(.escape, &s, size)
        #expect(s == details)

        UI.reduce(&s, .cancelDialog, .openJournal, .journalLoaded([]))
        let journal = s
        UI.press(.function(1), &s, size)
        g = UI.render(s, size)
        let section = try #require(UI.find(KeyContext.journal.title, in: g))
        let list = try #require(UI.find(KeyContext.list.title, in: g))
        #expect(section.y < list.y)
        UI.press(.character("q"), &s, size)
        #expect(s == journal)
    }

    /// Many operations: the newest is on top and selected; `j` selects the next, the view following only when
    /// the selection leaves the box; `End` selects the oldest, at the bottom, with the border saying where the
    /// view is; `Home` goes back.
    @Test(arguments: ScreenSize.both)
    func theJournalSelectsFromTheNewest(size: ScreenSize) throws {
        var records: [JournalRecord] = []
        let count = 20
        for n in 1...count {
            let time = UI.t0.addingTimeInterval(Double(n) * 60)
            let results = [1, 2, 3].map {
                InstanceResult(instanceId: UI.id($0), regionId: UI.hangzhou, outcome: .stopped, code: "200")
            }
            records.append(
                JournalRecord(
                    time: time, operation: "op-\(n)", event: .begin, profile: "p", action: "stop", results: results))
            records.append(
                JournalRecord(
                    time: time, operation: "op-\(n)", event: .end, profile: "p", action: "stop", results: results))
        }
        var s = UI.state()
        UI.reduce(&s, .openJournal, .journalLoaded(OperationHistory(records: records).entries))
        let stamp = { (n: Int) in
            ECSTime.formatSeconds(UI.t0.addingTimeInterval(Double(n) * 60)).replacingOccurrences(of: "T", with: " ")
                .replacingOccurrences(of: "Z", with: "")
        }
        let selected = { (g: Grid) in g.lines.filter { $0.contains("▸ ") } }
        // 20 operations of 4 lines; the box holds the body's height less 5 (border, blank rows, buttons).
        let lines = 4 * count
        let rows = size.height - 3 - 5
        let top = UI.render(s, size)
        let newest = try #require(UI.row(stamp(count), in: top), "\(UI.dump(top))")
        #expect(try #require(UI.row(stamp(count - 1), in: top)) == newest + 4, "newest first")
        #expect(selected(top).count == 1 && selected(top)[0].contains("op-\(count) "), "\(UI.dump(top))")
        #expect(UI.style(of: "op-\(count) ", in: top) == UI.theme[.dialog].patched(with: UI.theme[.cursor]))
        #expect(UI.shows("1-\(rows) of \(lines) ↓ more", top), "\(UI.dump(top))")
        UI.press(.character("j"), &s, size)
        let down = UI.render(s, size)
        #expect(
            selected(down).count == 1 && down.lines[newest + 4].contains("▸ \(stamp(count - 1))"), "\(UI.dump(down))")
        #expect(UI.shows(stamp(count), down), "the view stays while the selection is in it")
        // Down to the first operation below the box: the view moves just enough to show all of it.
        let inView = rows / 4
        for _ in 1..<inView { UI.press(.character("j"), &s, size) }
        let scrolled = UI.render(s, size)
        #expect(selected(scrolled).first?.contains("op-\(count - inView) ") == true, "\(UI.dump(scrolled))")
        #expect(UI.shows("5-\(rows + 4) of \(lines) ↑↓ more", scrolled), "\(UI.dump(scrolled))")
        UI.press(.end, &s, size)
        let bottom = UI.render(s, size)
        #expect(selected(bottom).first?.contains(stamp(1)) == true, "the oldest is at the end\(UI.dump(bottom))")
        #expect(!UI.shows(stamp(count), bottom))
        #expect(UI.shows("\(lines - rows + 1)-\(lines) of \(lines) ↑ more", bottom))
        #expect(
            bottom.lines[try #require(UI.row("[q] Close", in: bottom)) - 2].contains("i-bp03  stopped"),
            "the last line is at the bottom")
        UI.press(.home, &s, size)
        #expect(UI.render(s, size).lines == top.lines)
    }

    @Test(arguments: ScreenSize.both)
    func asciiIndicators(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .openHelp)
        UI.press(.character("j"), &s, size)
        let g = UI.render(s, size, ascii: true)
        #expect(UI.shows("^v more", g), "\(UI.dump(g))")
        #expect(UI.shows("+- Help: keys (Esc closes) -", g))
        #expect(UI.hintBar(g).hasPrefix(" j/k scroll  PgDn/PgUp page  g/G top/end  Esc close"))
    }
}

extension UI {
    /// The line below a section title in help (its first key).
    static func lineBelow(title: String, in grid: Grid) -> String? {
        guard let y = row(title, in: grid), y + 1 < grid.height else { return nil }
        return grid.lines[y + 1]
    }
}
