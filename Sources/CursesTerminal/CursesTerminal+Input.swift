@preconcurrency import CNCursesw
import TerminalUI

extension CursesTerminal {
    /// The next event, waiting up to `timeout`: a pending signal first, then input. Returns nil when the time
    /// passed with nothing to report. A resize is reported as `.resize` and forces a full redraw.
    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        if let signal = takeSignal() { return .signal(signal) }
        guard !isShutDown else { return nil }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        wtimeout(window, Int32(milliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if let signal = takeSignal() {
            if status != ERR { unget(status: status, code: code) }
            return .signal(signal)
        }
        switch status {
        case OK:
            if code == 27 { return escapeOrAlt() }
            return CursesKeyDecoder.character(UInt32(code)).map { .key(KeyEvent($0)) }
        case KEY_CODE_YES:
            return functionKey(Int32(bitPattern: UInt32(code)))
        default:
            return nil
        }
    }

    private func takeSignal() -> TerminalSignal? { SignalTrap.takePending() }

    private func unget(status: Int32, code: wint_t) {
        if status == KEY_CODE_YES {
            ungetch(Int32(bitPattern: UInt32(code)))
        } else {
            unget_wch(wchar_t(bitPattern: code))
        }
    }

    /// Esc alone, or Alt plus the key that follows at once.
    private func escapeOrAlt() -> TerminalEvent {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == OK, code != 27, let key = CursesKeyDecoder.character(UInt32(code)) {
            return .key(KeyEvent(key, alt: true))
        }
        if status != ERR { unget(status: status, code: code) }
        return .key(KeyEvent(.escape))
    }

    private func functionKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE:
            invalidate()
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let x = Int(event.x)
            let y = Int(event.y)
            if event.bstate & ecsfleet_button1_clicked() != 0 { return .mouse(MouseEvent(.click, x: x, y: y)) }
            if event.bstate & ecsfleet_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: x, y: y)) }
            if event.bstate & ecsfleet_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, x: x, y: y)) }
            return nil
        default:
            return CursesKeyDecoder.functionKeys[code].map { .key(KeyEvent($0)) }
        }
    }
}

/// Turns what `wget_wch` returns into keys.
enum CursesKeyDecoder {
    /// A character read with status OK: control codes become Tab/Enter/Backspace/Esc or Ctrl-letter; other
    /// control codes are ignored (nil).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Keys read with status KEY_CODE_YES.
    static let functionKeys: [Int32: Key] = {
        var keys: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
            KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
            KEY_ENTER: .enter, KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_IC: .insert,
            KEY_BTAB: .backTab,
        ]
        for n in 1...12 { keys[ecsfleet_key_f(Int32(n))] = .function(n) }
        return keys
    }()
}
