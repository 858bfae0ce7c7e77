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

    /// How far the open overlay scrolls in a body `bodyHeight` rows tall; nil when no overlay is open.
    static func bounds(_ state: FleetState, keymap: Keymap, bodyHeight: Int) -> ScrollBounds? {
        switch state.dialog {
        case .help:
            return ScrollBounds(
                lines: HelpView(sections: keymap.helpSections(for: state)).contentHeight,
                rows: helpRows(bodyHeight: bodyHeight))
        case .details(let id, _):
            return ScrollBounds(
                lines: DetailsView.lines(state, id: id, ascii: false, now: .distantPast).count,
                rows: dialogRows(bodyHeight: bodyHeight))
        case .journal(let j):
            return ScrollBounds(
                lines: JournalView.lines(j, ascii: false).count, rows: dialogRows(bodyHeight: bodyHeight))
        default:
            return nil
        }
    }

    /// The indicator's style: the dialog's title colours, so it reads as part of the frame.
    static func indicatorStyle(_ theme: Theme) -> Style { theme[.dialog].patched(with: theme[.dialogTitle]) }
}
