import Foundation
import TerminalUI
import Testing

@Suite struct KeyTests {
    @Test(arguments: [
        Key.character("q"), .character(" "), .character("?"), .ctrl("c"), .up, .down, .left,
        .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
        .delete, .insert, .function(1), .function(12),
    ])
    func namesRoundTrip(_ key: Key) {
        #expect(Key(name: key.name) == key)
    }

    @Test func namesAndDescriptions() {
        #expect(Key(name: "C-x") == .ctrl("x") && Key(name: "^R") == .ctrl("r") && Key(name: "Ctrl+A") == .ctrl("a"))
        #expect(Key(name: "PgDn") == .pageDown && Key(name: "Return") == .enter && Key(name: "Q") == .character("Q"))
        #expect(Key(name: "f13") == nil && Key(name: "ctrl-1") == nil && Key(name: "nonsense") == nil)
        #expect(Key.ctrl("c").description == "Ctrl-C" && Key.pageDown.description == "PgDn")
        #expect(KeyEvent(.character("x"), alt: true).description == "Alt-x")
        #expect(KeyEvent.char("j").character == "j" && KeyEvent(.up).character == nil)
    }
}

@MainActor @Suite struct HeadlessTerminalTests {
    @Test func replaysEventsAndRecordsFrames() {
        let terminal = HeadlessTerminal(width: 40, height: 10, events: [.key(.char("j"))])
        terminal.type("ab")
        terminal.enqueue(.tick, .mouse(MouseEvent(.click, x: 3, y: 4)))
        terminal.resize(width: 100, height: 30)
        var seen: [TerminalEvent] = []
        while let event = terminal.nextEvent(timeout: .milliseconds(100)) { seen.append(event) }
        #expect(
            seen == [
                .key(.char("j")), .key(.char("a")), .key(.char("b")), .tick,
                .mouse(MouseEvent(.click, x: 3, y: 4)), .resize(width: 100, height: 30),
            ])
        #expect(terminal.size == (100, 30))
        var grid = Grid(width: 100, height: 30)
        grid.put("hello", x: 0, y: 0)
        terminal.present(grid)
        #expect(terminal.lastGrid?.lines.first?.hasPrefix("hello") == true)
        #expect(terminal.presented.count == 1)
    }

    @Test func shutdownIsCountedAndIdempotentForCallers() {
        let terminal: any Terminal = HeadlessTerminal()
        terminal.shutdown()
        terminal.shutdown()
        let headless = terminal as? HeadlessTerminal
        #expect(headless?.isShutDown == true && headless?.shutdownCalls == 2)
    }
}

@Suite struct ClipboardSequenceTests {
    @Test func osc52CarriesTheSanitisedTextInBase64() {
        let bytes = ClipboardSequence.bytes(for: "i-1\ni-2\u{1B}]0;x\u{07}")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}]52;c;") && text.hasSuffix("\u{07}"))
        let payload = String(text.dropFirst(7).dropLast())
        let decoded = String(decoding: Data(base64Encoded: payload) ?? Data(), as: UTF8.self)
        #expect(decoded.hasPrefix("i-1\ni-2") && !decoded.contains("\u{1B}") && !decoded.contains("\u{07}"))
    }
}
