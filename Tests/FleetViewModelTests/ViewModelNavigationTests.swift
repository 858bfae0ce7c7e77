import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

@Suite struct ViewModelNavigationTests {
    @Test func startsOnTheFirstVisibleInstance() {
        let s = VM.state(5)
        #expect(Array(s.visible) == VM.ids(1...5))
        #expect(s.cursor == VM.id(1))
        #expect(s.cursorPosition == 0)
    }

    @Test func upAndDownStopAtTheEnds() {
        var s = VM.state(3)
        let start = s
        #expect(VM.reduce(&s, .moveUp).isEmpty)
        #expect(s == start)

        var expected = start
        expected.cursor = VM.id(2)
        #expect(VM.reduce(&s, .moveDown).isEmpty)
        #expect(s == expected)

        VM.reduce(&s, [.moveDown, .moveDown, .moveDown])
        expected.cursor = VM.id(3)
        #expect(s == expected)

        VM.reduce(&s, .moveUp)
        expected.cursor = VM.id(2)
        #expect(s == expected)
    }

    @Test func pagingMovesByThePageAndClamps() {
        var s = VM.state(10)
        var expected = s
        VM.reduce(&s, .pageDown(pageSize: 4))
        expected.cursor = VM.id(5)
        #expect(s == expected)
        VM.reduce(&s, .pageDown(pageSize: 4))
        expected.cursor = VM.id(9)
        #expect(s == expected)
        VM.reduce(&s, .pageDown(pageSize: 4))
        expected.cursor = VM.id(10)
        #expect(s == expected)
        VM.reduce(&s, .pageUp(pageSize: 3))
        expected.cursor = VM.id(7)
        #expect(s == expected)
        VM.reduce(&s, .pageUp(pageSize: 30))
        expected.cursor = VM.id(1)
        #expect(s == expected)
        VM.reduce(&s, .moveToBottom)
        expected.cursor = VM.id(10)
        #expect(s == expected)
        VM.reduce(&s, .moveToTop)
        expected.cursor = VM.id(1)
        #expect(s == expected)
    }

    @Test func movingToAnIdGoesThereOrSaysWhyNot() {
        var s = VM.state(10)
        var expected = s
        #expect(VM.reduce(&s, .moveTo(instanceId: VM.id(7))).isEmpty)
        expected.cursor = VM.id(7)
        #expect(s == expected)

        VM.reduce(&s, [.editFilter("web-0"), .applyFilter]) // hides web-10
        let filtered = s
        VM.reduce(&s, .moveTo(instanceId: VM.id(10)))
        var hidden = filtered
        hidden.banners = [
            Banner(
                level: .warning, text: "i-a10 is hidden by the filter or the regions shown.",
                expires: VM.t0.addingTimeInterval(8))
        ]
        #expect(s == hidden)

        VM.reduce(&s, .moveTo(instanceId: "i-nothere"))
        hidden.banners = [
            Banner(level: .warning, text: "i-nothere is not loaded.", expires: VM.t0.addingTimeInterval(8))
        ]
        #expect(s == hidden)
    }

    @Test func anEmptyListHasNoCursorAndMovesDoNothing() {
        var s = VM.state(3)
        VM.reduce(&s, .editFilter("nothing-matches-this"))
        #expect(s.visible.isEmpty)
        #expect(s.cursor == nil)
        let before = s
        VM.reduce(&s, [.moveDown, .moveUp, .pageDown(pageSize: 5), .moveToBottom, .toggleMark, .markAllVisible])
        #expect(s == before)
        VM.reduce(&s, .cancelFilter)
        #expect(s.cursor == VM.id(1))
    }

    @Test func detailsHelpAndJournalOpenAndClose() {
        var s = VM.state(3)
        VM.reduce(&s, [.moveDown, .openDetails])
        #expect(s.dialog == .details(instanceId: VM.id(2)))
        VM.reduce(&s, .cancelDialog)
        #expect(s.dialog == FleetDialog.none)
        VM.reduce(&s, .openHelp)
        #expect(s.dialog == .help(HelpViewState()))
        VM.reduce(&s, .cancelDialog)
        #expect(VM.reduce(&s, .openJournal) == [.loadJournal])
        #expect(s.dialog == .journal(JournalViewState()))
        VM.reduce(&s, .journalFailed("cannot read"))
        #expect(s.dialog == .journal(JournalViewState(phase: .failed("cannot read"))))
    }
}
