import Synchronization
import TerminalUI
import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// ncurses has one current screen per process, so these run one at a time on the main actor, each creating
/// and shutting down its own headless screen (output to /dev/null, read back with `mvwin_wch`).
@MainActor @Suite(.serialized) struct CursesReadBackTests {
    func makeTerminal(width: Int = 40, height: Int = 6, monochrome: Bool = false) throws -> CursesTerminal {
        try CursesTerminal(testingOutputPath: "/dev/null", width: width, height: height, forceMonochrome: monochrome)
    }

    @Test func presentsTextCJKAndStyles() throws {
        let terminal = try makeTerminal()
        defer { terminal.shutdown() }
        #expect(terminal.size == (40, 6))
        #expect(terminal.hasColors && terminal.colorCount >= 8)
        var grid = Grid(width: 40, height: 6)
        grid.put("plain", x: 0, y: 0)
        grid.put("bold", x: 6, y: 0, style: Style(bold: true))
        grid.put("日本", x: 0, y: 1, style: Style(fg: .red, bg: .blue, underline: true))
        grid.put("x", x: 4, y: 1)
        grid.put("日日", x: 6, y: 1)
        grid.put("rev", x: 0, y: 2, style: Style(fg: .indexed(208), dim: false, reverse: true))
        grid.put("dim", x: 0, y: 3, style: Style(dim: true))
        grid.put("é", x: 0, y: 4)
        grid.put("e\u{301}", x: 2, y: 4)
        grid.put("end", x: 37, y: 5) // the bottom-right corner
        terminal.present(grid)

        let p = try #require(terminal.screenCell(x: 0, y: 0))
        #expect(p.text == "p" && !p.bold && !p.reverse && p.foreground == -1 && p.background == -1)
        let b = try #require(terminal.screenCell(x: 6, y: 0))
        #expect(b.text == "b" && b.bold && !b.underline)
        let cjk = try #require(terminal.screenCell(x: 0, y: 1))
        #expect(cjk.text == "日" && cjk.underline && cjk.foreground == 1 && cjk.background == 4)
        #expect(terminal.screenCell(x: 1, y: 1)?.text == "")
        #expect(terminal.screenCell(x: 2, y: 1)?.text == "本")
        #expect(terminal.screenCell(x: 4, y: 1)?.text == "x")
        #expect((6..<10).map { terminal.screenCell(x: $0, y: 1)?.text } == ["日", "", "日", ""])
        let rev = try #require(terminal.screenCell(x: 0, y: 2))
        #expect(rev.reverse && !rev.dim && rev.foreground == 208 && rev.background == -1)
        #expect(terminal.screenCell(x: 0, y: 3)?.dim == true)
        #expect(terminal.screenCell(x: 0, y: 4)?.text == "é")
        #expect(terminal.screenCell(x: 2, y: 4)?.text == "e\u{301}")
        #expect(terminal.screenCell(x: 39, y: 5)?.text == "d")
    }

    @Test func onlyChangedRowsAreCopiedAndResizedGridsRedraw() throws {
        let terminal = try makeTerminal(width: 20, height: 3)
        defer { terminal.shutdown() }
        var grid = Grid(width: 20, height: 3)
        grid.put("one", x: 0, y: 0)
        grid.put("two", x: 0, y: 1)
        terminal.present(grid)
        var next = grid
        next.put("TWO", x: 0, y: 1)
        terminal.present(next)
        #expect(terminal.screenCell(x: 0, y: 0)?.text == "o")
        #expect(terminal.screenCell(x: 0, y: 1)?.text == "T")
        // A smaller grid clears what it does not cover.
        var small = Grid(width: 10, height: 2)
        small.put("ab", x: 0, y: 0)
        terminal.present(small)
        #expect(terminal.screenCell(x: 0, y: 0)?.text == "a")
        #expect(terminal.screenCell(x: 0, y: 1)?.text == " ")
        #expect(terminal.screenCell(x: 15, y: 2)?.text == " ")
    }

    @Test func wideCharacterAtTheEdgeOfANarrowerWindowIsNotSplit() throws {
        let terminal = try makeTerminal(width: 5, height: 1)
        defer { terminal.shutdown() }
        var grid = Grid(width: 6, height: 1)
        grid.put("abcd日", x: 0, y: 0)
        terminal.present(grid)
        #expect(terminal.screenCell(x: 4, y: 0)?.text == " ")
    }

