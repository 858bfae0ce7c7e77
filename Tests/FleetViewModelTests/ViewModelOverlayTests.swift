import ECSAPI
import Foundation
import Testing

@testable import FleetCore
@testable import FleetViewModel

/// Help over whatever is open, and the scrolling of help, details and the journal.
@Suite struct ViewModelOverlayTests {
    static let bounds = ScrollBounds(lines: 40, rows: 15)

    @Test func helpOpensOverTheStopDialogAndClosesBackToItUnchanged() {
        var s = ViewModelPowerDialogTests.opened(marked: [1, 2, 3])
        VM.reduce(
            &s, [.toggleForceStop, .cycleStoppedMode, .cycleBatchOptimization, .focusNextButton, .scrollDialog(by: 1)])
        let dialogOpen = s
        let d = VM.dialog(s)!

        #expect(VM.reduce(&s, .openHelp).isEmpty)
        var expected = dialogOpen
        expected.dialog = .help(HelpViewState(returnTo: .stop(d)))
        #expect(s == expected)
        #expect(s.dialog.power == d, "the dialog is still there, beneath help")

        // Asking again changes nothing (help is not stacked on help).
        VM.reduce(&s, .openHelp)
        #expect(s == expected)

        VM.reduce(&s, .scrollOverlay(.lines(3), in: Self.bounds))
        expected.dialog = .help(HelpViewState(returnTo: .stop(d), scroll: 3))
        #expect(s == expected)

        // Dialog keys do nothing while help is over the dialog.
        VM.reduce(&s, [.toggleForceStop, .pressButton(.confirm), .scrollDialog(by: 1)])
        #expect(s == expected)

        VM.reduce(&s, .cancelDialog)
        #expect(s == dialogOpen, "closing help returns to the dialog exactly as it was")
        VM.reduce(&s, [.openHelp, .typeEnter])
        #expect(s == dialogOpen, "Enter closes help too")
    }

    @Test func helpOverTheConfirmationAndTheStartDialogReturnsToThem() {
        var s = ViewModelPowerDialogTests.opened(marked: [1])
        VM.reduce(&s, .pressButton(.confirm))
        let confirming = s
        VM.reduce(&s, [.openHelp, .cancelDialog])
        #expect(s == confirming)

        var start = VM.state(2) { _, i in i.status = .stopped }
        VM.reduce(&start, [.markAllVisible, .openStartDialog])
        let open = start
        VM.reduce(&start, [.openHelp, .scrollOverlay(.bottom, in: Self.bounds), .cancelDialog])
        #expect(start == open)
    }

    @Test func theDialogBeneathHelpKeepsReceivingPreviewsAndRefreshes() {
        var s = VM.state(3)
        VM.reduce(&s, [.markAllVisible, .openStopDialogWithPreview, .openHelp])
        let results = VM.ids(1...3).map {
            InstanceResult(instanceId: $0, regionId: VM.hangzhou, outcome: .dryRunPassed, code: ErrorCode.dryRunSuccess)
        }
        var withoutHelp = s
        withoutHelp.dialog = withoutHelp.dialog.beneathHelp
        VM.reduce(&s, .previewFinished(OperationEngine.Report(operation: "t-preview-1", results: results, notes: [])))
        VM.reduce(
            &withoutHelp,
            .previewFinished(OperationEngine.Report(operation: "t-preview-1", results: results, notes: [])))
        #expect(s.dialog == .help(HelpViewState(returnTo: withoutHelp.dialog)))
        #expect(VM.dialog(s)?.preview == .done(operationId: "t-preview-1", notes: []))

        // A refresh that stops instance 2 reaches the dialog's targets beneath help.
        var changed = (1...3).map { VM.instance($0) }
        changed[1].status = .stopped
        VM.load(&s, changed)
        VM.load(&withoutHelp, changed)
        #expect(s.dialog == .help(HelpViewState(returnTo: withoutHelp.dialog)))
        #expect(VM.dialog(s)?.targets.map(\.status) == [.running, .stopped, .running])
        VM.reduce(&s, .cancelDialog)
        #expect(s == withoutHelp)
    }

    @Test func helpFromTheListOrResultsClosesBackToThem() {
        var s = VM.state(3)
        let list = s
        VM.reduce(&s, .openHelp)
        var expected = list
        expected.dialog = .help(HelpViewState())
        #expect(s == expected)
        VM.reduce(&s, .cancelDialog)
        #expect(s == list)

        VM.reduce(&s, [.openStopDialog, .pressButton(.confirm), .typeCharacter("y")])
        let results = s
        #expect(results.resultsView != nil)
        VM.reduce(&s, [.openHelp, .scrollOverlay(.pages(1), in: Self.bounds), .cancelDialog])
        #expect(s == results)
    }

