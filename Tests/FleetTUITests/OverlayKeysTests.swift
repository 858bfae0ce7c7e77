import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetTUI

/// The keys of help, the details and the journal: where help opens, its rows, and the pager keys.
@Suite struct OverlayKeysTests {
    let keymap = Keymap()

    func state(in context: KeyContext) throws -> FleetState { try KeymapTests().state(in: context) }

    func press(_ key: Key, _ s: inout FleetState) {
        guard let action = keymap.action(for: KeyEvent(key), state: s, layout: ScreenLayout(width: 80, height: 20 + 4))
        else { return }
        _ = FleetReducer.reduce(&s, action, now: UI.t0)
    }

    /// Each binding is one help row, labelled with its own keys: no row repeats and no key is listed twice in a
    /// section (only bindings that may decline share a key, and they are in different rows for that reason).
    @Test func helpRowsNeverRepeat() throws {
        let conditional: Set<String> = ["cancel-loading", "results", "force", "mode"]
        for context in KeyContext.allCases {
            let s = try state(in: context)
            for section in keymap.helpSections(for: s, current: context) {
                let rows = section.entries.map { "\($0.keys)  \($0.description)" }
                #expect(Set(rows).count == rows.count, "\(section.title) repeats a row: \(rows)")
                let context = try #require(KeyContext.allCases.first { $0.title == section.title })
                let bindings = Keymap.standard.filter { $0.contexts.contains(context) }
                #expect(section.entries.map(\.keys) == bindings.map(\.label))
                var seen: [String: String] = [:]
                for b in bindings {
                    for key in b.keys.map(\.helpName) {
                        if let first = seen[key] {
                            #expect(
                                conditional.contains(first),
                                "\(key) is listed under \(first) and \(b.name) in \(section.title)")
                        }
                        seen[key] = seen[key] ?? b.name
                    }
                }
            }
        }
        // The rows that used to repeat: k, PgUp and G each appear once in the list's help.
        let list = keymap.helpSections(for: UI.state(), current: .list)[0].entries.map(\.keys)
        for key in ["k", "PgUp", "G"] {
            #expect(
                list.filter { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains(key) }
                    .count == 1, "\(key): \(list)")
        }
    }

    /// `?` and `F1` open help wherever the keys are not text; in help they close it.
    @Test func helpOpensFromEveryScreenThatIsNotTyping() throws {
        for context in [KeyContext.list, .results, .dialog, .details, .journal] {
            for key in [Key.character("?"), .function(1)] {
                var s = try state(in: context)
                let before = s
                press(key, &s)
                #expect(KeyContext.of(s) == .help, "\(key.name) in \(context)")
                #expect(KeyContext.helpTopic(of: s) == context)
                #expect(keymap.helpSections(for: s).first?.title == context.title)
                press(key, &s)
                #expect(s == before, "\(key.name) again closes help back to \(context)")
            }
        }
        // Where the keyboard types text, ? is text.
        var filter = try state(in: .filter)
        press(.character("?"), &filter)
        #expect(filter.filter.text == "?" && KeyContext.of(filter) == .filter)
        var command = try state(in: .commandLine)
        press(.character("?"), &command)
        #expect(command.dialog == .commandLine("?"))
    }

    /// In help and the details the pager keys scroll, measured from the page size; in the journal the same keys
    /// move the selected operation, with the same measure.
    @Test func pagerKeysScrollTheOverlays() throws {
        let moves: [(Key, ScrollMove)] = [
            (.character("j"), .lines(1)), (.down, .lines(1)), (.character("k"), .lines(-1)), (.up, .lines(-1)),
            (.pageDown, .pages(1)), (.ctrl("f"), .pages(1)), (.pageUp, .pages(-1)), (.ctrl("b"), .pages(-1)),
            (.character("g"), .top), (.home, .top), (.character("G"), .bottom), (.end, .bottom),
        ]
        for context in [KeyContext.help, .details, .journal] {
            let s = try state(in: context)
            for (key, move) in moves {
                let action = try #require(
                    keymap.action(for: KeyEvent(key), state: s, layout: ScreenLayout(width: 80, height: 20 + 4)),
                    "\(key.name) in \(context)")
                let got: ScrollMove
                let bounds: ScrollBounds
                switch action {
                case .scrollOverlay(let m, let b) where context != .journal: (got, bounds) = (m, b)
                case .moveJournalSelection(let m, let b) where context == .journal: (got, bounds) = (m, b)
                default:
                    Issue.record("\(key.name) in \(context): \(action)")
                    continue
                }
                #expect(got == move)
                // 80x24: a body of 21 rows; help shows 17 of them, the dialog overlays 16.
                #expect(bounds.rows == (context == .help ? 17 : 16), "\(context)")
                #expect(bounds.lines > 0)
            }
        }
        let help = try state(in: .help)
        guard
            case .scrollOverlay(_, let bounds)? = keymap.action(
                for: .char("j"), state: help, layout: ScreenLayout(width: 80, height: 20 + 4))
        else { return }
        let sections = keymap.helpSections(for: help)
        #expect(
            bounds.lines >= sections.reduce(0) { $0 + $1.entries.count + 2 } - 1,
            "help's length: titles, rows (some wrapped) and blank lines")
        #expect(
            bounds.lines
                == HelpView(sections: sections).contentHeight(
                    width: OverlayLayout.helpTextWidth(HelpView(sections: sections), areaWidth: 80)),
            "as the screen lays it out at 80 columns")
        #expect(bounds.lines > bounds.rows, "the help is longer than an 80x24 screen")
    }
}
