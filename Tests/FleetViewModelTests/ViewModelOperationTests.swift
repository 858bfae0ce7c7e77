import ECSAPI
import Foundation
import Testing

@testable import FleetCore
@testable import FleetViewModel

@Suite struct ViewModelOperationTests {
    /// A fleet of 4 with a stop of instances 1...3 confirmed at `t0`.
    static func stopping() -> (FleetState, OperationPlan) {
        var s = VM.state(4)
        VM.reduce(
            &s,
            [
                .toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .openStopDialog,
                .pressButton(.confirm),
            ])
        guard case .execute(let plan) = VM.reduce(&s, .typeCharacter("y")).first else {
            fatalError("no execute effect")
        }
        return (s, plan)
    }

    static func result(_ n: Int, _ outcome: Outcome, _ current: String = "", code: String = "", message: String = "")
        -> InstanceResult
    {
        InstanceResult(
            instanceId: VM.id(n), regionId: VM.hangzhou, outcome: outcome, code: code, message: message,
            previousStatus: "Running", currentStatus: current)
    }

    @Test func updatesFlowIntoTheResultsTheListAndTheLastOperation() {
        let (initial, plan) = Self.stopping()
        var s = initial
        let t1 = VM.t0.addingTimeInterval(2)
        let changed = [
            Self.result(1, .accepted, "Stopping", code: "200"),
            Self.result(2, .failed, code: "IncorrectInstanceStatus", message: "not Running"),
        ]
        #expect(VM.reduce(&s, .operationUpdated(operationId: plan.id, results: changed), now: t1).isEmpty)
        var run = OperationRun(plan: plan, startedAt: VM.t0)
        run.apply(changed)
        #expect(s.operations == [run])
        #expect(s.instance(VM.id(1))?.status == .stopping)
        #expect(s.instance(VM.id(2))?.status == .running)
        #expect(
            s.lastOperation(VM.id(1))
                == LastOperation(operationId: plan.id, action: .stop, outcome: .accepted, code: "200", time: t1))
        #expect(s.lastOperation(VM.id(2))?.summary == "stop: failed (IncorrectInstanceStatus)")
        #expect(s.lastOperation(VM.id(4)) == nil)
        #expect(s.resultRows.map(\.outcome) == [.accepted, .failed, .queued])

