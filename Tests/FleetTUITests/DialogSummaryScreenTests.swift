import ECSAPI
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetCore

/// What the stop dialog sums up: every skip reason (adding up to the skipped count), the scroll line of a long
/// target list, the preview's summary, economical-mode notes, and the confirmation's hint bar; and the results
/// view's note on instances that stop in standard mode.
@Suite struct DialogSummaryScreenTests {
    /// Twelve instances, each skipped for a reason of its own kind but the first two (running, sent):
    /// 3 and 6 stopped, 4 security lock, 5 financial lock, 7 Pending, 8 Starting, 9 Stopping, 10 expired subscription.
    static func mixed() -> FleetState {
        var list = UI.fleet()
        list[3].operationLocks = [.init(lockReason: "security")]
        list[4].operationLocks = [.init(lockReason: "financial")]
        list[6].status = .pending
        list[7].status = .starting
        list[8].status = .stopping
        list[9].instanceChargeType = "PrePaid"
        list[9].expiredTime = "2020-01-01T00:00Z"
        var s = UI.state(list)
        UI.mark(&s, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
        UI.reduce(&s, .openStopDialog)
        return s
    }

    /// The `skip N:` lines' counts, added up (a merged line counts once).
    static func skipTotal(_ g: Grid) -> Int {
        g.lines.compactMap { line -> Int? in
            guard let r = line.range(of: "skip ") else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }.reduce(0, +)
    }

    @Test(arguments: ScreenSize.both)
    func skipReasonsAddUpToTheSkippedCount(size: ScreenSize) throws {
        let s = Self.mixed()
        let g = UI.render(s, size)
        #expect(UI.shows("2 will be sent in 1 API call(s); 8 skipped", g), "\(UI.dump(g))")
        #expect(Self.skipTotal(g) == 8, "every skipped target has its reason on screen\(UI.dump(g))")
        #expect(UI.shows("skip 2: already Stopped", g))
        if size.height >= 30 {
            // Room for six lines: five reasons of one each, then the rest merged.
            #expect(UI.shows("skip 1: locked for security reasons", g))
            #expect(UI.shows("skip 1: financial lock (overdue payment)", g))
        } else {
            // Three lines at 80x24: the two most frequent, then one line for the rest.
            #expect(UI.shows("skip 5: 1 ", g), "\(UI.dump(g))")
        }
    }

    @Test func skipReasonLinesMergeTheLeastFrequent() throws {
        let d = try #require(Self.mixed().dialog.power)
        #expect(d.skipReasonLines(max: 20).count == d.skipReasons.count)
        let three = d.skipReasonLines(max: 3)
        #expect(three.count == 3)
        #expect(three[0] == "skip 2: already Stopped")
        #expect(three[2].hasPrefix("skip 5: 1 "))
        #expect(three[2].components(separatedBy: ", ").count == 5)
    }

    @Test func aLongTargetListSaysWhichRowsAreShown() throws {
        var s = UI.state()
        UI.reduce(&s, .markAllVisible, .openStopDialog)
        let g = UI.render(s, .small)
        let line = try #require(g.lines.first { $0.contains("(j/k scroll)") }, "\(UI.dump(g))")
        #expect(line.contains("of 14"))
        // The shown range matches the target rows drawn.
        let drawn = g.lines.filter { $0.contains("│ i-bp") }.count
        #expect(line.contains("1-\(drawn) of 14"), "\(line), \(drawn) rows\(UI.dump(g))")
        #expect(UI.shows("[c] Cancel  [p] Preview  [s] Stop", g))
    }

    @Test(arguments: ScreenSize.both)
    func previewSummaryCountsTheVerdicts(size: ScreenSize) throws {
        var list = UI.fleet()
        list[1].localStorageAmount = 2
        var s = UI.state(list)
        UI.mark(&s, 1, 2, 3, 4)
        UI.reduce(&s, .openStopDialog, .cycleStoppedMode, .cycleStoppedMode)
        #expect(s.dialog.power?.options.stoppedMode == .stopCharging)
        UI.finishPreview(
            &s, UI.reduce(&s, .pressButton(.preview)),
            [UI.dryRun(1), UI.dryRun(2), UI.dryRun(4, .dryRunFailed, code: "OperationDenied", message: "no")])
        let g = UI.render(s, size)
        #expect(UI.shows("preview: 2 dry run passed, 1 failed, 1 skipped (not sent)", g), "\(UI.dump(g))")
        #expect(UI.style(of: "2 dry run passed, 1 failed", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        // Instance 2 has local disks: it passes, and the dialog still says it stops in standard mode.
        #expect(
            UI.dialogLine(2, in: g).contains(
                size.width >= 200 ? "dry run passed; local disks: keeps charging" : "dry run passed;"))
        #expect(UI.dialogLine(1, in: g).contains("dry run passed") && !UI.dialogLine(1, in: g).contains(";"))
    }

