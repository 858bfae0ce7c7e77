import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetTUI

/// The key table: complete, the single source of help and hints, and what each key does in each context.
@Suite struct KeymapTests {
    let keymap = Keymap()

    /// Maps `key` in the state's context and reduces the action; returns the effects (nil: the key did nothing).
    @discardableResult
    func press(_ key: Key, _ s: inout FleetState, page: Int = 10) -> [FleetEffect]? {
        guard
            let action = keymap.action(for: KeyEvent(key), state: s, layout: ScreenLayout(width: 80, height: page + 4))
        else { return nil }
        return FleetReducer.reduce(&s, action, now: UI.t0)
    }

    /// Types each character as a key.
    @discardableResult
    func type(_ text: String, _ s: inout FleetState) -> [FleetEffect] {
        text.flatMap { press(.character($0), &s) ?? [] }
    }

    func action(_ key: Key, _ s: FleetState, page: Int = 10) -> String? {
        keymap.action(for: KeyEvent(key), state: s, layout: ScreenLayout(width: 80, height: page + 4)).map { "\($0)" }
    }

    /// A state in each context, built by keys where the context allows.
    func state(in context: KeyContext, readOnly: Bool = false) throws -> FleetState {
        var s = UI.state(readOnly: readOnly)
        switch context {
        case .list: break
        case .filter: UI.reduce(&s, .beginFilter)
        case .dialog: UI.reduce(&s, .openStopDialogWithPreview)
        case .confirm:
            s = UI.state()
            UI.reduce(&s, .openStopDialog, .pressButton(.confirm))
            s.readOnly = readOnly
        case .confirmCount:
            s = UI.state()
            UI.reduce(&s, .openStopDialog, .toggleForceStop, .pressButton(.confirm))
            s.readOnly = readOnly
        case .results:
            s = try ResultsScreenTests.running()
            s.readOnly = readOnly
        case .details: UI.reduce(&s, .openDetails)
        case .help: UI.reduce(&s, .openHelp)
        case .helpSearch: UI.reduce(&s, .openHelp, .openHelpSearch)
        case .journal: UI.reduce(&s, .openJournal)
        case .commandLine: UI.reduce(&s, .openCommandLine)
        case .quitConfirmation: s.dialog = .quitConfirmation
        }
        #expect(KeyContext.of(s) == context)
        return s
    }

    // MARK: The table

