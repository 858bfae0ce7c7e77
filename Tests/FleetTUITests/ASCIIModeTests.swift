import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

/// `options.ascii`: terminals without UTF-8 get no box drawing and no glyph outside ASCII, except what is in
/// the instances' own names.
@Suite struct ASCIIModeTests {
    /// A screen to check: a name and how to get there from the standard fleet.
    struct Screen: Sendable, CustomTestStringConvertible {
        var name: String
        var make: @Sendable () throws -> FleetState
        var testDescription: String { name }
    }

    static let screens: [Screen] = [
        Screen(name: "list") { UI.state() },
        Screen(name: "list, marked, filtered") {
            var s = UI.state()
            UI.mark(&s, 1, 2, 3)
            UI.filter(&s, "tag:env=prod")
            return s
        },
        Screen(name: "filter editing") {
            var s = UI.state()
            UI.filter(&s, "status:Running", apply: false)
            return s
        },
        Screen(name: "stop dialog") {
            var s = UI.state()
            UI.mark(&s, 1, 2, 3, 9, 10)
            UI.reduce(&s, .openStopDialog, .cycleStoppedMode)
            return s
        },
        Screen(name: "preview running") {
            var s = UI.state()
            UI.mark(&s, 1, 2)
            UI.reduce(&s, .openStopDialogWithPreview)
            return s
        },
        Screen(name: "typed confirmation") {
            var s = UI.state()
            UI.mark(&s, 1, 2)
            UI.reduce(&s, .openStopDialog, .toggleForceStop, .pressButton(.confirm), .typeCharacter("2"))
            return s
        },
        Screen(name: "results") { try ResultsScreenTests.running() },
        Screen(name: "help") {
            var s = UI.state()
            UI.reduce(&s, .openHelp)
            return s
        },
        Screen(name: "help over the dialog, scrolled") {
            var s = UI.state()
            UI.mark(&s, 1, 2, 9)
            UI.reduce(&s, .openStopDialog, .openHelp, .scrollOverlay(.lines(3), in: ScrollBounds(lines: 100, rows: 10)))
            return s
        },
        Screen(name: "details, scrolled") {
            var s = UI.state()
            UI.reduce(
                &s, .moveTo(instanceId: UI.id(9)), .openDetails,
                .scrollOverlay(.lines(2), in: ScrollBounds(lines: 19, rows: 16)))
            return s
        },
        Screen(name: "journal, loaded") {
            var s = UI.state()
            let records = (1...8).map { n in
                JournalRecord(
                    time: UI.t0, operation: "op-\(n)", event: .begin, profile: "p", action: "stop",
                    results: [InstanceResult(instanceId: UI.id(n), regionId: UI.hangzhou, outcome: .queued)])
            }
            UI.reduce(
                &s, .openJournal, .journalLoaded(OperationHistory(records: records).entries),
                .moveJournalSelection(.lines(1), in: ScrollBounds(lines: 16, rows: 10)))
            return s
        },
        Screen(name: "details") {
            var s = UI.state()
            UI.reduce(&s, .moveTo(instanceId: UI.id(9)), .openDetails)
            return s
        },
        Screen(name: "journal loading") {
            var s = UI.state()
            UI.reduce(&s, .openJournal)
            return s
        },
        Screen(name: "quit confirmation") {
            var s = UI.state()
            UI.reduce(&s, .openStopDialog, .pressButton(.confirm), .typeCharacter("y"), .hideResults, .quit)
            return s
        },
        Screen(name: "command line") {
            var s = UI.state()
            UI.reduce(&s, .openCommandLine, .typeCharacter("q"))
            return s
        },
        Screen(name: "loading") {
            var s = UI.state([])
            UI.reduce(&s, .refreshNow)
            return s
        },
    ]

    @Test(arguments: screens, ScreenSize.both)
    func onlyASCIIOutsideInstanceNames(screen: Screen, size: ScreenSize) throws {
        let s = try screen.make()
        let g = UI.render(s, size, ascii: true)
        let found = UI.nonASCII(g)
        let glyphs = Set(found.map(\.text)).sorted().joined(separator: " ")
        let places = found.prefix(5).map {
            "\($0.text)@\($0.x),\($0.y): \(g.lines[$0.y].trimmingCharacters(in: .whitespaces))"
        }
        let onlyASCII = found.isEmpty
        #expect(onlyASCII, "\(screen.name) at \(size.width)x\(size.height): non-ASCII \(glyphs); first: \(places)")
    }

    @Test(arguments: ScreenSize.both)
    func asciiGlyphsAreUsedWhereTheyExist(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .toggleMarkAndMoveDown)
        var g = UI.render(s, size, ascii: true)
        #expect(g.lines[0].contains("* 11 Running"), "\(UI.dump(g))")
        #expect(g.lines[0].contains("o 3 Stopped"))
        #expect(UI.line(UI.id(1), in: g).hasPrefix("+ i-bp01"), "ASCII mark glyph")
        #expect(UI.line(UI.id(3), in: g).contains("o Stopped"))
        // Names keep their own characters.
        #expect(UI.shows(UI.cjkName, g))
        UI.reduce(&s, .openStopDialog)
        g = UI.render(s, size, ascii: true)
        #expect(UI.shows("+- Stop 1 instance ", g), "ASCII box\(UI.dump(g))")
        #expect(!UI.shows("┌", g))
    }
}
