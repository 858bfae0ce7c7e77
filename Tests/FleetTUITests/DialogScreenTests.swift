import ECSAPI
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetCore

/// The stop (and start) dialog: targets, options and their consequences, hidden marks, preview verdicts and
/// the confirmation step.
@Suite struct DialogScreenTests {
    /// The fleet with instance 2 on local disks (not eligible for economical mode); instances 1, 2, 3 marked
    /// (3 is stopped) and the stop dialog open.
    static func opened(readOnly: Bool = false) -> FleetState {
        var list = UI.fleet()
        list[1].localStorageAmount = 2
        list[1].localStorageCapacity = 500
        var s = UI.state(list, readOnly: readOnly)
        UI.mark(&s, 1, 2, 3)
        UI.reduce(&s, .openStopDialog)
        return s
    }

    @Test(arguments: ScreenSize.both)
    func dialogShowsTargetsCountsAndOptions(size: ScreenSize) throws {
        // The whole dialog is a golden frame (`FrameTests.dialog`); here, what it says and in which roles.
        let s = Self.opened()
        let g = UI.render(s, size)
        #expect(UI.shows("Stop 3 instances", g))
        #expect(UI.shows("3 targets: 2 Running · 1 Stopped", g))
        #expect(UI.shows("2 will be sent in 1 API call(s); 1 skipped", g))
        #expect(UI.shows("skip 1: already Stopped", g))
        #expect(UI.shows("[f] ForceStop: off  Normal stop", g))
        #expect(UI.shows("[m] StoppedMode: default", g))
        #expect(UI.shows("[b] BatchOptimization: AllTogether  AllTogether: all or nothing per call", g))
        #expect(UI.shows("equivalent: aliyun ecs StopInstances --RegionId cn-hangzhou", g))
        #expect(!UI.shows("hidden by the filter", g))
        // Each target with its state and verdict.
        #expect(UI.dialogLine(1, in: g).contains("will be sent"))
        // A verdict longer than its column goes on under its row (at 80 columns), never cut.
        #expect(UI.dialogLine(3, in: g).contains(size.width >= 200 ? "skipped: already Stopped" : "skipped: already"))
        #expect(UI.style(of: "skipped: already", in: g) == UI.theme[.dialog].patched(with: UI.theme[.dim]))
        #expect(
            UI.style(of: "○ Stopped", in: g, from: try #require(UI.row("3 targets", in: g)) + 1)
                == UI.theme[.dialog].patched(with: UI.theme[.statusStopped]))
        // Buttons: Cancel focused, Stop in the danger role.
        #expect(UI.shows("[c] Cancel  [p] Preview  [s] Stop", g))
        #expect(UI.style(of: "[c] Cancel", in: g) == UI.theme[.dialog].patched(with: UI.theme[.buttonFocused]))
        #expect(
            UI.style(of: "[s] Stop", in: g)
                == UI.theme[.dialog].patched(with: UI.theme[.button]).patched(with: UI.theme[.danger]))
        if size.width >= 200 {
            #expect(UI.shows("--InstanceId.1 i-bp01 --InstanceId.2 i-bp02 --BatchOptimization AllTogether", g))
            #expect(
                UI.shows(
                    "Account default: economical mode if the account enabled it and the instance qualifies, else standard.",
                    g))
        }
    }

    @Test(arguments: ScreenSize.both)
    func forceStopOnShowsTheWarningInTheDangerRole(size: ScreenSize) throws {
        var s = Self.opened()
        UI.reduce(&s, .toggleForceStop)
        let g = UI.render(s, size)
        // At 80 columns the line is cut (ending in …); the warning's start always shows.
        #expect(
            UI.shows(
                size.width >= 200
                    ? "[f] ForceStop: ON  ForceStop: like pulling the power; unsaved data may be lost."
                    : "[f] ForceStop: ON  ForceStop: like pulling the power", g))
        let on = try #require(UI.find("ForceStop: ON", in: g))
        let danger = UI.theme[.dialog].patched(with: UI.theme[.danger])
        #expect(g.style(at: on.x + 11, y: on.y) == danger)
        #expect(UI.style(of: "ForceStop: like pulling the power", in: g) == danger)
        // The whole dialog's border turns to the danger role.
        let corner = try #require(UI.find("┌", in: g))
        #expect(g.style(at: corner.x, y: corner.y) == danger)
        if size.width >= 200 { #expect(UI.shows("--ForceStop true", g)) }
        // Off again: back to the dim consequence.
        UI.reduce(&s, .toggleForceStop)
        let off = UI.render(s, size)
        #expect(UI.shows("[f] ForceStop: off", off))
        #expect(UI.style(of: "Normal stop", in: off) == UI.theme[.dialog].patched(with: UI.theme[.dim]))
        #expect(UI.style(of: "┌", in: off) == UI.theme[.dialog].patched(with: UI.theme[.dialogBorder]))
    }

    @Test(arguments: ScreenSize.both)
    func stoppedModeCycleShowsStopChargingAndTheNotEligibleCount(size: ScreenSize) throws {
        var s = Self.opened()
        UI.reduce(&s, .cycleStoppedMode)
        var g = UI.render(s, size)
        #expect(UI.shows("[m] StoppedMode: KeepCharging", g))
        #expect(UI.shows("Standard mode: resources are kept", g))
        #expect(!UI.shows("not eligible", g))

        UI.reduce(&s, .cycleStoppedMode)
        g = UI.render(s, size)
        #expect(UI.shows("[m] StoppedMode: StopCharging  1 not eligible: will keep charging", g))
        #expect(UI.style(of: "1 not eligible", in: g) == UI.theme[.dialog].patched(with: UI.theme[.warning]))
        #expect(
            UI.dialogLine(2, in: g).contains(
                size.width >= 200 ? "will be sent; local disks: keeps charging" : "will be sent; local"))
        #expect(UI.dialogLine(1, in: g).contains("will be sent"))
        if size.width >= 200 {
            #expect(UI.shows("1 target is not eligible and will keep charging.", g))
            #expect(UI.shows("--StoppedMode StopCharging", g))
        }

        UI.reduce(&s, .cycleStoppedMode)
        g = UI.render(s, size)
        #expect(UI.shows("[m] StoppedMode: default", g))
    }

    @Test(arguments: ScreenSize.both)
    func batchOptimizationSuccessFirst(size: ScreenSize) throws {
        var s = Self.opened()
        UI.reduce(&s, .cycleBatchOptimization)
        let g = UI.render(s, size)
        #expect(UI.shows("[b] BatchOptimization: SuccessFirst  SuccessFirst: each instance on its own", g))
        if size.width >= 200 { #expect(UI.shows("--BatchOptimization SuccessFirst", g)) }
    }

    @Test(arguments: ScreenSize.both)
    func hiddenMarksLineWithDropKey(size: ScreenSize) throws {
        var s = UI.state()
        UI.mark(&s, 1, 2, 4)
        UI.filter(&s, "tag:env=prod")
        UI.reduce(&s, .openStopDialog)
        var g = UI.render(s, size)
        #expect(UI.shows("Stop 3 instances", g))
        #expect(UI.shows("1 marked instance(s) are hidden by the filter and included; [d] drop them", g))
        #expect(UI.style(of: "1 marked instance(s)", in: g) == UI.theme[.dialog].patched(with: UI.theme[.warning]))
        #expect(UI.style(of: "[d]", in: g) == UI.theme[.dialog].patched(with: UI.theme[.hintKey]))
        // Visible targets first, in list order, then the hidden one.
        let rows = try [2, 4, 1].map { try #require(UI.row(UI.id($0), in: g)) }
        #expect(rows == rows.sorted())

        UI.reduce(&s, .dropHiddenMarks)
        g = UI.render(s, size)
        #expect(!UI.shows("hidden by the filter", g))
        #expect(UI.shows("Stop 2 instances", g))
        #expect(UI.row(UI.id(1), in: g) == nil)
    }

    @Test(arguments: ScreenSize.both)
    func previewVerdictsFromTheDryRun(size: ScreenSize) throws {
        var list = UI.fleet()
        list[1].localStorageAmount = 2
        var s = UI.state(list)
        UI.mark(&s, 1, 2, 3)
        let effects = UI.reduce(&s, .openStopDialogWithPreview)
        guard case .preview(let plan)? = effects.first else {
            Issue.record("no preview effect: \(effects)")
            return
        }
        #expect(plan.options.dryRun)
        #expect(plan.id == "t-preview-1")
        var g = UI.render(s, size)
        #expect(UI.shows("preview running…", g))
        #expect(UI.style(of: "preview running", in: g) == UI.theme[.dialog].patched(with: UI.theme[.warning]))

        let report = OperationEngine.Report(
            operation: plan.id, results: UI.mixedPreview, notes: ["checked against the API, nothing changed"])
        UI.reduce(&s, .previewFinished(report))
        g = UI.render(s, size)
        #expect(!UI.shows("preview running", g))
        #expect(UI.shows("preview: checked against the API, nothing changed", g))
        #expect(UI.dialogLine(1, in: g).contains("dry run passed"))
        let targetsRow = try #require(UI.row(" targets: ", in: g))
        let firstTarget = try #require(UI.find(UI.id(1) + "    ", in: g, from: targetsRow))
        #expect(
            UI.style(of: "dry run passed", in: g, from: firstTarget.y)
                == UI.theme[.dialog].patched(with: UI.theme[.success]))
        let failed = "dry run failed: OperationDenied.NoStock The requested resource is sold out"
        #expect(UI.dialogLine(2, in: g).contains(size.width >= 200 ? failed : "dry run failed:"))
        #expect(UI.style(of: "dry run failed", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        if size.width < 200 {
            // The failure's message wraps under its row.
            let row = try #require(UI.find(UI.id(2) + "    ", in: g, from: targetsRow)?.y)
            #expect(g.lines[row + 1].contains("OperationDenied.NoStock The requested resource is sold out"))
        }
        #expect(UI.dialogLine(3, in: g).contains("skipped: already"))

        // A stale report (another preview's) changes nothing; changing an option forgets the verdicts.
        UI.reduce(&s, .cycleBatchOptimization)
        g = UI.render(s, size)
        #expect(!UI.shows("dry run", g))
        #expect(UI.dialogLine(2, in: g).contains("will be sent"))
    }

    @Test(arguments: ScreenSize.both)
    func confirmationAsksForYWithFewTargets(size: ScreenSize) throws {
        var s = Self.opened()
        UI.reduce(&s, .pressButton(.confirm))
        var g = UI.render(s, size)
        #expect(UI.shows("Press y to stop 2 instances, n to go back.", g))
        #expect(UI.style(of: "Press y", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        #expect(g.lines[size.height - 1].contains("Esc back"))
        UI.reduce(&s, .typeCharacter("n"))
        g = UI.render(s, size)
        #expect(!UI.shows("Press y", g))
        let effects = UI.reduce(&s, .pressButton(.confirm), .typeCharacter("y"))
        #expect(effects.count == 1)
        #expect(s.dialog == .none)
        #expect(s.resultsView != nil)
    }

    @Test(arguments: ScreenSize.both)
    func confirmationAsksForTheCountWithForceStop(size: ScreenSize) throws {
        var s = Self.opened()
        UI.reduce(&s, .toggleForceStop, .pressButton(.confirm))
        var g = UI.render(s, size)
        #expect(UI.shows("Type 2 and Enter to stop 2 instances with ForceStop: █", g))
        UI.reduce(&s, .typeCharacter("3"))
        g = UI.render(s, size)
        #expect(UI.shows("with ForceStop: 3█", g))
        #expect(UI.style(of: "3█", in: g) == UI.theme[.dialog].patched(with: UI.theme[.input]))
        UI.reduce(&s, .typeEnter)
        g = UI.render(s, size)
        #expect(UI.shows("Typed 3; type 2 to stop 2 instances.", g))
        #expect(UI.style(of: "Typed 3", in: g) == UI.theme[.dialog].patched(with: UI.theme[.warning]))
        #expect(UI.shows("with ForceStop: █", g))
        UI.reduce(&s, .typeCharacter("2"), .typeCharacter("9"), .typeBackspace)
        g = UI.render(s, size)
        #expect(UI.shows("with ForceStop: 2█", g))
        let effects = UI.reduce(&s, .typeEnter)
        guard case .execute(let plan)? = effects.first else {
            Issue.record("not executed: \(effects)")
            return
        }
        #expect(plan.options.forceStop)
        #expect(plan.sendCount == 2)
    }

    @Test(arguments: ScreenSize.both)
    func confirmationAsksForTheCountWithTenOrMore(size: ScreenSize) throws {
        var s = UI.state()
        UI.filter(&s, "status:Running")
        UI.reduce(&s, .markAllVisible, .openStopDialog, .pressButton(.confirm))
        let g = UI.render(s, size)
        #expect(UI.shows("Stop 11 instances", g))
        #expect(UI.shows("Type 11 and Enter to stop 11 instances: █", g))
        #expect(UI.shows("11 will be sent in 2 API call(s)", g))
    }

    @Test(arguments: ScreenSize.both)
    func readOnlyDialogSaysWhyStopIsDisabled(size: ScreenSize) throws {
        var s = Self.opened(readOnly: true)
        var g = UI.render(s, size)
        #expect(UI.shows("Stop disabled: read-only mode (started with --readonly)", g))
        #expect(UI.style(of: "Stop disabled", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        // The go key is refused, and the dialog says why; so does the button pressed another way.
        let refused = try #require(
            Keymap().action(for: .char("s"), state: s, layout: ScreenLayout(width: 80, height: 10 + 4)))
        var t = s
        UI.reduce(&t, refused)
        #expect(t.dialog.power?.step == .choosing && t.operations.isEmpty)
        #expect(t.dialog.power?.message == "read-only mode (started with --readonly)")
        UI.reduce(&s, .focusNextButton, .focusNextButton, .pressFocusedButton)
        g = UI.render(s, size)
        #expect(s.dialog.power?.step == .choosing)
        #expect(s.operations.isEmpty)
        #expect(UI.style(of: "[s] Stop", in: g) == UI.theme[.dialog].patched(with: UI.theme[.buttonFocused]))
    }

    @Test(arguments: ScreenSize.both)
    func startDialogHasNoStopOptions(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .moveTo(instanceId: UI.id(3)), .openStartDialog)
        let g = UI.render(s, size)
        #expect(UI.shows("Start 1 instance", g))
        #expect(UI.shows("[c] Cancel  [p] Preview  [s] Start", g))
        #expect(!UI.shows("ForceStop", g))
        #expect(!UI.shows("StoppedMode", g))
        #expect(UI.shows("[b] BatchOptimization: AllTogether", g))
        #expect(UI.shows("1 will be sent in 1 API call(s)", g))
    }

    @Test(arguments: ScreenSize.both)
    func targetsInTwoRegionsNeedTwoCalls(size: ScreenSize) throws {
        var s = UI.state()
        UI.mark(&s, 1, 11)
        UI.reduce(&s, .openStopDialog)
        let g = UI.render(s, size)
        #expect(UI.shows("2 will be sent in 2 API call(s)", g))
        #expect(
            UI.shows("equivalent (call 1 of 2): aliyun ecs StopInstances", g),
            "the other call is said before the command is cut")
    }
}