    @Test func everyBindingIsDescribedAndNamedOnce() {
        var names = Set<String>()
        for b in Keymap.standard {
            #expect(!b.description.trimmingCharacters(in: .whitespaces).isEmpty, "\(b.name) has no description")
            #expect(!b.label.isEmpty, "\(b.name) has no label")
            #expect(!b.keys.isEmpty || b.typesText, "\(b.name) has no key")
            #expect(!b.contexts.isEmpty, "\(b.name) is in no context")
            #expect(names.insert(b.name).inserted, "\(b.name) named twice")
            if let hint = b.hint { #expect(!hint.isEmpty) }
        }
        // Every context but help itself has keys, and a way out or on.
        for context in KeyContext.allCases {
            #expect(Keymap.standard.contains { $0.contexts.contains(context) }, "no keys in \(context)")
        }
    }

    @Test func noKeyIsBoundTwiceInOneContextWithoutACondition() {
        // Two bindings for one key in one context are only fine when the first can decline (returns nil).
        let conditional: Set<String> = ["cancel-loading", "results", "force", "mode"]
        for context in KeyContext.allCases {
            var seen: [Key: String] = [:]
            for b in Keymap.standard where b.contexts.contains(context) {
                for k in b.keys {
                    if let first = seen[k] {
                        #expect(conditional.contains(first), "\(k.name) in \(context): \(first) shadows \(b.name)")
                    } else {
                        seen[k] = b.name
                    }
                }
            }
        }
    }

    @Test func helpAndHintsComeFromTheSameTable() throws {
        for context in KeyContext.allCases {
            let s = try state(in: context)
            let sections = keymap.helpSections(for: s, current: context)
            if context != .help {
                let first = try #require(sections.first, "no help for \(context)")
                #expect(first.title == context.title)
                let expected = Keymap.standard.filter { $0.contexts.contains(context) }
                #expect(first.entries.map(\.keys) == expected.map(\.label))
                #expect(first.entries.map(\.description) == expected.map(\.description))
            }
            // Help lists its own keys too (scrolling, `/` to search), after the current context's.
            #expect(sections.contains { $0.title == KeyContext.help.title })
            // Each hint shows the first key of its binding (and of its partner: `j/k move`), and that binding is
            // in the context's help.
            let helpKeys = sections.first?.entries.map(\.keys) ?? []
            for hint in keymap.hints(for: s) {
                let b = try #require(
                    Keymap.standard.first {
                        ($0.hintFor?(s).label ?? $0.hint) == hint.label && $0.contexts.contains(context)
                    })
                var expected = try #require(b.keys.first).helpName
                if let name = b.hintPartner {
                    let partner = try #require(Keymap.standard.first { $0.name == name }, "\(b.name)'s partner \(name)")
                    #expect(partner.contexts.contains(context))
                    expected += "/" + (try #require(partner.keys.first)).helpName
                }
                #expect(hint.key == expected)
                if context != .help {
                    #expect(helpKeys.contains(b.label), "hint \(hint.key) \(hint.label) not in help of \(context)")
                }
            }
        }
    }

    @Test func remappedKeysShowInHelpAndHints() throws {
        let (custom, problems) = Keymap().remapped([
            (name: "stop", keys: ["X"], line: 3), (name: "mark", keys: ["space", "x"], line: 4),
        ])
        #expect(problems.isEmpty)
        let s = UI.state()
        #expect(custom.hints(for: s).contains { $0.key == "X" && $0.label == "stop" })
        #expect(
            custom.helpSections(for: s, current: .list)[0].entries.contains {
                $0.keys == "X" && $0.description.hasPrefix("stop dialog")
            })
        #expect(custom.action(for: .char("S"), state: s, layout: ScreenLayout(width: 80, height: 14)) == nil)
        #expect(
            custom.action(for: .char("X"), state: s, layout: ScreenLayout(width: 80, height: 14)).map { "\($0)" }
                == "openStopDialog")
        // On the screen: the help overlay lists X for the stop dialog, and X opens it.
        var screen = UI.state()
        UI.press(.character("?"), &screen, .large, keymap: custom)
        let help = UI.render(screen, .large, keymap: custom)
        #expect(UI.line("stop dialog for the marked", in: help).contains("X "), "\(help)")
        #expect(!UI.line("stop dialog for the marked", in: help).contains("S "))
        UI.press(.escape, &screen, .large, keymap: custom)
        #expect(UI.press(.character("X"), &screen, .large, keymap: custom))
        #expect(screen.dialog.power?.action == .stop)
    }

    /// Keys that are typed elsewhere go through the table too: remapped, they work, and help shows them.
    @Test func textEntryKeysCanBeRemapped() throws {
        let (custom, problems) = Keymap().remapped([
            (name: "confirm-yes", keys: ["o"], line: 1), (name: "confirm-back", keys: ["esc", "x"], line: 2),
            (name: "filter-keep", keys: ["tab"], line: 3), (name: "count-erase", keys: ["ctrl-h"], line: 4),
        ])
        #expect(problems.isEmpty, "\(problems)")
        func press(_ key: Key, _ s: inout FleetState) { UI.press(key, &s, .small, keymap: custom) }
        // The y prompt: y is now text that does nothing, o confirms, x goes back.
        var s = UI.state()
        press(.character("S"), &s)
        press(.character("s"), &s)
        #expect(KeyContext.of(s) == .confirm)
        #expect(custom.hints(for: s).contains { $0.key == "o" && $0.label == "confirm" })
        #expect(custom.helpSections(for: s)[0].entries.first?.keys == "o")
        press(.character("y"), &s)
        #expect(s.operations.isEmpty && KeyContext.of(s) == .confirm)
        press(.character("x"), &s)
        #expect(KeyContext.of(s) == .dialog)
        press(.character("s"), &s)
        press(.character("o"), &s)
        #expect(s.operations.count == 1, "o confirmed")
        // The filter: Tab keeps it, Enter is no longer the way.
        var f = UI.state()
        press(.character("/"), &f)
        for c in "web-0" { press(.character(c), &f) }
        press(.enter, &f)
        #expect(f.filter.isEditing)
        press(.tab, &f)
        #expect(!f.filter.isEditing && f.filter.applied == "web-0")
        // The typed count: Ctrl-H erases.
        var c = UI.state()
        UI.mark(&c, 1)
        press(.character("S"), &c)
        press(.character("f"), &c)
        press(.character("s"), &c)
        press(.character("1"), &c)
        press(.character("2"), &c)
        press(.ctrl("h"), &c)
        #expect(c.dialog.power?.step == .typingCount("1"))
    }

    @Test func collidingOrUnknownRemappingsAreReportedAndKeepTheDefaults() throws {
        let (custom, problems) = Keymap().remapped([
            (name: "stop", keys: ["X"], line: 2),
            (name: "start", keys: ["X"], line: 3), // X is stop's now
            (name: "mark", keys: ["j"], line: 4), // j moves down on the list
            (name: "filter-keep", keys: ["k"], line: 5), // k would be typed into the filter
            (name: "no-such", keys: ["x"], line: 6),
            (name: "preview", keys: ["nokey"], line: 7),
            (name: "filter-type", keys: ["x"], line: 8),
            (name: "pager-down", keys: ["down"], line: 9), // its own default: fine
        ])
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7, 8], "\(problems)")
        #expect(
            problems[0].description.contains("is already 'stop'") && problems[0].description.contains("Instance list"),
            "\(problems[0])")
        #expect(problems[2].description.contains("typed as text"), "\(problems[2])")
        #expect(problems[3].description.contains("no key action is called 'no-such'"))
        func keys(_ name: String) -> [Key] { custom.bindings.first { $0.name == name }?.keys ?? [] }
        #expect(keys("stop") == [.character("X")])
        #expect(keys("start") == [.character("W")])
        #expect(keys("mark") == [.character(" ")])
        #expect(keys("filter-keep") == [.enter])
        #expect(keys("preview") == [.character("P")])
        #expect(keys("pager-down") == [.down])
        // A swap is no collision: both end up remapped.
        let (swapped, none) = Keymap().remapped([
            (name: "stop", keys: ["W"], line: 1), (name: "start", keys: ["S"], line: 2),
        ])
        #expect(none.isEmpty, "\(none)")
        #expect(
            swapped.action(for: .char("W"), state: UI.state(), layout: UI.layout(.small)).map { "\($0)" }
                == "openStopDialog")
        // The standard table has no collision of its own.
        #expect(Keymap().firstCollision(among: Set(Keymap.standard.map(\.name)), allowedBy: Keymap()) == nil)
    }

    // MARK: The list

    @Test func listMovesAndMarks() throws {
        var s = try state(in: .list)
        #expect(s.cursor == UI.id(1))
        press(.character("j"), &s)
        #expect(s.cursor == UI.id(2))
        press(.down, &s)
        #expect(s.cursor == UI.id(3))
        press(.character("k"), &s)
        #expect(s.cursor == UI.id(2))
        press(.character("G"), &s)
        #expect(s.cursor == UI.id(14))
        press(.character("g"), &s)
        #expect(s.cursor == UI.id(1))
        #expect(action(.pageDown, s, page: 7) == "pageDown(pageSize: 7)")
        press(.pageDown, &s, page: 5)
        #expect(s.cursor == UI.id(6))
        press(.pageUp, &s, page: 5)
        #expect(s.cursor == UI.id(1))

        press(.character(" "), &s)
        #expect(s.markedIds == [UI.id(1)])
        #expect(s.cursor == UI.id(2), "Space marks and moves down")
        press(.character("*"), &s)
        #expect(s.markCount == 14)
        press(.character("U"), &s)
        #expect(!s.hasMarks)
        press(.character(" "), &s)
        press(.character("~"), &s)
        #expect(s.markCount == 13)
        #expect(!s.isMarked(UI.id(2)))
        press(.character("U"), &s)

        press(.character("v"), &s)
        #expect(s.rangeMarking)
        press(.character("j"), &s)
        press(.character("j"), &s)
        #expect(s.markedIds == [UI.id(3), UI.id(4), UI.id(5)])
        press(.character("v"), &s)
        #expect(!s.rangeMarking)
        press(.character("j"), &s)
        #expect(s.markCount == 3)

        press(.character(">"), &s)
        #expect(s.sort.column == .name)
        press(.character("<"), &s)
        #expect(s.sort.column == .id)
        press(.character("I"), &s)
        #expect(!s.sort.ascending)

        press(.enter, &s)
        #expect(s.dialog == .details(instanceId: s.cursor!))
    }

    @Test func slashThenTypingEditsTheFilterEnterAppliesEscClears() throws {
        var s = try state(in: .list)
        press(.character("/"), &s)
        #expect(KeyContext.of(s) == .filter)
        // Keys that mean something on the list are text here.
        type("qjS ", &s)
        #expect(s.filter.text == "qjS ")
        #expect(s.dialog == .none)
        press(.backspace, &s)
        press(.backspace, &s)
        press(.backspace, &s)
        press(.backspace, &s)
        #expect(s.filter.text == "")
        type("prod", &s)
        #expect(s.filter.text == "prod")
        #expect(s.visible.isEmpty, "no instance has prod in its ID, name, IP, type or zone")
        press(.ctrl("u"), &s)
        #expect(s.filter.text == "")
        type("status:Stopped", &s)
        #expect(s.visible.count == 3, "the list follows the typed text")
        press(.enter, &s)
        #expect(!s.filter.isEditing)
        #expect(s.filter.applied == "status:Stopped")
        #expect(KeyContext.of(s) == .list)
        #expect(s.visible.count == 3)
        // `/` again starts from the applied text; Esc clears the filter.
        press(.character("/"), &s)
        #expect(s.filter.text == "status:Stopped")
        type(" !region:cn-shanghai", &s)
        #expect(s.visible.count == 2)
        press(.escape, &s)
        #expect(KeyContext.of(s) == .list)
        #expect(s.filter.applied == "")
        #expect(s.visible.count == 14)
    }

    @Test func listOpensDialogsAndOverlays() throws {
        var s = try state(in: .list)
        #expect(press(.character("S"), &s) == [])
        #expect(KeyContext.of(s) == .dialog)
        press(.character("c"), &s)
        let effects = try #require(press(.character("P"), &s))
        #expect(effects.count == 1)
        if case .preview? = effects.first {} else { Issue.record("P did not preview: \(effects)") }
        press(.escape, &s)
        #expect(KeyContext.of(s) == .list)
        press(.character("g"), &s)
        press(.character("j"), &s)
        press(.character("j"), &s)
        press(.character("W"), &s)
        #expect(s.dialog.power?.action == .start)
        press(.escape, &s)
        #expect(press(.character("@"), &s) == [.loadJournal])
        #expect(KeyContext.of(s) == .journal)
        press(.character("q"), &s)
        press(.character("?"), &s)
        #expect(KeyContext.of(s) == .help)
        press(.enter, &s)
        #expect(KeyContext.of(s) == .list)
        #expect(press(.character("o"), &s) == nil, "no operation yet")
        #expect(press(.character("R"), &s)?.count == 2, "refresh both regions")
        press(.escape, &s)
        #expect(!s.isLoading, "Esc cancels loading")
        #expect(press(.escape, &s) == nil, "Esc does nothing when not loading")
        press(.character("Z"), &s)
        #expect(s.paused)
        #expect(press(.character("q"), &s) == [.quit])
    }

    // MARK: The dialog

    @Test func dialogKeys() throws {
        var s = UI.state()
        UI.mark(&s, 1, 2)
        press(.character("S"), &s)
        #expect(KeyContext.of(s) == .dialog)
        press(.character("f"), &s)
        #expect(s.dialog.power?.options.forceStop == true)
        press(.character("f"), &s)
        #expect(s.dialog.power?.options.forceStop == false)
        press(.character("m"), &s)
        #expect(s.dialog.power?.options.stoppedMode == .keepCharging)
        press(.character("m"), &s)
        #expect(s.dialog.power?.options.stoppedMode == .stopCharging)
        press(.character("m"), &s)
        #expect(s.dialog.power?.options.stoppedMode == nil)
        press(.character("b"), &s)
        #expect(s.dialog.power?.options.batch == .successFirst)
        press(.character("b"), &s)
        #expect(s.dialog.power?.options.batch == .allTogether)
        #expect(s.dialog.power?.focus == .cancel)
        press(.tab, &s)
        #expect(s.dialog.power?.focus == .preview)
        press(.tab, &s)
        #expect(s.dialog.power?.focus == .confirm)
        press(.backTab, &s)
        #expect(s.dialog.power?.focus == .preview)
        // Enter presses the focused button: Preview.
        let preview = try #require(press(.enter, &s))
        if case .preview? = preview.first {} else { Issue.record("Enter on Preview: \(preview)") }
        press(.character("b"), &s)
        let p = try #require(press(.character("p"), &s))
        if case .preview(let plan)? = p.first {
            #expect(plan.options.batch == .successFirst)
        } else {
            Issue.record("p: \(p)")
        }
        press(.character("j"), &s)
        #expect(s.dialog.power?.scroll == 1)
        press(.character("k"), &s)
        #expect(s.dialog.power?.scroll == 0)
        press(.character("s"), &s)
        #expect(KeyContext.of(s) == .confirm)
        press(.escape, &s)
        #expect(KeyContext.of(s) == .dialog)
        press(.character("c"), &s)
        #expect(s.dialog == .none)
        #expect(s.markCount == 2, "cancelling keeps the marks")
        press(.character("S"), &s)
        press(.tab, &s)
        press(.tab, &s)
        press(.tab, &s)
        #expect(s.dialog.power?.focus == .cancel)
        press(.enter, &s)
        #expect(s.dialog == .none, "Enter on Cancel closes")
        // Start dialog: f and m do nothing.
        press(.character("W"), &s)
        #expect(press(.character("f"), &s) == nil)
        #expect(press(.character("m"), &s) == nil)
    }

    @Test func confirmationTyping() throws {
        var s = UI.state()
        UI.mark(&s, 1, 2)
        press(.character("S"), &s)
        press(.character("f"), &s)
        press(.character("s"), &s)
        #expect(s.dialog.power?.step == .typingCount(""))
        type("1x2", &s)
        #expect(s.dialog.power?.step == .typingCount("12"), "only digits")
        press(.backspace, &s)
        #expect(s.dialog.power?.step == .typingCount("1"))
        #expect(press(.enter, &s) == [])
        #expect(s.dialog.power?.step == .typingCount(""), "a wrong count starts over")
        #expect(s.dialog.power?.message?.contains("type 2") == true)
        // In the confirmation, letters that are dialog keys elsewhere are just text.
        press(.character("c"), &s)
        #expect(s.dialog.power != nil)
        type("2", &s)
        let effects = try #require(press(.enter, &s))
        if case .execute(let plan)? = effects.first {
            #expect(plan.options.forceStop)
        } else {
            Issue.record("Enter with the right count: \(effects)")
        }
        #expect(KeyContext.of(s) == .results)

        // The y prompt: y confirms, n goes back, other keys do nothing.
        var y = UI.state()
        press(.character("S"), &y)
        press(.character("s"), &y)
        #expect(y.dialog.power?.step == .askingYes)
        #expect(press(.enter, &y) == nil, "Enter does nothing at a y prompt")
        #expect(y.dialog.power?.step == .askingYes)
        press(.character("n"), &y)
        #expect(y.dialog.power?.step == .choosing)
        press(.character("s"), &y)
        let go = try #require(press(.character("y"), &y))
        #expect(go.count == 1)
    }

    // MARK: Results, command line, quit

    @Test func resultsKeys() throws {
        var s = try state(in: .results)
        press(.character("e"), &s)
        #expect(s.resultsView?.failuresOnly == true)
        #expect(s.resultRows.count == 2)
        press(.character("e"), &s)
        #expect(s.resultsView?.failuresOnly == false)
        press(.character("j"), &s)
        #expect(s.resultsView?.scroll == 1)
        press(.character("k"), &s)
        #expect(s.resultsView?.scroll == 0)
        press(.character("a"), &s)
        #expect(s.dialog.power?.targetIds == [UI.id(5), UI.id(7)])
        press(.escape, &s)
        #expect(KeyContext.of(s) == .results)
        press(.escape, &s)
        #expect(s.resultsView == nil)
        #expect(KeyContext.of(s) == .list)
        press(.character("o"), &s)
        #expect(KeyContext.of(s) == .results)
        press(.character("q"), &s)
        #expect(KeyContext.of(s) == .list, "q in results goes back, it does not quit")
        // `/` from the results view edits the filter.
        press(.character("o"), &s)
        press(.character("/"), &s)
        #expect(KeyContext.of(s) == .filter)
    }

    @Test func commandLineTyping() throws {
        var s = try state(in: .list)
        press(.character(":"), &s)
        #expect(KeyContext.of(s) == .commandLine)
        type("region all", &s)
        #expect(s.dialog == .commandLine("region all"))
        press(.backspace, &s)
        type("l", &s)
        let effects = try #require(press(.enter, &s))
        #expect(effects.contains(.loadRegionList))
        #expect(s.regionsShown == .all)
        #expect(s.dialog == .none)
        // Backspace on an empty line closes it; Esc too.
        press(.character(":"), &s)
        press(.backspace, &s)
        #expect(s.dialog == .none)
        press(.character(":"), &s)
        type("q", &s)
        press(.escape, &s)
        #expect(s.dialog == .none)
        press(.character(":"), &s)
        type("region cn-shanghai", &s)
        press(.enter, &s)
        #expect(s.regionsShown == .only([UI.shanghai]))
        #expect(s.visible.count == 4)
        press(.character(":"), &s)
        type("q", &s)
        #expect(press(.enter, &s) == [.quit])
    }

    @Test func quitConfirmationKeys() throws {
        var s = try state(in: .quitConfirmation)
        #expect(press(.character("y"), &s) == [.quit])
        s.dialog = .quitConfirmation
        #expect(press(.enter, &s) == [.quit])
        s.dialog = .quitConfirmation
        press(.character("n"), &s)
        #expect(s.dialog == .none)
        s.dialog = .quitConfirmation
        press(.escape, &s)
        #expect(s.dialog == .none)
        s.dialog = .quitConfirmation
        #expect(press(.character("j"), &s) == nil)
        // Through the keys, with an operation in flight: q asks, n stays, q and y quit.
        var r = try state(in: .results)
        press(.escape, &r)
        #expect(press(.character("q"), &r) == [])
        #expect(KeyContext.of(r) == .quitConfirmation)
        press(.character("n"), &r)
        #expect(KeyContext.of(r) == .list)
        press(.character("q"), &r)
        #expect(press(.character("y"), &r) == [.quit])
    }

    @Test func overlaysClose() throws {
        for context in [KeyContext.details, .help, .journal] {
            for key in [Key.escape, .character("q"), .enter] {
                var s = try state(in: context)
                press(key, &s)
                #expect(s.dialog == .none, "\(key.name) in \(context)")
            }
        }
        var j = try state(in: .journal)
        UI.reduce(&j, .journalLoaded([]))
        press(.character("j"), &j)
        #expect(KeyContext.of(j) == .journal)
    }

    // MARK: Read-only

    @Test func dangerousBindingsDoNothingInReadOnly() throws {
        let dangerous = Keymap.standard.filter(\.isDangerous)
        #expect(Set(dangerous.map(\.name)) == ["stop", "start", "retry-failed", "undo", "journal-undo", "dialog-go"])
        for b in dangerous {
            for context in b.contexts {
                let s = try state(in: context, readOnly: true)
                for key in b.keys {
                    let action = keymap.action(
                        for: KeyEvent(key), state: s, layout: ScreenLayout(width: 80, height: 10 + 4))
                    if case .refusedReadOnly? = action {
                    } else {
                        Issue.record("\(b.name) (\(key.name)) in read-only \(context): \(String(describing: action))")
                    }
                }
                // The same keys work when not read-only.
                let rw = try state(in: context)
                #expect(
                    b.keys.contains {
                        keymap.action(for: KeyEvent($0), state: rw, layout: ScreenLayout(width: 80, height: 10 + 4))
                            != nil
                    }, "\(b.name) does nothing in \(context)")
            }
        }
        // Hints: dangerous ones are shown, disabled.
        let s = try state(in: .list, readOnly: true)
        let hints = keymap.hints(for: s)
        #expect(hints.first { $0.label == "stop" }?.enabled == false)
        #expect(hints.first { $0.label == "start" }?.enabled == false)
        #expect(hints.first { $0.label == "preview" }?.enabled == true)
        // Help: dangerous ones are disabled and say so.
        let help = keymap.helpSections(for: s, current: .list)[0].entries
        // The mark comes first, so a description cut to fit 80 columns still shows it.
        for e in help where !e.enabled { #expect(e.description.hasPrefix("(read-only) ")) }
        #expect(help.filter { !$0.enabled }.count == 2)
        // P still opens the dialog read-only, for a preview; s there does nothing.
        var p = s
        press(.character("P"), &p)
        #expect(KeyContext.of(p) == .dialog)
        #expect(press(.character("s"), &p) == [])
        #expect(p.operations.isEmpty)
        #expect(p.dialog.power?.message?.hasPrefix("read-only mode") == true, "the dialog says why s did nothing")
    }
}
