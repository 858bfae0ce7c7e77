import ECSAPI
import FleetCore
import FleetViewModel
import TerminalUI

/// Help over whatever was open: the keys of that screen first, then every other screen's, scrolled by lines,
/// with where it is on the bottom border.
enum HelpOverlay {
    static let title = "Help: keys (Esc closes) - ecsfleet \(ProductVersion.current)"

    static func render(
        _ h: HelpViewState, state: FleetState, keymap: Keymap, into grid: inout Grid, area: Rect, theme: Theme,
        box: BoxStyle
    ) {
        let help = HelpView(sections: keymap.helpSections(for: state))
        let rows = OverlayLayout.helpRows(bodyHeight: area.height)
        let offset = min(h.scroll, ScrollBounds(lines: help.contentHeight, rows: rows).lastOffset)
        let width = min(area.width - 4, max(help.width + 4, DisplayWidth.of(title) + 8))
        let frame = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: max(2, area.height - 2))
        grid.fill(frame, style: theme[.dialog])
        grid.drawBox(
            frame, box: box, style: theme[.dialog].patched(with: theme[.dialogBorder]), title: title,
            titleStyle: theme[.dialog].patched(with: theme[.dialogTitle]))
        HelpView(sections: help.sections, offset: offset).render(
            into: &grid, area: frame.insetBy(dx: 2, dy: 1), theme: theme)
        ScrollIndicator(offset: offset, rows: rows, total: help.contentHeight, ascii: box.isASCII)
            .render(into: &grid, frame: frame, style: OverlayLayout.indicatorStyle(theme))
    }
}
