import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

/// `/` in help: typing jumps to the first match from where the search began, Enter keeps it, `n`/`N` step
/// through the matches with wrapping, Esc leaves it; closing help returns to what was open.
@Suite struct ViewModelHelpSearchTests {
    static let bounds = ScrollBounds(lines: 60, rows: 15)

    static func help(scroll: Int = 0) -> FleetState {
        var s = VM.state(3)
        VM.reduce(&s, [.openHelp, .scrollOverlay(.lines(scroll), in: bounds)])
        return s
    }

    static func search(_ s: FleetState) -> HelpSearch? {
        if case .help(let h) = s.dialog { return h.search }
        return nil
    }

    static func scroll(_ s: FleetState) -> Int? {
        if case .help(let h) = s.dialog { return h.scroll }
        return nil
    }

    @Test func typingJumpsToTheFirstMatchFromWhereTheSearchBegan() {
        var s = Self.help(scroll: 10)
        VM.reduce(&s, .openHelpSearch)
        #expect(Self.search(s)?.isEditing == true)
        VM.reduce(&s, .editHelpSearch("s", matches: [3, 12, 30, 58], in: Self.bounds))
        #expect(Self.search(s)?.current == 12)
        #expect(Self.scroll(s) == 12)
        VM.reduce(&s, .editHelpSearch("so", matches: [3, 58], in: Self.bounds))
        #expect(Self.search(s)?.current == 58)
        #expect(Self.scroll(s) == 45, "the last screenful: the match shows at its place in it")
        VM.reduce(&s, .editHelpSearch("sox", matches: [], in: Self.bounds))
        #expect(Self.search(s)?.current == nil)
        #expect(Self.scroll(s) == 10, "back where the search began")
    }

    @Test func enterKeepsTheSearchAndNStepsWithWrapping() {
        var s = Self.help()
        VM.reduce(
            &s, [.openHelpSearch, .editHelpSearch("sort", matches: [5, 20, 40], in: Self.bounds), .keepHelpSearch])
        #expect(Self.search(s)?.isEditing == false)
        #expect(Self.search(s)?.text == "sort")
        VM.reduce(&s, .stepHelpSearch(forward: true, matches: [5, 20, 40], in: Self.bounds))
        #expect(Self.search(s)?.current == 20)
        #expect(Self.scroll(s) == 20)
        VM.reduce(&s, .stepHelpSearch(forward: true, matches: [5, 20, 40], in: Self.bounds))
        VM.reduce(&s, .stepHelpSearch(forward: true, matches: [5, 20, 40], in: Self.bounds))
        #expect(Self.search(s)?.current == 5, "past the last match: the first")
        VM.reduce(&s, .stepHelpSearch(forward: false, matches: [5, 20, 40], in: Self.bounds))
        #expect(Self.search(s)?.current == 40, "before the first: the last")
        #expect(Self.scroll(s) == 40)
    }

    @Test func escLeavesTheSearchAndAnEmptyOneIsNotKept() {
        var s = Self.help()
        VM.reduce(&s, [.openHelpSearch, .editHelpSearch("mark", matches: [7], in: Self.bounds), .leaveHelpSearch])
        #expect(Self.search(s) == nil)
        #expect(Self.scroll(s) == 7, "the view stays where the search took it")
        VM.reduce(&s, [.openHelpSearch, .keepHelpSearch])
        #expect(Self.search(s) == nil)
        VM.reduce(&s, .cancelDialog)
        #expect(s.dialog == .none)
    }
}
