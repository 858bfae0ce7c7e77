import ECSAPI
import Foundation
import Testing

@testable import FleetCore
@testable import FleetViewModel

@Suite struct ViewModelPowerDialogTests {
    /// Opens the stop dialog on instances `marked` of a fleet of `count`.
    static func opened(
        _ count: Int = 5, marked: [Int], readOnly: Bool = false, safety: PowerSafety = .allowAll,
        _ configure: (Int, inout Instance) -> Void = { _, _ in }
    ) -> FleetState {
        var s = VM.state(count, readOnly: readOnly, safety: safety, configure)
        for n in marked { VM.reduce(&s, [.moveTo(instanceId: VM.id(n)), .toggleMark]) }
        VM.reduce(&s, [.moveToTop, .openStopDialog])
        return s
    }

    @Test func openingFreezesTheMarkedInstances() {
        var s = Self.opened(marked: [4, 2])
        let targets = [2, 4].map { n in
            (instanceId: VM.id(n), regionId: VM.hangzhou, instance: Optional(VM.instance(n)))
        }
        #expect(VM.dialog(s) == PowerDialogState(action: .stop, targets: targets, now: VM.t0))
        #expect(s.dialog == .stop(PowerDialogState(action: .stop, targets: targets, now: VM.t0)))
        VM.reduce(&s, [.markAllVisible, .toggleMarkAndMoveDown])
        #expect(VM.dialog(s)?.targetIds == VM.ids([2, 4]))
    }

    @Test func withoutMarksTheInstanceUnderTheCursorIsTheTarget() {
        var s = VM.state(3)
        VM.reduce(&s, [.moveDown, .openStopDialog])
        #expect(VM.dialog(s)?.targetIds == [VM.id(2)])
        #expect(VM.dialog(s)?.focus == .cancel)
        #expect(VM.dialog(s)?.step == .choosing)
    }

