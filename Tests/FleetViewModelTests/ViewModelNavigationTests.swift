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

    /// Count prefixes as in vim and less: `12j` moves twelve rows, `3k` three back, `5G` to row 5, `2` PgDn two
    /// pages; a page arriving between digits keeps the count, another key drops it, and a lone 0 is no count.
    @Test func countPrefixesMultiplyMovesAndPickRows() {
        var s = VM.state(40)
        VM.reduce(&s, [.addCountDigit(1), .addCountDigit(2), .moveDown])
        #expect(s.cursor == VM.id(13) && s.pendingCount == nil)
        VM.reduce(&s, [.addCountDigit(3), .tick(VM.t0), .moveUp])
        #expect(s.cursor == VM.id(10), "a tick between the digit and the move keeps the count")
        VM.reduce(&s, [.addCountDigit(5), .moveToBottom])
        #expect(s.cursor == VM.id(5))
        VM.reduce(&s, [.addCountDigit(2), .pageDown(pageSize: 10)])
        #expect(s.cursor == VM.id(25))
        VM.reduce(&s, [.addCountDigit(4), .toggleMark, .moveDown])
        #expect(s.cursor == VM.id(26) && s.markedIds == [VM.id(25)], "another key drops the count")
        VM.reduce(&s, [.addCountDigit(0), .moveDown])
        #expect(s.cursor == VM.id(27), "0 alone is no count")
        VM.reduce(&s, [.addCountDigit(9), .addCountDigit(9), .moveToTop])
        #expect(s.cursor == VM.id(40), "a count past the end goes to the last row")
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
