/// A one-row status line: a message on the left, facts on the right (region, counts, last refresh).
/// The right part wins when space is short; the left is cut with `…`.
public struct StatusLine: Hashable, Sendable {
    /// Left-aligned text (messages, errors in the `danger` role).
    public var left: TextLine
    /// Right-aligned text.
    public var right: TextLine
    /// The role for the whole row.
    public var role: ThemeRole

    /// Creates a status line.
    public init(left: TextLine = .empty, right: TextLine = .empty, role: ThemeRole = .statusLine) {
        self.left = left
        self.right = right
        self.role = role
    }

    /// Draws the line on the first row of `area`, with a one-column margin at each end.
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[role]
        let row = area.row(0)
        grid.fill(row, style: base)
        let inner = row.insetBy(dx: 1, dy: 0)
        guard inner.width > 0 else { return }
        let rightWidth = right.width <= inner.width ? right.width : 0
        if rightWidth > 0 {
            grid.put(right, x: inner.maxX - rightWidth, y: row.y, base: base, theme: theme, maxWidth: rightWidth)
        }
        let leftRoom = inner.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        if leftRoom > 0 { grid.put(left, x: inner.x, y: row.y, base: base, theme: theme, maxWidth: leftRoom) }
    }
}
