import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

/// The journal's keys (a selected operation, `r`, `u`) and `Y` in the dialog, through the one key table.
@Suite struct JournalKeysTests {
    let keymap = Keymap()

    /// The journal open on a finished stop of `i-bp01` and an interrupted one of `i-bp02`, made with the
    /// session's credentials.
    static func journal(readOnly: Bool = false) -> FleetState {
        var s = UI.state(readOnly: readOnly)
        func result(_ n: Int, _ outcome: Outcome) -> InstanceResult {
            InstanceResult(instanceId: UI.id(n), regionId: UI.hangzhou, outcome: outcome, previousStatus: "Running")
        }
        let records = [
            JournalRecord(
                time: UI.t0, operation: "op-1", event: .begin, profile: "prod-admin", action: "stop",
                results: [result(1, .queued)]),
            JournalRecord(
                time: UI.t0, operation: "op-1", event: .end, profile: "prod-admin", action: "stop",
                results: [result(1, .stopped)]),
            JournalRecord(
                time: UI.t0, operation: "op-2", event: .begin, profile: "prod-admin", action: "stop",
                results: [result(2, .accepted)]),
        ]
        UI.reduce(&s, .openJournal, .journalLoaded(OperationHistory(records: records).entries))
        return s
    }

    func action(_ key: Key, _ s: FleetState) -> FleetAction? {
        keymap.action(for: KeyEvent(key), state: s, layout: ScreenLayout(width: 80, height: 24))
    }

    @Test func rResumesAndUUndoesTheSelectedOperation() throws {
        var s = Self.journal()
        guard case .resumeSelectedOperation? = action(.character("r"), s) else {
            Issue.record("r: \(String(describing: action(.character("r"), s)))")
            return
        }
        guard case .undoSelectedOperation? = action(.character("u"), s) else {
            Issue.record("u: \(String(describing: action(.character("u"), s)))")
            return
        }
        // The interrupted one is selected; r follows it in the results view.
        let effects = UI.reduce(&s, try #require(action(.character("r"), s)))
        guard case .resume(let entry)? = effects.first else {
            Issue.record("no resume: \(effects)")
            return
        }
        #expect(entry.operation == "op-2" && s.resultsView?.operationId == "op-2")
        let g = UI.render(s, .large, now: UI.t0)
        #expect(UI.shows("Resuming stop op-2", g), "\(UI.dump(g))")
    }

    @Test func uIsOffInReadOnlyModeAndRIsNot() {
        let s = Self.journal(readOnly: true)
        guard case .refusedReadOnly? = action(.character("u"), s) else {
            Issue.record("u in read-only: \(String(describing: action(.character("u"), s)))")
            return
        }
        guard case .resumeSelectedOperation? = action(.character("r"), s) else {
            Issue.record("r in read-only: \(String(describing: action(.character("r"), s)))")
            return
        }
    }

    @Test func theHintBarAndHelpListTheJournalsKeys() {
        let s = Self.journal()
        let hints = UI.hintBar(UI.render(s, .large))
        for hint in ["j/k select", "r resume", "u undo", "Esc close"] {
            #expect(hints.contains(hint), "\(hint) in \(hints)")
        }
        let help = keymap.helpSections(for: s, current: .journal)
        let journal = help.first { $0.title == KeyContext.journal.title }
        #expect(journal?.entries.map(\.keys).contains("r") == true)
        #expect(journal?.entries.contains { $0.keys == "u" && $0.description.hasPrefix("undo the selected") } == true)
    }

    @Test func theSelectedOperationIsMarkedAndHasTheCursorsStyle() throws {
        let s = Self.journal()
        let g = UI.render(s, .small)
        let line = UI.line("op-2", in: g)
        #expect(line.contains("▸ ") && line.contains("INTERRUPTED (r resumes it)"), "\(UI.dump(g))")
        #expect(UI.style(of: "op-2", in: g) == UI.theme[.dialog].patched(with: UI.theme[.cursor]))
        #expect(!UI.line("op-1", in: g).contains("▸"))
    }

    /// `u` on the finished stop: once its instances are read, the start dialog titled as its undo, with the
    /// instance it leaves alone and why.
    @Test(arguments: ScreenSize.both)
    func theUndoDialogSaysWhatItUndoesAndWhatItLeavesAlone(size: ScreenSize) throws {
        var s = Self.journal()
        UI.press(.character("j"), &s, size)
        let effects = UI.reduce(&s, try #require(action(.character("u"), s)))
        guard case .readUndoTargets(let entry, let later)? = effects.first else {
            Issue.record("no read: \(effects)")
            return
        }
        #expect(entry.operation == "op-1" && later.map(\.operation) == ["op-2"])
        var stopped = UI.fleet()[0]
        stopped.status = .stopped
        // i-bp01 is still Stopped; op-1 never stopped i-bp02 (op-2 did, and is unfinished).
        UI.reduce(&s, .undoTargetsRead(entry, later: later, found: [stopped], failure: nil))
        let g = UI.render(s, size)
        #expect(UI.shows("Start 1 instance, undo of op-1", g), "\(UI.dump(g))")
        #expect(s.dialog.power?.undoSkipped.isEmpty == true, "op-1 stopped only i-bp01")
    }

    @Test func theUndoDialogListsTheInstancesItLeavesAlone() throws {
        var s = UI.state()
        let results = [1, 2, 3].map {
            InstanceResult(instanceId: UI.id($0), regionId: UI.hangzhou, outcome: .stopped, previousStatus: "Running")
        }
        let records = [
            JournalRecord(time: UI.t0, operation: "op-3", event: .begin, profile: "prod-admin", action: "stop"),
            JournalRecord(
                time: UI.t0, operation: "op-3", event: .end, profile: "prod-admin", action: "stop", results: results),
        ]
        let entries = OperationHistory(records: records).entries
        UI.reduce(&s, .openJournal, .journalLoaded(entries))
        var first = UI.fleet()[0]
        first.status = .stopped
        // i-bp02 was started since; i-bp03 no longer exists.
        UI.reduce(&s, .undoTargetsRead(entries[0], later: [], found: [first, UI.fleet()[1]], failure: nil))
        let g = UI.render(s, .large)
        #expect(UI.shows("Start 1 instance, undo of op-3", g), "\(UI.dump(g))")
        #expect(UI.shows("2 instances of op-3 left alone:", g))
        #expect(UI.shows("\(UI.id(2))  started since (now Running)", g))
        #expect(UI.shows("\(UI.id(3))  no longer exists", g))
    }

    @Test func capitalYInTheDialogCopiesItsCommands() throws {
        var s = UI.state()
        UI.reduce(&s, .openStopDialog)
        let a = try #require(action(.character("Y"), s))
        guard case .copyCommands = a else {
            Issue.record("Y in the dialog: \(a)")
            return
        }
        let effects = UI.reduce(&s, a)
        guard case .copy(let text)? = effects.first else {
            Issue.record("no copy: \(effects)")
            return
        }
        #expect(text.hasPrefix("aliyun ecs StopInstances --RegionId cn-hangzhou --InstanceId.1 \(UI.id(1))"))
        #expect(UI.shows("Copied 1 aliyun command for this stop of 1 instance", UI.render(s, .large, now: UI.t0)))
    }
}
