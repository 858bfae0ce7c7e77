import FleetCore

extension FleetReducer {
    /// `/` in help: type a text, the view jumps to the first entry holding it; Enter keeps it for `n`/`N`, Esc
    /// leaves it.
    static func helpSearch(_ s: inout FleetState, _ action: FleetAction) {
        guard case .help(var h) = s.dialog else { return }
        switch action {
        case .openHelpSearch:
            h.search = HelpSearch(origin: h.scroll)
        case .editHelpSearch(let text, let matches, let bounds):
            guard var search = h.search else { return }
            search.text = text
            search.matches = matches
            // From where the search began, wrapping to the top; back there when nothing matches.
            search.current = matches.first { $0 >= search.origin } ?? matches.first
            h.scroll = bounds.offset(search.current ?? search.origin, moved: .lines(0))
            h.search = search
        case .keepHelpSearch:
            guard var search = h.search else { return }
            search.isEditing = false
            h.search = search.text.isEmpty ? nil : search
        case .leaveHelpSearch:
            h.search = nil
        case .stepHelpSearch(let forward, let matches, let bounds):
            guard var search = h.search, !matches.isEmpty else { return }
            search.matches = matches
            let at = search.current ?? h.scroll
            let next =
                forward
                ? (matches.first { $0 > at } ?? matches[0])
                : (matches.last { $0 < at } ?? matches[matches.count - 1])
            search.current = next
            h.scroll = bounds.offset(next, moved: .lines(0))
            h.search = search
        default:
            return
        }
        s.dialog = .help(h)
    }
}
