import FleetViewModel
import TerminalUI

/// A typed line (the filter, the command line) drawn with its cursor: the character under the cursor in
/// reverse video, or a block after the text when the cursor is at its end. The cursor sits at the display
/// column of the text before it, so a CJK character (two columns) moves it by two. A line wider than its room
/// scrolls to keep the cursor in view, `…` standing for the part cut on the left.
enum TypedLineView {
    /// Draws `line` from (x, y) in at most `width` columns; returns the columns used and the cursor's column.
    @discardableResult
    static func render(
        _ line: TypedLine, into grid: inout Grid, x: Int, y: Int, width: Int, style: Style, ascii: Bool
    ) -> (used: Int, cursorColumn: Int) {
        guard width > 0 else { return (0, x) }
        let under = line.afterCursor.first.map { Sanitizer.clean(String($0)) }
        let underWidth = under.map { max(1, DisplayWidth.of($0)) } ?? 1
        var before = Sanitizer.clean(String(line.beforeCursor))
        var cut = false
        while DisplayWidth.of(before) + underWidth + (cut ? 1 : 0) > width, !before.isEmpty {
            before.removeFirst()
            cut = true
        }
        var column = x
        if cut { column += grid.put("…", x: column, y: y, style: style, maxWidth: 1) }
        column += grid.put(before, x: column, y: y, style: style, maxWidth: x + width - column)
        let cursorColumn = column
        var reversed = style
        reversed.reverse.toggle()
        if let under {
            column += grid.put(under, x: column, y: y, style: reversed, maxWidth: x + width - column)
            let rest = Sanitizer.clean(String(line.afterCursor.dropFirst()))
            column += grid.put(rest, x: column, y: y, style: style, maxWidth: x + width - column)
        } else {
            column += grid.put(ascii ? "_" : "█", x: column, y: y, style: style, maxWidth: x + width - column)
        }
        return (column - x, cursorColumn)
    }
}
