import ECSAPI
import FleetCore
import Foundation
import Testing

@testable import FleetViewModel

/// The journal view's selected operation: moving it, `r` (resume) and `u` (undo), as effects and actions.
@Suite struct ViewModelJournalTests {
    static func result(_ n: Int, _ outcome: Outcome, was: String = "Running", now: String = "") -> InstanceResult {
        InstanceResult(
            instanceId: VM.id(n), regionId: VM.hangzhou, outcome: outcome, previousStatus: was, currentStatus: now)
    }

    /// Oldest first, as the journal holds them: a finished stop of 1-2 (`op-done`), a start by other credentials
    /// (`op-other`), a stop of 3-5 interrupted while `Stopping` (`op-cut`), and a finished dry run (`op-dry`).
    static func entries() -> [OperationHistory.Entry] {
        let t = VM.t0
        func rec(
            _ op: String, _ e: JournalRecord.Event, _ results: [InstanceResult], action: String = "stop",
            profile: String = "test", parameters: [(String, String)] = []
        ) -> JournalRecord {
            JournalRecord(
                time: t, operation: op, event: e, profile: profile, action: action, parameters: parameters,
                results: results)
        }
        let records = [
            rec("op-done", .begin, [result(1, .queued), result(2, .queued)]),
            rec("op-done", .end, [result(1, .stopped), result(2, .stopped)]),
            rec("op-other", .begin, [result(6, .queued, was: "Stopped")], action: "start", profile: "ops"),
            rec("op-cut", .begin, [result(3, .queued), result(4, .queued), result(5, .queued)]),
            rec("op-cut", .answer, [result(3, .accepted), result(4, .accepted), result(5, .stopped)]),
            rec("op-dry", .begin, [result(7, .queued)], parameters: [("DryRun", "true")]),
            rec("op-dry", .end, [result(7, .dryRunPassed)]),
        ]
        return OperationHistory(records: records).entries
    }

    static func opened(_ count: Int = 8) -> FleetState {
        var s = VM.state(count)
        VM.reduce(&s, [.openJournal, .journalLoaded(entries())])
        return s
    }

    static func journal(_ s: FleetState) -> JournalViewState? {
        if case .journal(let j) = s.dialog { return j }
        return nil
    }

    static func selected(_ s: FleetState) -> String? { journal(s)?.selectedEntry?.operation }

    @Test func theNewestInterruptedOperationOfTheseCredentialsIsSelectedAndTheKeysMoveTheSelection() {
        var s = Self.opened()
        #expect(Self.journal(s)?.entries.map(\.operation) == ["op-dry", "op-cut", "op-other", "op-done"])
        #expect(Self.selected(s) == "op-cut")
        // Lines: op-dry 0-1, op-cut 2-5, op-other 6-7, op-done 8-10; four rows show at once.
        let bounds = ScrollBounds(lines: 11, rows: 4)
        VM.reduce(&s, .moveJournalSelection(.lines(1), in: bounds))
        #expect(Self.selected(s) == "op-other")
        VM.reduce(&s, .moveJournalSelection(.lines(5), in: bounds))
        #expect(Self.selected(s) == "op-done")
        VM.reduce(&s, .moveJournalSelection(.top, in: bounds))
        #expect(Self.selected(s) == "op-dry" && Self.journal(s)?.scroll == 0)
        VM.reduce(&s, .moveJournalSelection(.bottom, in: bounds))
        // op-done's lines (8-10) are in view: its summary, and its two instances.
        #expect(Self.selected(s) == "op-done" && Self.journal(s)?.scroll == 7)
        VM.reduce(&s, .moveJournalSelection(.pages(-1), in: bounds))
        // A page (4 lines) up from line 8 is line 4, op-cut's.
        #expect(Self.selected(s) == "op-cut" && Self.journal(s)?.scroll == 2)
        VM.reduce(&s, .moveJournalSelection(.lines(-9), in: bounds))
        #expect(Self.selected(s) == "op-dry" && Self.journal(s)?.scroll == 0)
    }

    @Test func rFollowsTheInterruptedOperationInTheResultsViewWithoutSendingAgain() {
        var s = Self.opened()
        let effects = VM.reduce(&s, .resumeSelectedOperation)
        guard case .resume(let entry)? = effects.first, effects.count == 1 else {
            Issue.record("no resume effect: \(effects)")
            return
        }
        #expect(entry.operation == "op-cut")
        #expect(s.dialog == .none && s.resultsView?.operationId == "op-cut")
        guard let run = s.operation("op-cut") else {
            Issue.record("no run")
            return
        }
        #expect(run.results.map(\.outcome) == [.accepted, .accepted, .stopped] && !run.isFinished)
        #expect(run.plan.targets.map(\.name) == ["web-03", "web-04", "web-05"])
        #expect(s.banners.last?.text.contains("nothing is sent again") == true)
        // The runner's reports fold in as an operation's do.
        let done = [Self.result(3, .stopped, now: "Stopped"), Self.result(4, .stopped, now: "Stopped")]
        VM.reduce(&s, .operationUpdated(operationId: "op-cut", results: [Self.result(3, .accepted, now: "Stopping")]))
        VM.reduce(&s, .operationFinished(OperationEngine.Report(operation: "op-cut", results: done)))
        #expect(s.operation("op-cut")?.results.map(\.outcome) == [.stopped, .stopped, .stopped])
        #expect(s.operation("op-cut")?.isFinished == true && s.instance(VM.id(4))?.status == .stopped)
    }