    @Test func stoppedModeCyclesAndCountsTargetsThatKeepCharging() {
        var s = Self.opened(marked: [1, 2, 3, 4, 5]) { n, i in
            if n == 2 { i.instanceNetworkType = "classic" }
            if n == 3 {
                i.instanceChargeType = "PrePaid"
                i.expiredTime = "2099-01-01T00:00Z"
            }
            if n == 4 { i.localStorageAmount = 2 }
        }
        var modes: [String] = []
        for _ in 0..<4 {
            VM.reduce(&s, .cycleStoppedMode)
            modes.append(VM.dialog(s)!.stoppedModeTitle)
        }
        #expect(modes == ["KeepCharging", "StopCharging", "default", "KeepCharging"])
        VM.reduce(&s, .cycleStoppedMode)
        let d = VM.dialog(s)!
        #expect(d.options.stoppedMode == .stopCharging)
        #expect(d.notEligibleCount == 3)
        #expect(d.stoppedModeConsequence.hasSuffix("3 targets are not eligible and will keep charging."))
        #expect(
            d.targets.map(\.preflight) == [
                .proceed, .standardModeOnly(reason: "classic network: keeps charging"),
                .standardModeOnly(reason: "subscription (PrePaid): keeps charging"),
                .standardModeOnly(reason: "local disks: keeps charging"), .proceed,
            ])
        #expect(d.sendCount == 5)
    }

    @Test func batchForceCallsAndTheCommandLine() {
        var s = Self.opened(marked: [1, 3])
        VM.reduce(&s, [.cycleBatchOptimization, .toggleForceStop, .cycleStoppedMode, .cycleStoppedMode])
        let d = VM.dialog(s)!
        #expect(d.options == OperationOptions(forceStop: true, stoppedMode: .stopCharging, batch: .successFirst))
        #expect(d.batchConsequence == "SuccessFirst: each instance on its own; the others go ahead when one fails.")
        #expect(d.forceStopConsequence == "ForceStop: like pulling the power; unsaved data may be lost.")
        #expect(d.callCount == 1)
        #expect(
            d.commandLines == [
                "aliyun ecs StopInstances --RegionId cn-hangzhou --InstanceId.1 i-a01 --InstanceId.2 i-a03 --ForceStop true --StoppedMode StopCharging --BatchOptimization SuccessFirst"
            ])
        VM.reduce(&s, .cycleBatchOptimization)
        #expect(
            VM.dialog(s)?.batchConsequence
                == "AllTogether: all or nothing per call; if one instance fails the check, none in that call is stopped."
        )

        var many = VM.state(150)
        VM.reduce(&many, [.markAllVisible, .openStopDialog])
        #expect(VM.dialog(many)?.callCount == 2)
        #expect(VM.dialog(many)?.commandLines.count == 2)
    }

    @Test func countsAndSkipReasons() {
        let s = Self.opened(6, marked: [1, 2, 3, 4, 5, 6]) { n, i in
            if n == 2 || n == 3 { i.status = .stopped }
            if n == 4 { i.operationLocks = [.init(lockReason: "security")] }
            if n == 5 { i.status = .pending }
        }
        let d = VM.dialog(s)!
        #expect(
            d.statusCounts.map { "\($0.status?.rawValue ?? "-") \($0.count)" } == [
                "Pending 1", "Running 3", "Stopped 2",
            ])
        #expect(
            d.skipReasons.map { "\($0.reason) \($0.count)" } == [
                "already Stopped 2", "locked for security reasons 1", "still being created (Pending) 1",
            ])
        #expect(d.sendCount == 2)
        #expect(d.targets[1].verdictText == "skipped: already Stopped")
    }

    @Test func hiddenMarksCanBeDropped() {
        var s = VM.state(5)
        for n in [1, 2, 3] { VM.reduce(&s, [.moveTo(instanceId: VM.id(n)), .toggleMark]) }
        VM.reduce(&s, [.editFilter("!web-02"), .applyFilter, .openStopDialog])
        #expect(VM.dialog(s)?.targetIds == VM.ids([1, 3, 2]))
        #expect(VM.dialog(s)?.hiddenCount == 1)
        VM.reduce(&s, .dropHiddenMarks)
        #expect(VM.dialog(s)?.targetIds == VM.ids([1, 3]))
        #expect(VM.dialog(s)?.hiddenCount == 0)
        #expect(s.markedIds == Set(VM.ids([1, 3])), "the hidden mark is dropped, not only left out of the dialog")
    }

    @Test func everyVisibleRowMarkedOpensOnTheListInOrderThenTheHiddenMarks() {
        // `*` with a hidden mark: the list's rows (in the list's order, sorted by ID descending), then the hidden one.
        var s = VM.state(5)
        VM.reduce(&s, [.moveTo(instanceId: VM.id(2)), .toggleMark, .editFilter("!web-02"), .applyFilter])
        VM.reduce(&s, [.invertSort, .markAllVisible, .openStopDialog])
        #expect(VM.dialog(s)?.targetIds == VM.ids([5, 4, 3, 1, 2]))
        #expect(VM.dialog(s)?.hiddenCount == 1)
        // One visible row unmarked: the rows are looked up one by one, with the same result less that row.
        VM.reduce(&s, [.cancelDialog, .moveTo(instanceId: VM.id(4)), .toggleMark, .openStopDialog])
        #expect(VM.dialog(s)?.targetIds == VM.ids([5, 3, 1, 2]))
    }

    @Test func targetsAreListedInTheListsOrderAndEachIsJudgedAsPreflightWould() {
        // Opened from the table, the targets are judged by kind of row (region and facts) and by whether the
        // subscription has ended, once a pair: each verdict must still be what Preflight says of the instance.
        var r = DialogTallyTests.Random(seed: 7)
        var list = (1...400).map { DialogTallyTests.instance($0, &r) }
        for k in stride(from: 0, to: list.count, by: 9) {
            list[k].instanceChargeType = "PrePaid"
            list[k].expiredTime = "2030-06-01T00:00Z" // ends between the two openings below
        }
        var s = FleetState(
            profile: "test", regions: .only([VM.hangzhou, VM.shanghai]), instances: list,
            autoRefreshInterval: 60, operationIdPrefix: "t-")
        let instances = Dictionary(uniqueKeysWithValues: list.map { ($0.instanceId, $0) })
        VM.reduce(&s, [.invertSort, .markAllVisible])
        for now in [VM.t0, ECSTime.parse("2031-01-01T00:00Z")!] {
            VM.reduce(&s, .openStopDialog, now: now)
            let d = VM.dialog(s)!
            #expect(d.targetIds == Array(s.visible))
            #expect(d.targets.judgements.count < 60, "a few judgements shared by 400 targets")
            #expect(DialogTallyTests.verdictsMatch(d, { instances[$0] }))
            #expect(
                DialogTallyTests.Recount.shown(d, { instances[$0] }) == DialogTallyTests.Recount(d, { instances[$0] }))
            VM.reduce(&s, .cancelDialog)
        }
    }

    @Test func tabMovesTheFocusAndEnterPressesIt() {
        var s = Self.opened(marked: [1])
        var focus: [PowerDialogState.Button] = []
        for _ in 0..<3 {
            VM.reduce(&s, .focusNextButton)
            focus.append(VM.dialog(s)!.focus)
        }
        #expect(focus == [.preview, .confirm, .cancel])
        VM.reduce(&s, .focusPreviousButton)
        #expect(VM.dialog(s)?.focus == .confirm)
        VM.reduce(&s, [.focusNextButton, .pressFocusedButton])
        #expect(s.dialog == FleetDialog.none)
    }

    @Test func fewerThanTenWithoutForceNeedOnlyY() {
        var s = Self.opened(marked: [1, 2, 3])
        VM.reduce(&s, [.focusPreviousButton, .typeEnter])
        #expect(VM.dialog(s)?.step == .askingYes)
        #expect(VM.dialog(s)?.confirmationPrompt == "Press y to stop 3 instances, n to go back.")
        VM.reduce(&s, .typeCharacter("n"))
        #expect(VM.dialog(s)?.step == .choosing)
        VM.reduce(&s, .pressButton(.confirm))
        let expected = VM.dialog(s)!.plan(id: "t-stop-1", table: s.table)
        #expect(VM.reduce(&s, .typeCharacter("x")).isEmpty)
        #expect(VM.reduce(&s, .typeCharacter("y")) == [.execute(expected)])
        #expect(expected.targets.map(\.instanceId) == VM.ids(1...3))
        #expect(expected.options == OperationOptions())
        #expect(s.dialog == FleetDialog.none)
        #expect(s.operations == [OperationRun(plan: expected, startedAt: VM.t0)])
        #expect(s.resultsView == ResultsViewState(operationId: "t-stop-1"))
    }

    @Test func forceStopOrTenTargetsNeedTheCountTyped() {
        var forced = Self.opened(marked: [1, 2])
        VM.reduce(&forced, [.toggleForceStop, .pressButton(.confirm)])
        #expect(VM.dialog(forced)?.step == .typingCount(""))
        #expect(VM.reduce(&forced, .typeCharacter("y")).isEmpty)
        VM.reduce(&forced, [.typeCharacter("2")])
        #expect(VM.reduce(&forced, .typeEnter).count == 1)

        var s = VM.state(12)
        VM.reduce(&s, [.markAllVisible, .openStopDialog, .pressButton(.confirm)])
        #expect(VM.dialog(s)?.step == .typingCount(""))
        VM.reduce(&s, [.typeCharacter("1"), .typeCharacter("3"), .typeBackspace, .typeCharacter("1")])
        #expect(VM.dialog(s)?.step == .typingCount("11"))
        #expect(VM.reduce(&s, .typeEnter).isEmpty)
        #expect(VM.dialog(s)?.message == "Typed 11; type 12 to stop 12 instances.")
        #expect(VM.dialog(s)?.step == .typingCount(""))
        #expect(s.operations.isEmpty)
        VM.reduce(&s, [.typeCharacter("1"), .typeCharacter("2")])
        let effects = VM.reduce(&s, .typeEnter)
        #expect(effects.count == 1)
        #expect(s.operations.map(\.plan.sendCount) == [12])
    }

    @Test func escapeStepsBackThenCloses() {
        var s = Self.opened(marked: [1])
        VM.reduce(&s, [.pressButton(.confirm), .cancelDialog])
        #expect(VM.dialog(s)?.step == .choosing)
        VM.reduce(&s, .cancelDialog)
        #expect(s.dialog == FleetDialog.none)
    }

    @Test func readOnlyDisablesStop() {
        var s = Self.opened(marked: [1], readOnly: true)
        #expect(VM.dialog(s)?.confirmDisabledReason == "read-only mode (started with --readonly)")
        #expect(VM.reduce(&s, .pressButton(.confirm)).isEmpty)
        #expect(VM.dialog(s)?.step == .choosing)
        #expect(VM.dialog(s)?.message == "read-only mode (started with --readonly)")
        #expect(VM.reduce(&s, .pressButton(.preview)).count == 1) // a dry run changes nothing
    }

    @Test func aDenyingSafetyPolicyDisablesStopNamingTheRule() {
        var s = Self.opened(marked: [1], safety: VM.safety("ecs:Stop*", .deny))
        #expect(
            VM.dialog(s)?.confirmDisabledReason
                == "denied by the aliyun safety policy: rule 'ecs:Stop*' (deny) in test-policy.json")
        #expect(VM.reduce(&s, [.pressButton(.confirm), .typeCharacter("y")]).isEmpty)
        #expect(s.operations.isEmpty)

        var start = VM.state(2, safety: VM.safety("ecs:Stop*", .deny)) { _, i in i.status = .stopped }
        VM.reduce(&start, .openStartDialog)
        #expect(VM.dialog(start)?.confirmDisabledReason == nil)

        var confirm = Self.opened(marked: [1], safety: VM.safety("ecs:StopInstances", .confirm))
        VM.reduce(&confirm, .pressButton(.confirm))
        #expect(VM.dialog(confirm)?.step == .typingCount(""))
    }

    @Test func previewRunsADryRunAndShowsItsVerdicts() {
        var s = VM.state(3)
        VM.reduce(&s, [.markAllVisible])
        let effects = VM.reduce(&s, .openStopDialogWithPreview)
        let plan = VM.dialog(s)!.plan(id: "t-preview-1", dryRun: true, table: s.table)
        #expect(effects == [.preview(plan)])
        #expect(plan.options.dryRun)
        #expect(VM.dialog(s)?.preview == .running(operationId: "t-preview-1"))

        let results = [
            InstanceResult(
                instanceId: VM.id(1), regionId: VM.hangzhou, outcome: .dryRunPassed, code: ErrorCode.dryRunSuccess),
            InstanceResult(
                instanceId: VM.id(2), regionId: VM.hangzhou, outcome: .dryRunFailed, code: "InstanceExpiredOrInArrears",
                message: "overdue"),
            InstanceResult(
                instanceId: VM.id(3), regionId: VM.hangzhou, outcome: .dryRunPassed, code: ErrorCode.dryRunSuccess),
        ]
        VM.reduce(&s, .previewFinished(OperationEngine.Report(operation: "stale", results: [], notes: [])))
        #expect(VM.dialog(s)?.preview == .running(operationId: "t-preview-1"))
        VM.reduce(
            &s, .previewFinished(OperationEngine.Report(operation: "t-preview-1", results: results, notes: ["note"])))
        let d = VM.dialog(s)!
        #expect(d.preview == .done(operationId: "t-preview-1", notes: ["note"]))
        #expect(
            d.targets.map(\.verdictText) == [
                "dry run passed", "dry run failed: InstanceExpiredOrInArrears overdue", "dry run passed",
            ])
        VM.reduce(&s, .cycleBatchOptimization)
        #expect(VM.dialog(s)?.preview == .notRun)
        #expect(VM.dialog(s)?.targets.allSatisfy { $0.dryRun == nil } == true)
    }

    @Test func theStartDialogStartsStoppedInstances() {
        var s = VM.state(2) { n, i in i.status = n == 1 ? .stopped : .running }
        VM.reduce(&s, [.markAllVisible, .openStartDialog, .toggleForceStop, .cycleStoppedMode])
        guard case .start(let d) = s.dialog else {
            Issue.record("no start dialog")
            return
        }
        #expect(d.options == OperationOptions())
        #expect(d.confirmTitle == "Start")
        #expect(d.sendCount == 1)
        #expect(d.skipReasons.map(\.reason) == ["already Running"])
        VM.reduce(&s, [.pressButton(.confirm), .typeCharacter("y")])
        #expect(s.operations.first?.plan.action == .start)
        #expect(
            s.operations.first?.plan.batches == [OperationPlan.Batch(regionId: VM.hangzhou, instanceIds: [VM.id(1)])])
    }
}
