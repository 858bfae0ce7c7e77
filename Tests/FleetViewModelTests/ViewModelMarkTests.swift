import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

@Suite struct ViewModelMarkTests {
    @Test func toggleAndMoveDown() {
        var s = VM.state(3)
        var expected = s
        VM.reduce(&s, .toggleMarkAndMoveDown)
        expected.setMarks([VM.id(1)])
        expected.cursor = VM.id(2)
        #expect(s == expected)

        VM.reduce(&s, [.moveUp, .toggleMark])
        expected.setMarks([])
        expected.cursor = VM.id(1)
        #expect(s == expected)

        VM.reduce(&s, [.moveToBottom, .toggleMarkAndMoveDown])
        expected.setMarks([VM.id(3)])
        expected.cursor = VM.id(3)
        #expect(s == expected)
    }

    @Test func markAllAndInvertTouchOnlyVisibleInstances() {
        var s = VM.state(6)
        VM.reduce(&s, [.moveToBottom, .toggleMark]) // i-a06 marked
        VM.reduce(&s, [.editFilter("web-0"), .applyFilter, .editFilter("!web-06"), .applyFilter])
        #expect(Array(s.visible) == VM.ids(1...5))
        #expect(s.hiddenMarkCount == 1)

        var expected = s
        VM.reduce(&s, .markAllVisible)
        expected.setMarks(Set(VM.ids(1...6)))
        #expect(s == expected)

        VM.reduce(&s, [.moveToTop, .toggleMark, .invertVisibleMarks])
        expected.cursor = VM.id(1)
        expected.setMarks([VM.id(1), VM.id(6)])
        #expect(s == expected)
        #expect(s.hiddenMarkCount == 1)

        VM.reduce(&s, .clearMarks)
        expected.setMarks([])
        #expect(s == expected)
    }

    @Test func marksFollowTheirInstancesWhenTheTableRenumbersItsRows() {
        // 2,000 rows, then a load that removes 1,200 of them: the table compacts and renumbers every row.
        var s = VM.state(2000)
        VM.reduce(&s, [.moveTo(instanceId: VM.id(10)), .toggleMark, .moveTo(instanceId: VM.id(1500)), .toggleMark])
        VM.reduce(&s, [.moveTo(instanceId: VM.id(1999)), .toggleMark])
        VM.load(&s, (1201...2000).map { VM.instance($0) })
        #expect(s.instanceCount == 800)
        #expect(s.markedIds == Set(VM.ids([10, 1500, 1999])), "a gone instance keeps its mark")
        #expect(s.isMarked(VM.id(1500)) && !s.isMarked(VM.id(1501)) && !s.isMarked(VM.id(1200)))
        #expect(s.hiddenMarkCount == 1)

        // The instance comes back: its mark is a row's again, and on screen.
        VM.load(&s, ([10] + Array(1201...2000)).map { VM.instance($0) })
        #expect(s.markCount == 3 && s.hiddenMarkCount == 0)
        VM.reduce(&s, .openStopDialog)
        #expect(s.dialog.power?.targetIds == VM.ids([10, 1500, 1999]))
    }

    @Test func aMarkOnAnInstanceNotLoadedYetHoldsWhenItLoads() {
        var s = VM.state(3)
        s.setMarks([VM.id(2), VM.id(7)])
        #expect(s.markCount == 2 && s.hiddenMarkCount == 1)
        VM.load(&s, (1...8).map { VM.instance($0) })
        #expect(s.markedIds == Set(VM.ids([2, 7])) && s.hiddenMarkCount == 0)
        VM.reduce(&s, [.moveTo(instanceId: VM.id(7)), .toggleMark])
        #expect(s.markedIds == [VM.id(2)])
    }

    @Test func rangeMarkingMarksWhatTheCursorPasses() {
        var s = VM.state(8)
        var expected = s
        VM.reduce(&s, .moveDown)
        VM.reduce(&s, .setRangeMarking(true))
        expected.cursor = VM.id(2)
        expected.rangeMarking = true
        expected.setMarks([VM.id(2)])
        #expect(s == expected)

        VM.reduce(&s, [.moveDown, .moveDown])
        expected.cursor = VM.id(4)
        expected.setMarks(Set(VM.ids(2...4)))
        #expect(s == expected)

        VM.reduce(&s, .pageDown(pageSize: 3))
        expected.cursor = VM.id(7)
        expected.setMarks(Set(VM.ids(2...7)))
        #expect(s == expected)

        VM.reduce(&s, [.setRangeMarking(false), .moveToTop])
        expected.rangeMarking = false
        expected.cursor = VM.id(1)
        #expect(s == expected)
    }

    @Test func rangeMarkingUpwardsAndToTheTop() {
        var s = VM.state(5)
        VM.reduce(&s, [.moveToBottom, .setRangeMarking(true), .moveUp, .moveToTop])
        #expect(s.markedIds == Set(VM.ids(1...5)))
        #expect(s.cursor == VM.id(1))
    }
}