        VM.reduce(&s, .operationUpdated(operationId: "unknown", results: [Self.result(3, .stopped, "Stopped")]))
        #expect(s.instance(VM.id(3))?.status == .running)
    }

    /// An operation of over 10 seconds rings the bell and notifies when it ends; a shorter one, or any with
    /// notifications off (`--quiet`, `notify = false`), does not.
    @Test func aLongOperationNotifiesWhenItEnds() {
        let final = [Self.result(1, .stopped, "Stopped")]
        func finish(after seconds: TimeInterval, notifyAfter: TimeInterval?) -> [FleetEffect] {
            var (s, plan) = Self.stopping()
            s.notifyAfter = notifyAfter
            let report = OperationEngine.Report(operation: plan.id, results: final, notes: [])
            return VM.reduce(&s, .operationFinished(report), now: VM.t0.addingTimeInterval(seconds))
        }
        let long = finish(after: 11, notifyAfter: 10)
        guard case .notify(let title, let body)? = long.first else {
            Issue.record("no notification: \(long)")
            return
        }
        #expect(title.hasPrefix("ecsfleet: stop "))
        #expect(body.hasPrefix("stop finished: "))
        #expect(finish(after: 9, notifyAfter: 10).isEmpty)
        #expect(finish(after: 600, notifyAfter: nil).isEmpty)
    }

    @Test func aFinishedOperationIsMarkedAndAnnounced() {
        let (initial, plan) = Self.stopping()
        var s = initial
        let t9 = VM.t0.addingTimeInterval(9)
        let final = [
            Self.result(1, .stopped, "Stopped"), Self.result(2, .failed, code: "X"),
            Self.result(3, .timeout, "Stopping"),
        ]
        VM.reduce(
            &s, .operationFinished(OperationEngine.Report(operation: plan.id, results: final, notes: ["n"])), now: t9)
        let run = s.operations[0]
        #expect(run.isFinished)
        #expect(run.finishedAt == t9)
        #expect(run.notes == ["n"])
        #expect(run.results == final)
        #expect(run.failures.map(\.instanceId) == VM.ids([2, 3]))
        #expect(s.inFlightOperations.isEmpty)
        #expect(
            s.banners.last
                == Banner(
                    level: .warning, text: "stop finished: 1 stopped, 1 failed, 1 timeout.",
                    expires: t9.addingTimeInterval(8)))
        #expect(s.instance(VM.id(1))?.status == .stopped)
        #expect(s.lastOperation(VM.id(3))?.outcome == .timeout)
    }

    @Test func quitAsksWhileAnOperationIsInFlight() {
        var idle = VM.state(2)
        #expect(VM.reduce(&idle, .quit) == [.quit])

        let (initial, plan) = Self.stopping()
        var s = initial
        #expect(VM.reduce(&s, .quit).isEmpty)
        #expect(s.dialog == .quitConfirmation)
        #expect(VM.reduce(&s, .typeCharacter("n")).isEmpty)
        #expect(s.dialog == FleetDialog.none)
        VM.reduce(&s, .quit)
        #expect(VM.reduce(&s, .typeCharacter("y")) == [.quit])
        VM.reduce(&s, .cancelDialog)
        VM.reduce(&s, .quit)
        #expect(VM.reduce(&s, .quit) == [.quit])

        VM.reduce(
            &s, [.cancelDialog, .operationFinished(OperationEngine.Report(operation: plan.id, results: [], notes: []))])
        #expect(VM.reduce(&s, .quit) == [.quit])
    }

    @Test func theResultsViewShowsFailuresOnlyWhenAsked() {
        let (initial, plan) = Self.stopping()
        var s = initial
        VM.reduce(
            &s,
            .operationUpdated(
                operationId: plan.id,
                results: [Self.result(1, .stopped, "Stopped"), Self.result(2, .failed, code: "X")]))
        #expect(s.resultRows.count == 3)
        VM.reduce(&s, .toggleFailuresOnly)
        #expect(s.resultsView == ResultsViewState(operationId: plan.id, failuresOnly: true))
        #expect(s.resultRows.map(\.instanceId) == [VM.id(2)])
        VM.reduce(&s, [.toggleFailuresOnly, .scrollResults(by: 5)])
        #expect(s.resultsView?.scroll == 2)
        VM.reduce(&s, .hideResults)
        #expect(s.resultsView == nil)
        #expect(s.resultRows.isEmpty)
        VM.reduce(&s, .showResults(operationId: nil))
        #expect(s.resultsView == ResultsViewState(operationId: plan.id))

        var none = VM.state(1)
        VM.reduce(&none, .showResults(operationId: nil))
        #expect(none.resultsView == nil)
        #expect(none.banners.map(\.text) == ["No operation has run in this session."])
    }

    @Test func retryFailedReopensTheDialogOnTheFailedOnly() {
        let (initial, plan) = Self.stopping()
        var s = initial
        VM.reduce(
            &s,
            .operationFinished(
                OperationEngine.Report(
                    operation: plan.id,
                    results: [
                        Self.result(1, .stopped, "Stopped"), Self.result(2, .failed, code: "X"),
                        Self.result(3, .timeout, "Stopping"),
                    ], notes: [])))
        VM.reduce(&s, .retryFailed)
        guard case .stop(let d) = s.dialog else {
            Issue.record("no stop dialog")
            return
        }
        #expect(d.targetIds == VM.ids([2, 3]))
        #expect(d.options == plan.options)
        #expect(
            d.targets[1].preflight == .skip(code: ErrorCode.incorrectInstanceStatus, reason: "not Running (Stopping)"))
        #expect(d.sendCount == 1)

        var clean = Self.stopping().0
        VM.reduce(
            &clean,
            .operationFinished(
                OperationEngine.Report(
                    operation: clean.operations[0].id, results: [Self.result(1, .stopped)], notes: [])))
        VM.reduce(&clean, .retryFailed)
        #expect(clean.dialog == FleetDialog.none)
        #expect(clean.banners.last?.text == "Nothing to retry: no instance failed.")
    }

    @Test func operationIdsAreDeterministic() {
        var s = Self.stopping().0
        VM.reduce(
            &s,
            [.openStopDialogWithPreview, .cancelDialog, .openStopDialog, .pressButton(.confirm), .typeCharacter("y")])
        #expect(s.operations.map(\.id) == ["t-stop-1", "t-stop-3"])
    }
}