    @Test func rOnAFinishedOperationSaysThereIsNothingToResume() {
        var s = Self.opened()
        VM.reduce(&s, .moveJournalSelection(.bottom, in: ScrollBounds(lines: 11, rows: 20)))
        #expect(VM.reduce(&s, .resumeSelectedOperation).isEmpty)
        #expect(s.banners.last?.text == "Nothing to resume: op-done has ended (2 stopped).")
        #expect(Self.journal(s) != nil && s.resultsView == nil)
    }

    @Test func operationsOfOtherCredentialsAreNotOffered() {
        var s = Self.opened()
        VM.reduce(&s, .moveJournalSelection(.lines(1), in: ScrollBounds(lines: 11, rows: 20)))
        #expect(Self.selected(s) == "op-other")
        #expect(VM.reduce(&s, .resumeSelectedOperation).isEmpty)
        #expect(
            s.banners.last?.text
                == "op-other was made with other credentials (ops); to resume it, run `ecsfleet --profile ops journal --resume op-other`."
        )
        #expect(VM.reduce(&s, .undoSelectedOperation).isEmpty)
        #expect(s.banners.last?.text.contains("journal --undo op-other") == true)
    }

    @Test func uReadsTheInstancesThenOpensTheStartDialogAsAnUndoWithTheSkippedAndWhy() {
        var s = Self.opened()
        VM.reduce(&s, .moveJournalSelection(.bottom, in: ScrollBounds(lines: 11, rows: 20)))
        let effects = VM.reduce(&s, .undoSelectedOperation)
        guard case .readUndoTargets(let entry, let later)? = effects.first else {
            Issue.record("no read: \(effects)")
            return
        }
        #expect(entry.operation == "op-done" && later.map(\.operation) == ["op-other", "op-cut", "op-dry"])
        // i-a01 is still Stopped; i-a02 was started since.
        let found = [VM.instance(1, .stopped), VM.instance(2, .running)]
        VM.reduce(&s, .undoTargetsRead(entry, later: later, found: found, failure: nil))
        guard let d = VM.dialog(s) else {
            Issue.record("no dialog")
            return
        }
        #expect(d.action == .start && d.undoes == "op-done" && d.targetIds == [VM.id(1)])
        #expect(d.undoSkipped.map(\.instanceId) == [VM.id(2)])
        #expect(d.undoSkipped.first?.reason == "started since (now Running)")
        #expect(
            d.targets.first?.regionId == VM.hangzhou && d.plan(id: "t-u", table: s.table).undoes == "op-done")
    }

    @Test func uSaysWhyWhenTheOperationCannotBeUndoneOrTheReadFailed() {
        var s = Self.opened()
        VM.reduce(&s, .moveJournalSelection(.top, in: ScrollBounds(lines: 11, rows: 20)))
        #expect(VM.reduce(&s, .undoSelectedOperation).isEmpty)
        #expect(s.banners.last?.text.contains("was a dry run") == true)
        VM.reduce(&s, .moveJournalSelection(.bottom, in: ScrollBounds(lines: 11, rows: 20)))
        guard case .readUndoTargets(let entry, let later)? = VM.reduce(&s, .undoSelectedOperation).first else {
            Issue.record("no read")
            return
        }
        VM.reduce(&s, .undoTargetsRead(entry, later: later, found: [], failure: "reading failed: Throttling."))
        #expect(s.banners.last?.text == "Cannot undo op-done: reading failed: Throttling. Nothing was sent.")
        #expect(VM.dialog(s) == nil)
        // Nothing left to reverse: a banner, no dialog.
        VM.reduce(&s, .undoTargetsRead(entry, later: later, found: [VM.instance(1), VM.instance(2)], failure: nil))
        #expect(VM.dialog(s) == nil && s.banners.last?.text.hasPrefix("Nothing to undo: i-a01 started since") == true)
    }

    @Test func aFailedResumeEndsTheRunAndSaysRTriesAgain() {
        var s = Self.opened()
        VM.reduce(&s, .resumeSelectedOperation)
        VM.reduce(&s, .resumeFailed(operationId: "op-cut", message: "Throttling."))
        #expect(s.operation("op-cut")?.isFinished == true && s.inFlightOperations.isEmpty)
        #expect(s.banners.last?.text.contains("r tries again") == true)
    }

    @Test func capitalYInTheDialogCopiesItsAliyunCommands() {
        var s = VM.state(3)
        VM.reduce(&s, [.toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .openStopDialog, .toggleForceStop])
        guard let d = VM.dialog(s) else {
            Issue.record("no dialog")
            return
        }
        let effects = VM.reduce(&s, .copyCommands)
        #expect(effects == [.copy(d.commandLines.joined(separator: "\n"))])
        #expect(
            d.commandLines == [
                "aliyun ecs StopInstances --RegionId cn-hangzhou --InstanceId.1 i-a01 --InstanceId.2 i-a02 --ForceStop true --BatchOptimization AllTogether"
            ])
        #expect(
            s.banners.last?.text
                == "Copied 1 aliyun command for this stop of 2 instances (through the terminal's clipboard, OSC 52).")
        #expect(VM.dialog(s) != nil)
    }
}
