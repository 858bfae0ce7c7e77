import Testing

@testable import TerminalUI

@Suite struct GridTests {
    let red = Style(fg: .red)

    @Test func putWritesTextAndStyleAndReturnsColumns() {
        var grid = Grid(width: 10, height: 2)
        let used = grid.put("hello", x: 2, y: 1, style: red)
        #expect(used == 5)
        #expect(grid.lines == ["          ", "  hello   "])
        #expect(grid.style(at: 2, y: 1) == red)
        #expect(grid.style(at: 7, y: 1) == .plain)
    }

    @Test func clipsAtTheRightEdgeAndAtMaxWidth() {
        var grid = Grid(width: 6, height: 2)
        #expect(grid.put("abcdefgh", x: 2, y: 0) == 4)
        #expect(grid.put("abcdefgh", x: 0, y: 1, maxWidth: 3) == 3)
        #expect(grid.lines == ["  abcd", "abc   "])
    }

    @Test func outsideRowsAndNegativeXAreClipped() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.put("x", x: 0, y: 1) == 0)
        #expect(grid.put("x", x: 0, y: -1) == 0)
        #expect(grid.put("abcdef", x: -2, y: 0) == 4)
        #expect(grid.lines == ["cdef"])
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = Grid(width: 8, height: 1)
        #expect(grid.put("日本x", x: 1, y: 0) == 5)
        #expect(grid.lines == [" 日本x  "])
        #expect(grid[1, 0].text == "日")
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].text == "本")
        #expect(grid[4, 0].isContinuation)
    }

    @Test(arguments: [
        (width: 5, x: 0, expected: "日本 "), (width: 5, x: 2, expected: "  日 "),
        (width: 4, x: 1, expected: " 日 "),
    ])
    func wideCharacterNeverStraddlesTheRightEdge(width: Int, x: Int, expected: String) {
        var grid = Grid(width: width, height: 1)
        grid.put("日本語", x: x, y: 0, style: red)
        #expect(grid.lines == [expected])
        #expect(DisplayWidth.of(grid.lines[0]) == width)
        #expect(grid.style(at: width - 1, y: 0) == red, "the padding space carries the text's style")
    }

    @Test func wideCharacterNeverStraddlesAClipLimit() {
        var grid = Grid(width: 10, height: 1)
        let used = grid.put("日本語", x: 0, y: 0, maxWidth: 3)
        #expect(used == 3)
        #expect(grid.lines == ["日        "])
        #expect(grid.put("|", x: 3, y: 0) == 1)
        #expect(grid.lines == ["日 |      "])
    }

    @Test func wideCharacterHalfClippedOnTheLeftBecomesASpace() {
        var grid = Grid(width: 4, height: 1)
        grid.put("日本", x: -1, y: 0)
        #expect(grid.lines == [" 本 "])
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("日本語", x: 0, y: 0)
        grid.put("x", x: 1, y: 0) // right half of 日
        grid.put("y", x: 2, y: 0) // left half of 本
        #expect(grid.lines == [" xy 語"])
        // Every continuation cell follows a wide character.
        for x in 1..<6 where grid[x, 0].isContinuation { #expect(grid[x - 1, 0].width == 2) }
    }

    @Test func escapeSequencesAreNeutralised() {
        var grid = Grid(width: 20, height: 1)
        grid.put("a\u{1B}[2Jb\u{7}c\u{9B}d", x: 0, y: 0)
        let line = grid.lines[0]
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(line.hasPrefix("a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d"))
    }

    @Test func bidiOverridesAndNewlinesAreNeutralised() {
        var grid = Grid(width: 12, height: 1)
        grid.put("ab\u{202E}cd\nef\u{2028}g\u{2029}h", x: 0, y: 0)
        #expect(grid.lines == ["ab\u{FFFD}cd ef g h"], "line and paragraph separators become spaces, like newlines")
    }

    @Test func zeroWidthCharactersAreNeutralised() {
        var grid = Grid(width: 10, height: 1)
        grid.put("a\u{200B}b\u{200D}c\u{FEFF}d", x: 0, y: 0)
        #expect(
            grid.lines == ["a\u{FFFD}b\u{FFFD}c\u{FFFD}d   "], "each takes a visible column, as the layout measured it")
    }

    @Test func combiningMarksJoinTheirBaseCell() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.put("e\u{301}x", x: 0, y: 0) == 2)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "x")
    }

    @Test func fillAndStyleHelpers() {
        var grid = Grid(width: 4, height: 3)
        grid.put("abcd", x: 0, y: 1)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 2), style: red)
        #expect(grid.lines == ["    ", "a  d", "    "])
        #expect(grid.style(at: 1, y: 0) == red && grid.style(at: 2, y: 1) == red)
        #expect(grid.style(at: 3, y: 1) == .plain)
        grid.applyStyle(Style(bold: true), to: Rect(x: 0, y: 1, width: 4, height: 1))
        #expect(grid.style(at: 1, y: 1) == Style(fg: .red, bold: true))
        #expect(grid.style(at: 0, y: 1) == Style(bold: true))
        grid.fill(Rect(x: -5, y: -5, width: 100, height: 100), style: .plain)
        #expect(grid == Grid(width: 4, height: 3))
    }

    @Test func drawBoxInUnicodeAndASCII() {
        var grid = Grid(width: 12, height: 3)
        grid.drawBox(grid.bounds, box: .unicode, style: .plain, title: "Hi")
        #expect(grid.lines == ["┌─ Hi ─────┐", "│          │", "└──────────┘"])
        grid.drawBox(grid.bounds, box: .ascii, style: .plain, title: "Hi")
        #expect(grid.lines == ["+- Hi -----+", "|          |", "+----------+"])
    }

    @Test func styledLinesEndInAnEllipsisWhenTooLong() {
        var grid = Grid(width: 10, height: 1)
        let line = TextLine([Span("Stop ", role: nil), Span("12 instances", role: .danger)])
        grid.put(line, x: 0, y: 0, base: .plain, theme: .default, maxWidth: 10)
        #expect(grid.lines == ["Stop 12 i…"])
        #expect(grid.style(at: 0, y: 0) == .plain)
        #expect(grid.style(at: 6, y: 0) == Theme.default[.danger])
    }
}