    @Test func monochromeFallbackKeepsAttributesAndHighlights() throws {
        let terminal = try makeTerminal(monochrome: true)
        defer { terminal.shutdown() }
        #expect(!terminal.hasColors)
        var grid = Grid(width: 40, height: 6)
        grid.put("c", x: 0, y: 0, style: Style(fg: .brightWhite, bg: .blue, bold: true))
        grid.put("r", x: 1, y: 0, style: Style(fg: .red))
        terminal.present(grid)
        let c = try #require(terminal.screenCell(x: 0, y: 0))
        #expect(c.bold && c.reverse && c.foreground == -1 && c.background == -1)
        let r = try #require(terminal.screenCell(x: 1, y: 0))
        #expect(!r.reverse && r.foreground == -1)
    }

    @Test func shutdownIsIdempotent() throws {
        let terminal = try makeTerminal()
        terminal.shutdown()
        #expect(terminal.isShutDown)
        terminal.shutdown()
        terminal.shutdown()
        #expect(terminal.screenCell(x: 0, y: 0) == nil)
        terminal.present(Grid(width: 40, height: 6)) // ignored after shutdown, no crash
        #expect(terminal.nextEvent(timeout: .zero) == nil)
        // A new session can start after the old one ended.
        let again = try makeTerminal()
        again.shutdown()
    }

    @Test func noInputMeansNoEvent() throws {
        let terminal = try makeTerminal()
        defer { terminal.shutdown() }
        #expect(terminal.nextEvent(timeout: .milliseconds(10)) == nil)
    }

    @Test func pendingSignalsBecomeEventsInOrder() throws {
        let terminal = try makeTerminal()
        defer { terminal.shutdown() }
        pendingSignals.bitwiseOr(SignalTrap.bit(for: SIGHUP) | SignalTrap.bit(for: SIGINT), ordering: .relaxed)
        #expect(terminal.nextEvent(timeout: .zero) == .signal(.interrupt))
        #expect(terminal.nextEvent(timeout: .zero) == .signal(.hangup))
        #expect(terminal.nextEvent(timeout: .zero) == nil)
    }

    @Test func mouseCanBeTurnedOnAndOff() throws {
        let terminal = try makeTerminal()
        defer { terminal.shutdown() }
        #expect(!terminal.isMouseEnabled)
        terminal.enableMouse()
        #expect(terminal.isMouseEnabled)
        terminal.disableMouse()
        #expect(!terminal.isMouseEnabled)
    }

    @Test func unknownTerminalTypeIsAnError() {
        #expect(throws: CursesTerminalError.self) {
            try CursesTerminal(testingOutputPath: "/dev/null", width: 10, height: 5, terminalType: "no-such-terminal")
        }
    }
}

@Suite struct CursesKeyDecoderTests {
    @Test func controlCharacters() {
        #expect(CursesKeyDecoder.character(9) == .tab)
        #expect(CursesKeyDecoder.character(13) == .enter && CursesKeyDecoder.character(10) == .enter)
        #expect(CursesKeyDecoder.character(127) == .backspace && CursesKeyDecoder.character(8) == .backspace)
        #expect(CursesKeyDecoder.character(27) == .escape)
        #expect(CursesKeyDecoder.character(3) == .ctrl("c") && CursesKeyDecoder.character(18) == .ctrl("r"))
        #expect(CursesKeyDecoder.character(0) == nil && CursesKeyDecoder.character(0x9B) == nil)
        #expect(CursesKeyDecoder.character(UInt32(("q" as Unicode.Scalar).value)) == .character("q"))
        #expect(CursesKeyDecoder.character(0x65E5) == .character("日"))
    }

    @Test func functionKeysCoverTheKeysTheAppUses() {
        let keys = Set(CursesKeyDecoder.functionKeys.values)
        for key in [
            Key.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .backspace, .delete,
            .backTab,
        ] + (1...12).map(Key.function) {
            #expect(keys.contains(key), "\(key)")
        }
    }
}

@Suite struct CursesLocaleTests {
    @Test func utf8LocaleIsDetected() {
        let lang = String(cString: getenv("LC_ALL") ?? getenv("LC_CTYPE") ?? getenv("LANG") ?? strdup(""))
        if lang.lowercased().contains("utf-8") || lang.lowercased().contains("utf8") {
            #expect(CursesTerminal.isUTF8Locale)
        }
    }
}
