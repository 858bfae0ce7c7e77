import FleetCore
import FleetViewModel
import TerminalUI

extension Keymap {
    /// Searching the help as a pager does: `/` opens a search line, typing jumps to the first entry holding the
    /// text (highlighted), Enter keeps it for `n` and `N`, Esc leaves it.
    static let helpSearch: [KeyBinding] = [
        KeyBinding(named: "help-search", [.character("/")], "search the help", hint: "search", in: [.help]) { _, _ in
            .openHelpSearch
        },
        KeyBinding(
            named: "help-search-next", [.character("n")], "next match of the search", hint: "match",
            hintPartner: "help-search-previous", in: [.help]
        ) { s, input in
            Keymap.step(s, input, forward: true)
        },
        KeyBinding(named: "help-search-previous", [.character("N")], "previous match", in: [.help]) { s, input in
            Keymap.step(s, input, forward: false)
        },
        KeyBinding(named: "help-search-keep", [.enter], "keep the search (n/N step through it)", in: [.helpSearch]) {
            _, _ in .keepHelpSearch
        },
        KeyBinding(named: "help-search-leave", [.escape], "leave the search", in: [.helpSearch]) { _, _ in
            .leaveHelpSearch
        },
        KeyBinding(
            named: "help-search-erase", [.backspace], "erase the last character (on an empty line: leave it)",
            in: [.helpSearch]
        ) { s, input in
            guard let text = Keymap.searchText(s) else { return nil }
            return text.isEmpty ? .leaveHelpSearch : Keymap.edit(String(text.dropLast()), input)
        },
        KeyBinding(named: "help-search-erase-word", [.ctrl("w")], "erase the last word", in: [.helpSearch]) {
            s, input in
            Keymap.searchText(s).flatMap { Keymap.edit(TypedLine($0).applying(.eraseWordBackward).text, input) }
        },
        KeyBinding(named: "help-search-erase-all", [.ctrl("u")], "erase the whole search", in: [.helpSearch]) {
            _, input in Keymap.edit("", input)
        },
        KeyBinding(named: "help-search-type", [], typesText: true, "type the text to find", in: [.helpSearch]) {
            s, input in
            guard let text = Keymap.searchText(s), let c = input.typed else { return nil }
            return Keymap.edit(text + String(c), input)
        },
    ]

    /// The search's text while help is open with a search.
    private static func searchText(_ s: FleetState) -> String? {
        if case .help(let h) = s.dialog { return h.search?.text }
        return nil
    }

    private static func edit(_ text: String, _ input: KeyInput) -> FleetAction? {
        guard let bounds = input.overlay, let matches = input.helpMatches else { return nil }
        return .editHelpSearch(text, matches: matches(text), in: bounds)
    }

    /// `n`/`N`: only once a search is kept.
    private static func step(_ s: FleetState, _ input: KeyInput, forward: Bool) -> FleetAction? {
        guard let text = searchText(s), !text.isEmpty, let bounds = input.overlay, let matches = input.helpMatches
        else { return nil }
        return .stepHelpSearch(forward: forward, matches: matches(text), in: bounds)
    }
}
