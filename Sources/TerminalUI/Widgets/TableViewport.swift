/// Pure scrolling arithmetic for a list or table: which row is at the top, given the cursor.
public enum TableViewport {
    /// The first row to show so that `cursor` is visible, moving as little as possible from `previousOffset`,
    /// and never leaving blank rows at the bottom while rows above are hidden (so growing the window pulls
    /// earlier rows back into view).
    /// - Parameters:
    ///   - cursor: The cursor's row (clamped to the rows).
    ///   - previousOffset: The offset used for the last frame.
    ///   - visibleRows: How many rows fit.
    ///   - rowCount: How many rows there are.
    public static func offset(cursor: Int, previousOffset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        let cursor = clamp(cursor, rowCount: rowCount)
        var offset = max(0, min(previousOffset, rowCount - visibleRows))
        if cursor < offset { offset = cursor }
        if cursor >= offset + visibleRows { offset = cursor - visibleRows + 1 }
        return offset
    }

    /// `cursor` within `0..<rowCount` (0 when there are no rows).
    public static func clamp(_ cursor: Int, rowCount: Int) -> Int {
        rowCount == 0 ? 0 : min(max(0, cursor), rowCount - 1)
    }

    /// Page Down: the cursor and the view both move one page, so the cursor keeps its place on screen; at the
    /// end the cursor goes to the last row.
    public static func pageDown(
        cursor: Int, offset: Int, visibleRows: Int,
        rowCount: Int
    ) -> (cursor: Int, offset: Int) {
        let page = max(1, visibleRows)
        let newCursor = clamp(cursor + page, rowCount: rowCount)
        let newOffset = min(offset + page, max(0, rowCount - page))
        return (
            newCursor,
            self.offset(
                cursor: newCursor, previousOffset: newOffset, visibleRows: visibleRows,
                rowCount: rowCount)
        )
    }

    /// Page Up: the mirror of `pageDown`; at the top the cursor goes to the first row.
    public static func pageUp(
        cursor: Int, offset: Int, visibleRows: Int,
        rowCount: Int
    ) -> (cursor: Int, offset: Int) {
        let page = max(1, visibleRows)
        let newCursor = clamp(cursor - page, rowCount: rowCount)
        let newOffset = max(0, offset - page)
        return (
            newCursor,
            self.offset(
                cursor: newCursor, previousOffset: newOffset, visibleRows: visibleRows,
                rowCount: rowCount)
        )
    }

    /// The row shown at screen row `y` (for mouse clicks), or nil when `y` is on no row.
    /// - Parameters:
    ///   - y: The screen row.
    ///   - bodyTop: The screen row of the first visible row (below any header).
    ///   - visibleRows: How many rows fit.
    ///   - offset: The first row shown.
    ///   - rowCount: How many rows there are.
    public static func row(atScreenY y: Int, bodyTop: Int, visibleRows: Int, offset: Int, rowCount: Int) -> Int? {
        let i = y - bodyTop
        guard i >= 0, i < visibleRows, offset + i < rowCount else { return nil }
        return offset + i
    }
}
