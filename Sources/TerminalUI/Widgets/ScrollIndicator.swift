/// Where a scrolled text is, for the bottom border of its box: `1-17 of 44 ↓ more`, `18-34 of 44 ↑↓ more`,
/// `28-44 of 44 ↑ more` (ASCII: `v`, `^v`, `^`). Nothing when the whole text shows.
public struct ScrollIndicator: Hashable, Sendable {
    /// The first line shown (0-based).
    public var offset: Int
    /// Lines shown at once.
    public var rows: Int
    /// Lines in the text.
    public var total: Int
    /// Arrows as `^` and `v`.
    public var ascii: Bool

    /// An indicator for `total` lines shown `rows` at a time from line `offset`.
    public init(offset: Int, rows: Int, total: Int, ascii: Bool = false) {
        self.offset = max(0, offset)
        self.rows = max(1, rows)
        self.total = max(0, total)
        self.ascii = ascii
    }

    /// Whether some of the text is hidden (above or below).
    public var isNeeded: Bool { total > rows }
    /// Lines above the first shown.
    public var hasMoreAbove: Bool { isNeeded && offset > 0 }
    /// Lines below the last shown.
    public var hasMoreBelow: Bool { isNeeded && offset + rows < total }

    /// The text, or nil when everything shows.
    public var text: String? {
        guard isNeeded else { return nil }
        let last = min(total, offset + rows)
        let arrows = (hasMoreAbove ? (ascii ? "^" : "↑") : "") + (hasMoreBelow ? (ascii ? "v" : "↓") : "")
        return "\(min(offset + 1, last))-\(last) of \(total)" + (arrows.isEmpty ? "" : " \(arrows) more")
    }

    /// Draws the text on the bottom border of `frame`, ending two columns before its right corner.
    public func render(into grid: inout Grid, frame: Rect, style: Style) {
        guard let text, frame.height >= 2 else { return }
        let label = " \(text) "
        let width = DisplayWidth.of(label)
        let x = frame.maxX - 2 - width
        guard x > frame.x else { return }
        grid.put(label, x: x, y: frame.maxY - 1, style: style, maxWidth: width)
    }
}
