import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// How the scrolling overlays (help, details, journal) fit the screen's body (the rows between the header and
/// the hint bar). The keys and the view both measure with it, so a scroll stops exactly where the last line
/// reaches the bottom of the box.
enum OverlayLayout {
    /// Help's text rows: the box leaves a row above and below, and has a border.
    static func helpRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 4) }

    /// A dialog overlay's text rows: border, a blank row, the text, a blank row, the buttons, border.
    static func dialogRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 5) }

    /// A dialog overlay's outer width: wide enough for its widest line (at least `base`), and the same
    /// whichever part of the text shows, so the box does not change size as it scrolls.
    static func dialogWidth(widest: Int, base: Int, areaWidth: Int) -> Int {
        let wanted = max(base, widest + 4)
        return wanted + 4 > areaWidth ? areaWidth : wanted
    }

    /// How far the open overlay scrolls in the screen's `body`; nil when no overlay is open.
    static func bounds(_ state: FleetState, keymap: Keymap, body: Rect) -> ScrollBounds? {
        switch state.dialog {
        case .help:
            let help = HelpView(sections: keymap.helpSections(for: state))
            return ScrollBounds(
                lines: help.contentHeight(width: helpTextWidth(help, areaWidth: body.width)),
                rows: helpRows(bodyHeight: body.height))
        case .details(let id, _):
            return ScrollBounds(
                lines: DetailsView.lines(state, id: id, ascii: false, now: .distantPast).count,
                rows: dialogRows(bodyHeight: body.height))
        case .journal(let j):
            return ScrollBounds(
                lines: JournalView.lines(j, ascii: false).count, rows: dialogRows(bodyHeight: body.height))
        default:
            return nil
        }
    }

    /// Help's box inside an area `areaWidth` wide: wide enough for its widest line and its title.
    static func helpBoxWidth(_ help: HelpView, areaWidth: Int) -> Int {
        min(areaWidth - 4, max(help.width + 4, DisplayWidth.of(HelpOverlay.title) + 8))
    }

    /// The columns help's text is laid out in (its box less border and margins), which its wrapping follows.
    static func helpTextWidth(_ help: HelpView, areaWidth: Int) -> Int {
        max(1, helpBoxWidth(help, areaWidth: areaWidth) - 4)
    }

    /// While help is open: where each entry holding a text starts, as help is laid out in `body`.
    static func helpMatches(_ state: FleetState, keymap: Keymap, body: Rect) -> (@Sendable (String) -> [Int])? {
        guard case .help = state.dialog else { return nil }
        let help = HelpView(sections: keymap.helpSections(for: state))
        let width = helpTextWidth(help, areaWidth: body.width)
        return { text in help.matches(text, width: width) }
    }

    /// The indicator's style: the dialog's title colours, so it reads as part of the frame.
    static func indicatorStyle(_ theme: Theme) -> Style { theme[.dialog].patched(with: theme[.dialogTitle]) }
}
