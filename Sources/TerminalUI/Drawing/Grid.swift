/// A screen's worth of cells: what a frame renders into and what tests assert on.
///
/// Writing is clipped to the grid. Text is sanitised (`Sanitizer.clean`) and measured in display columns
/// (`DisplayWidth`); a wide character never straddles the right edge or a clip limit (a space is written
/// instead), and overwriting half of an existing wide character blanks its other half.
public struct Grid: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// All cells, row by row (`cells[y * width + x]`).
    public private(set) var cells: [Cell]

    /// A grid of blank cells in `style`.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position (a blank cell outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank() }
        return cells[y * width + x]
    }

    /// The style at a position.
    public func style(at x: Int, y: Int) -> Style { self[x, y].style }

    /// The cells of row `y`.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0 && y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    /// Each row as text (continuation cells skipped), trailing spaces kept: what a person would see.
    public var lines: [String] {
        (0..<height).map { y in row(y).reduce(into: "") { $0 += $1.text } }
    }

    /// True when (x, y) is inside the grid.
    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from column `x` on row `y`, using at most `maxWidth` columns (and never past the right
    /// edge). Control characters are neutralised first. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0 && y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        guard x < limit else { return 0 }
        var column = x
        var lastIndex: Int? = nil
        var marks = 0
        for scalar in Sanitizer.clean(text).unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w == 0 {
                // A combining mark joins the character just written (ncurses allows four per cell).
                if let i = lastIndex, marks < 4 {
                    cells[i].text.unicodeScalars.append(scalar)
                    marks += 1
                }
                continue
            }
            if column >= limit { break }
            marks = 0
            if column + w > limit {
                // The character would straddle the limit: pad what is left with spaces.
                while column < limit {
                    if column >= 0 { set(.blank(style), x: column, y: y) }
                    column += 1
                }
                lastIndex = nil
                break
            }
            if column < 0 {
                // Clipped on the left; a wide character half inside shows as a space.
                if column + w > 0 { set(.blank(style), x: 0, y: y) }
                column += w
                lastIndex = nil
                continue
            }
            set(Cell(String(scalar), style: style), x: column, y: y)
            if w == 2 { set(.continuation(style), x: column + 1, y: y) }
            lastIndex = y * width + column
            column += w
        }
        return max(0, column - max(x, 0))
    }

    /// Fills `rect` (clipped to the grid) with blank cells in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { set(.blank(style), x: x, y: y) } }
    }

    /// Lays `overlay` over the style of every cell in `rect`, keeping the text (see `Style.patched(with:)`).
    public mutating func applyStyle(_ overlay: Style, to rect: Rect) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x].style = cells[y * width + x].style.patched(with: overlay) }
        }
    }

    /// Replaces the style of every cell in `rect`, keeping the text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x].style = style } }
    }

    /// Stores one cell, blanking the other half of any wide character it cuts through.
    mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, x > 0, !cells[i - 1].isContinuation {
            // Overwriting the right half of a wide character: its left half is now alone.
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        if !old.isContinuation, old.width == 2, x + 1 < width, cells[i + 1].isContinuation {
            // Overwriting the left half: the continuation cell becomes a space, unless the new cell is wide
            // too (the caller then writes the continuation itself).
            cells[i + 1] = .blank(cells[i + 1].style)
        }
        cells[i] = cell
    }
}
