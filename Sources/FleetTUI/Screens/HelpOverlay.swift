import ECSAPI
import FleetCore
import FleetViewModel
import TerminalUI

/// Help over whatever was open: the keys of that screen first, then every other screen's, scrolled by lines,
/// with where it is on the bottom border, and the search (`/`) highlighted, its count on the border too.
enum HelpOverlay {
    static let title = "Help: keys (Esc closes) - ecsfleet \(ProductVersion.current)"

    static func render(
        _ h: HelpViewState, state: FleetState, keymap: Keymap, into grid: inout Grid, area: Rect, theme: Theme,
        box: BoxStyle
    ) {
        let sections = keymap.helpSections(for: state)
        let plain = HelpView(sections: sections)
        let width = OverlayLayout.helpBoxWidth(plain, areaWidth: area.width)
        let textWidth = OverlayLayout.helpTextWidth(plain, areaWidth: area.width)
        let total = plain.contentHeight(width: textWidth)
        let rows = OverlayLayout.helpRows(bodyHeight: area.height)
        let offset = min(h.scroll, ScrollBounds(lines: total, rows: rows).lastOffset)
        let frame = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: max(2, area.height - 2))
        grid.fill(frame, style: theme[.dialog])
        grid.drawBox(
            frame, box: box, style: theme[.dialog].patched(with: theme[.dialogBorder]), title: title,
            titleStyle: theme[.dialog].patched(with: theme[.dialogTitle]))
        HelpView(sections: sections, offset: offset, highlight: h.search?.text, currentLine: h.search?.current)
            .render(into: &grid, area: frame.insetBy(dx: 2, dy: 1), theme: theme)
        let style = OverlayLayout.indicatorStyle(theme)
        ScrollIndicator(offset: offset, rows: rows, total: total, ascii: box.isASCII)
            .render(into: &grid, frame: frame, style: style)
        if let search = h.search, !search.text.isEmpty, frame.height >= 2 {
            let at = search.current.flatMap { search.matches.firstIndex(of: $0) }
            let count =
                search.matches.isEmpty
                ? "no match"
                : "\(at.map { "\($0 + 1) of " } ?? "")\(search.matches.count) match"
                    + (search.matches.count == 1 ? "" : "es")
            let label = " /" + DisplayWidth.fit(Sanitizer.clean(search.text), columns: 20) + ": " + count + " "
            grid.put(
                label, x: frame.x + 2, y: frame.maxY - 1,
                style: search.matches.isEmpty ? style.patched(with: theme[.warning]) : style,
                maxWidth: max(0, frame.width / 2 - 2))
        }
    }
}
