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
        expected.marks = [VM.id(1)]
        expected.cursor = VM.id(2)
        #expect(s == expected)

        VM.reduce(&s, [.moveUp, .toggleMark])
        expected.marks = []
        expected.cursor = VM.id(1)
        #expect(s == expected)

        VM.reduce(&s, [.moveToBottom, .toggleMarkAndMoveDown])
        expected.marks = [VM.id(3)]
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
        expected.marks = Set(VM.ids(1...6))
        #expect(s == expected)

        VM.reduce(&s, [.moveToTop, .toggleMark, .invertVisibleMarks])
        expected.cursor = VM.id(1)
        expected.marks = [VM.id(1), VM.id(6)]
        #expect(s == expected)
        #expect(s.hiddenMarkCount == 1)

        VM.reduce(&s, .clearMarks)
        expected.marks = []
        #expect(s == expected)
    }

    @Test func rangeMarkingMarksWhatTheCursorPasses() {
        var s = VM.state(8)
        var expected = s
        VM.reduce(&s, .moveDown)
        VM.reduce(&s, .setRangeMarking(true))
        expected.cursor = VM.id(2)
        expected.rangeMarking = true
        expected.marks = [VM.id(2)]
        #expect(s == expected)

        VM.reduce(&s, [.moveDown, .moveDown])
        expected.cursor = VM.id(4)
        expected.marks = Set(VM.ids(2...4))
        #expect(s == expected)

        VM.reduce(&s, .pageDown(pageSize: 3))
        expected.cursor = VM.id(7)
        expected.marks = Set(VM.ids(2...7))
        #expect(s == expected)

        VM.reduce(&s, [.setRangeMarking(false), .moveToTop])
        expected.rangeMarking = false
        expected.cursor = VM.id(1)
        #expect(s == expected)
    }

    @Test func rangeMarkingUpwardsAndToTheTop() {
        var s = VM.state(5)
        VM.reduce(&s, [.moveToBottom, .setRangeMarking(true), .moveUp, .moveToTop])
        #expect(s.marks == Set(VM.ids(1...5)))
        #expect(s.cursor == VM.id(1))
    }
}