    @Test func helpOverDetailsAndTheJournalReturnsWithTheirScroll() {
        var s = VM.state(3)
        VM.reduce(&s, [.openDetails, .scrollOverlay(.lines(2), in: Self.bounds)])
        let details = s
        #expect(s.dialog == .details(instanceId: VM.id(1), scroll: 2))
        VM.reduce(&s, [.openHelp, .scrollOverlay(.lines(5), in: Self.bounds)])
        #expect(s.dialog == .help(HelpViewState(returnTo: .details(instanceId: VM.id(1), scroll: 2), scroll: 5)))
        VM.reduce(&s, .cancelDialog)
        #expect(s == details)

        var j = VM.state(3)
        VM.reduce(&j, [.openJournal, .openHelp])
        // The journal arrives while help is over it: it is kept for when help closes.
        VM.reduce(&j, .journalLoaded([]))
        #expect(j.dialog == .help(HelpViewState(returnTo: .journal(JournalViewState(phase: .loaded)))))
        VM.reduce(&j, [.cancelDialog, .openHelp, .journalFailed("cannot read")])
        #expect(j.dialog == .help(HelpViewState(returnTo: .journal(JournalViewState(phase: .failed("cannot read"))))))
        VM.reduce(&j, .cancelDialog)
        #expect(j.dialog == .journal(JournalViewState(phase: .failed("cannot read"))))
    }

    @Test func overlaysScrollWithinTheirBounds() {
        var s = VM.state(3)
        VM.reduce(&s, .openHelp)
        func scroll(_ move: ScrollMove, _ bounds: ScrollBounds = Self.bounds) -> Int {
            VM.reduce(&s, .scrollOverlay(move, in: bounds))
            guard case .help(let h) = s.dialog else { return -1 }
            return h.scroll
        }
        #expect(scroll(.lines(-1)) == 0, "not above the first line")
        #expect(scroll(.lines(1)) == 1)
        #expect(scroll(.pages(1)) == 16)
        #expect(scroll(.pages(1)) == 25, "the last page puts the last line at the bottom: 40 lines, 15 rows")
        #expect(scroll(.lines(1)) == 25)
        #expect(scroll(.lines(-1)) == 24, "up moves at once from the end, with no dead zone")
        #expect(scroll(.top) == 0)
        #expect(scroll(.bottom) == 25)
        #expect(scroll(.pages(-1)) == 10)
        #expect(scroll(.pages(-5)) == 0)
        #expect(scroll(.bottom, ScrollBounds(lines: 10, rows: 15)) == 0, "a text that fits does not scroll")
        #expect(scroll(.lines(Int.max)) == 25, "no overflow on huge moves")
        #expect(scroll(.pages(Int.max)) == 25)
        #expect(scroll(.lines(Int.min)) == 0)
        #expect(scroll(.bottom) == 25)
        #expect(scroll(.pages(Int.min)) == 0)

        // The journal moves its selection instead (ViewModelJournalTests): an overlay scroll leaves it.
        var j = VM.state(3)
        VM.reduce(
            &j, [.openJournal, .journalLoaded([]), .scrollOverlay(.bottom, in: ScrollBounds(lines: 30, rows: 10))])
        #expect(j.dialog == .journal(JournalViewState(phase: .loaded)))

        // Nothing to scroll: the list and the stop dialog ignore overlay scrolls.
        var list = VM.state(3)
        let before = list
        VM.reduce(&list, .scrollOverlay(.lines(3), in: Self.bounds))
        #expect(list == before)
    }

    @Test func theJournalIsNewestFirst() {
        let older = VM.t0.addingTimeInterval(-3600)
        let newer = VM.t0.addingTimeInterval(-60)
        let records = [
            JournalRecord(time: older, operation: "op-old", event: .begin, profile: "p", action: "stop", results: []),
            JournalRecord(time: newer, operation: "op-new", event: .begin, profile: "p", action: "start", results: []),
        ]
        var s = VM.state(3)
        VM.reduce(&s, [.openJournal, .journalLoaded(OperationHistory(records: records).entries)])
        guard case .journal(let j) = s.dialog else {
            Issue.record("no journal")
            return
        }
        #expect(j.entries.map(\.operation) == ["op-new", "op-old"])
    }
}