@Suite struct RectTests {
    @Test func splits() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(r.splitTop(1).top == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(r.splitTop(1).rest == Rect(x: 0, y: 1, width: 80, height: 23))
        #expect(r.splitBottom(2).bottom == Rect(x: 0, y: 22, width: 80, height: 2))
        #expect(r.splitLeft(100).left.width == 80 && r.splitLeft(100).rest.isEmpty)
        #expect(r.splitRight(10).right == Rect(x: 70, y: 0, width: 10, height: 24))
    }

    @Test func constraintSplitTilesTheRect() {
        let r = Rect(x: 2, y: 1, width: 80, height: 24)
        let parts = r.split(.vertical, [.length(1), .fill(1), .length(2)])
        #expect(parts.map(\.height) == [1, 21, 2])
        #expect(parts.map(\.y) == [1, 2, 23])
        let cols = r.split(.horizontal, [.fill(1), .fill(2), .min(10)])
        #expect(cols.map(\.width).reduce(0, +) == 80)
        #expect(cols[2].width >= 10 && cols[1].width > cols[0].width)
        #expect(
            Rect(x: 0, y: 0, width: 3, height: 1).split(.horizontal, [.length(2), .length(2)]).map(\.width) == [2, 1])
    }

    @Test func centeredAndIntersection() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(r.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(r.centered(width: 100, height: 30) == r)
        #expect(r.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
        #expect(r.intersection(Rect(x: 90, y: 0, width: 5, height: 5)).isEmpty)
    }

    @Test func wrapByDisplayColumns() {
        #expect(
            TextWrap.wrap("stop the selected instances now", width: 10) == ["stop the", "selected", "instances", "now"])
        #expect(TextWrap.wrap("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
        #expect(TextWrap.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    }
}