    @Test func aCleanPreviewIsSummedUpInTheSuccessRole() throws {
        var s = UI.state()
        UI.mark(&s, 1)
        UI.finishPreview(&s, UI.reduce(&s, .openStopDialogWithPreview), [UI.dryRun(1, code: "DRYRUN.SUCCESS")])
        let g = UI.render(s, .large)
        #expect(UI.shows("preview: 1 dry run passed, 0 failed", g) && !UI.shows("skipped (not sent)", g))
        #expect(UI.style(of: "1 dry run passed", in: g) == UI.theme[.dialog].patched(with: UI.theme[.success]))
    }

    @Test(arguments: ScreenSize.both)
    func theConfirmationHintBarSaysHowToConfirm(size: ScreenSize) {
        var s = UI.state()
        UI.mark(&s, 1)
        UI.reduce(&s, .openStopDialog, .pressButton(.confirm))
        let hints = UI.hintBar(UI.render(s, size))
        #expect(hints.contains("y confirm") && hints.contains("Esc back") && !hints.contains("Enter"), "\(hints)")
        // The typed count (ForceStop): Enter confirms what was typed; y means nothing there.
        UI.reduce(&s, .cancelDialog, .toggleForceStop, .pressButton(.confirm))
        let typed = UI.hintBar(UI.render(s, size))
        #expect(
            typed.contains("Enter confirm") && typed.contains("Esc back") && !typed.contains("y confirm"), "\(typed)")
    }

    @Test func helpListsCtrlCAndTheConfirmationKeys() {
        var s = UI.state()
        UI.reduce(&s, .openHelp)
        let sections = Keymap().helpSections(for: s, current: .list)
        let rows = sections.flatMap { section in section.entries.map { ($0.keys, $0.description) } }
        #expect(rows.contains { $0.0 == "Ctrl-C" && $0.1.hasPrefix("quit at once") })
        #expect(rows.contains { $0.0 == "y" && $0.1.hasPrefix("confirm") })
        #expect(rows.contains { $0.0 == "Enter" && $0.1.hasPrefix("confirm the number typed") })
    }

    @Test(arguments: ScreenSize.both)
    func resultsSayWhichInstancesStopInStandardMode(size: ScreenSize) throws {
        var list = UI.fleet()
        list[1].localStorageAmount = 2
        var s = UI.state(list)
        UI.mark(&s, 1, 2)
        UI.reduce(
            &s, .openStopDialog, .cycleStoppedMode, .cycleStoppedMode, .pressButton(.confirm), .typeCharacter("y"))
        try UI.updateLatestOperation(
            &s,
            [
                UI.stopped(1),
                UI.stopped(2),
            ])
        let g = UI.render(s, size)
        #expect(
            UI.line(UI.id(2), in: g).contains(size.width >= 200 ? "local disks: keeps charging" : "local disk"),
            "\(UI.dump(g))")
        #expect(!UI.line(UI.id(1), in: g).contains("local disk"))
    }
}
