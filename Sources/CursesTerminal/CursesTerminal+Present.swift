@preconcurrency import CNCursesw
import TerminalUI

extension CursesTerminal {
    /// Shows `grid`: rows that differ from the previous frame are copied into ncurses' screen, then one
    /// `doupdate` lets ncurses send the minimal change to the terminal.
    public func present(_ grid: Grid) {
        guard !isShutDown else { return }
        let (width, height) = size
        if let last = previous, last.width != grid.width || last.height != grid.height { previous = nil }
        if previous == nil && (grid.width < width || grid.height < height) { werase(window) }
        for y in 0..<min(grid.height, height) where previous.map({ $0.row(y) != grid.row(y) }) ?? true {
            drawRow(grid, y: y, columns: min(grid.width, width))
        }
        previous = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets what is on the screen so the next `present` redraws everything (after a resize, or when
    /// something else may have written to the terminal).
    public func invalidate() {
        previous = nil
        guard !isShutDown else { return }
        clearok(window, true)
    }

    private func drawRow(_ grid: Grid, y: Int, columns: Int) {
        var x = 0
        while x < columns {
            let cell = grid[x, y]
            if cell.isContinuation {
                x += 1
                continue
            }
            var text = cell.text
            if cell.width == 2 && x + 1 >= columns { text = " " } // would straddle a narrower window's edge
            draw(text, style: cell.style, x: x, y: y)
            x += 1
        }
    }

    private func draw(_ text: String, style: Style, x: Int, y: Int) {
        var chars: [wchar_t] = text.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        if chars.isEmpty { chars = [wchar_t(32)] }
        chars.append(0)
        var pair = colorPair(for: style)
        var cc = cchar_t()
        if setcchar(&cc, chars, attributes(for: style), 0, &pair) != OK {
            // Not a valid character cell for ncurses (should not happen for Grid cells): show a placeholder.
            var fallback: [wchar_t] = [wchar_t(0xFFFD), 0]
            if setcchar(&cc, &fallback, attributes(for: style), 0, &pair) != OK { return }
        }
        // At the bottom-right corner ncurses places the character and then reports ERR for the wrap; ignore it.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    /// The ncurses attributes for a style (colour excluded); without colour, `Style.monochrome` applies.
    func attributes(for style: Style) -> attr_t {
        let s = hasColors ? style : style.monochrome
        var attrs = ecsfleet_a_normal()
        if s.bold { attrs |= ecsfleet_a_bold() }
        if s.dim { attrs |= ecsfleet_a_dim() }
        if s.reverse { attrs |= ecsfleet_a_reverse() }
        if s.underline { attrs |= ecsfleet_a_underline() }
        return attrs
    }

    /// The colour pair for a style's colours, allocated on first use (0 without colour).
    func colorPair(for style: Style) -> Int32 {
        guard hasColors else { return 0 }
        var fg = Int32(style.fg.paletteNumber(colorCount: colorCount))
        var bg = Int32(style.bg.paletteNumber(colorCount: colorCount))
        if !hasDefaultColors {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        if fg == -1 && bg == -1 { return 0 }
        let key = Int64(fg) << 32 | Int64(UInt32(bitPattern: bg))
        if let pair = pairs[key] { return pair }
        let pair = alloc_pair(fg, bg)
        guard pair > 0 else { return 0 } // out of pairs: fall back to the default colours
        pairs[key] = pair
        return pair
    }
}

/// One cell of ncurses' screen as read back, for tests and diagnostics.
public struct CursesCell: Hashable, Sendable {
    /// The character(s) in the cell ("" for the second half of a wide character).
    public var text: String
    /// Bold attribute.
    public var bold: Bool
    /// Dim attribute.
    public var dim: Bool
    /// Reverse attribute.
    public var reverse: Bool
    /// Underline attribute.
    public var underline: Bool
    /// Foreground colour number (-1: the terminal's default).
    public var foreground: Int
    /// Background colour number (-1: the terminal's default).
    public var background: Int
}

extension CursesTerminal {
    /// Reads back what ncurses holds for cell (x, y) with `mvwin_wch`, or nil outside the screen.
    public func screenCell(x: Int, y: Int) -> CursesCell? {
        guard !isShutDown else { return nil }
        var cc = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cc) == OK else { return nil }
        var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attrs: attr_t = 0
        var shortPair: Int16 = 0
        var pair: Int32 = 0
        guard getcchar(&cc, &chars, &attrs, &shortPair, &pair) == OK else { return nil }
        var text = String.UnicodeScalarView()
        for c in chars {
            guard c != 0, let scalar = Unicode.Scalar(UInt32(bitPattern: c)) else { break }
            text.append(scalar)
        }
        var fg: Int32 = -1
        var bg: Int32 = -1
        if pair > 0 { extended_pair_content(pair, &fg, &bg) }
        // ncurses reports the right half of a wide character as the same character: find out whether (x, y)
        // is such a half by walking the row from its start.
        let isContinuation = isRightHalfOfWideCharacter(x: x, y: y)
        return CursesCell(
            text: isContinuation ? "" : String(text),
            bold: attrs & ecsfleet_a_bold() != 0, dim: attrs & ecsfleet_a_dim() != 0,
            reverse: attrs & ecsfleet_a_reverse() != 0, underline: attrs & ecsfleet_a_underline() != 0,
            foreground: Int(fg), background: Int(bg))
    }

    private func isRightHalfOfWideCharacter(x: Int, y: Int) -> Bool {
        var column = 0
        while column < x {
            var cc = cchar_t()
            var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
            var attrs: attr_t = 0
            var pair: Int16 = 0
            guard mvwin_wch(window, Int32(y), Int32(column), &cc) == OK,
                getcchar(&cc, &chars, &attrs, &pair, nil) == OK
            else { return false }
            let wide = Unicode.Scalar(UInt32(bitPattern: chars[0])).map { DisplayWidth.of($0) == 2 } ?? false
            if wide && column + 1 == x { return true }
            column += wide ? 2 : 1
        }
        return false
    }
}
