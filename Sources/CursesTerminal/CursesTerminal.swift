@preconcurrency import CNCursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the curses terminal could not start.
public enum CursesTerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped or redirected).
    case notATerminal
    /// ncurses could not set up the terminal (unknown `TERM`, missing terminfo).
    case cannotOpen(String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal for the interactive screen"
        case .cannotOpen(let why): return "cannot start the terminal screen: \(why)"
        }
    }
}

/// The ncurses backend: the only code in ecsfleet that calls ncurses.
///
/// Start it, loop on `nextEvent` and `present`, and call `shutdown()` exactly when done (it is idempotent,
/// and required: Swift cannot run main-actor cleanup from `deinit`). Ctrl-C, SIGTERM and SIGHUP arrive as
/// `.signal` events; a crash restores the terminal before the process dies.
@MainActor
public final class CursesTerminal: Terminal {
    /// How the terminal was set up.
    public struct Options: Sendable {
        /// Install the SIGINT/SIGTERM/SIGHUP handlers and the crash guard (turn off only in tests).
        public var handleSignals: Bool
        /// How long ncurses waits after Esc for the rest of an escape sequence.
        public var escapeDelayMilliseconds: Int32
        /// Ignore the terminal's colours (as for `NO_COLOR`).
        public var forceMonochrome: Bool

        /// Creates options.
        public init(handleSignals: Bool = true, escapeDelayMilliseconds: Int32 = 25, forceMonochrome: Bool = false) {
            self.handleSignals = handleSignals
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.forceMonochrome = forceMonochrome
        }
    }

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let options: Options
    /// The thread's signal mask from before `SignalTrap.install`, put back at shutdown.
    var savedSignalMask: sigset_t?
    /// Files opened by the test initialiser, closed at shutdown.
    var ownedFiles: [UnsafeMutablePointer<FILE>] = []
    /// True after `shutdown()` ran.
    public private(set) var isShutDown = false
    /// What is on the screen now, to copy only changed rows; nil forces a full redraw.
    var previous: Grid?
    /// Colour pairs already allocated, by (foreground, background) colour number.
    var pairs: [Int64: Int32] = [:]
    /// Colours the terminal offers (0 when it has none or `forceMonochrome` is set).
    public private(set) var colorCount = 0
    /// True when `use_default_colors` worked, so -1 means the terminal's own colour.
    var hasDefaultColors = false
    /// True while mouse reporting is on.
    public private(set) var isMouseEnabled = false

    /// Starts curses on the process's terminal (stdin/stdout).
    /// - Throws: `CursesTerminalError` when stdin/stdout is not a terminal or ncurses cannot start.
    public init(options: Options = Options()) throws {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else { throw CursesTerminalError.notATerminal }
        guard let term = getenv("TERM"), term.pointee != 0 else {
            throw CursesTerminalError.cannotOpen("TERM is not set")
        }
        // Our handlers must be in place before ncurses starts, or it installs its own for SIGINT/SIGTERM.
        let mask =
            options.handleSignals
            ? SignalTrap.install(terminalFD: STDOUT_FILENO, saveTermiosFrom: STDIN_FILENO) : nil
        guard let screen = newterm(nil, ecsfleet_stdout(), ecsfleet_stdin()) else {
            if options.handleSignals { SignalTrap.uninstall(restoring: mask) }
            throw CursesTerminalError.cannotOpen("ncurses does not know the terminal type '\(String(cString: term))'")
        }
        self.screen = screen
        self.options = options
        savedSignalMask = mask
        window = ecsfleet_stdscr()
        configure()
    }

    /// Starts curses on a terminal that writes to a file (use "/dev/null") and reads from another, for tests
    /// that read the screen back with `screenCell(x:y:)`. Signals are not handled.
    /// - Parameters:
    ///   - outputPath: Where terminal output goes.
    ///   - inputPath: Where input is read from (a file with no input yields no events).
    ///   - width: Columns.
    ///   - height: Rows.
    ///   - terminalType: A terminfo name.
    public init(
        testingOutputPath outputPath: String, inputPath: String = "/dev/null", width: Int, height: Int,
        terminalType: String = "xterm-256color", forceMonochrome: Bool = false
    ) throws {
        setlocale(LC_ALL, "")
        guard let output = fopen(outputPath, "w") else {
            throw CursesTerminalError.cannotOpen("cannot open \(outputPath)")
        }
        guard let input = fopen(inputPath, "r") else {
            fclose(output)
            throw CursesTerminalError.cannotOpen("cannot open \(inputPath)")
        }
        guard let screen = newterm(terminalType, output, input) else {
            fclose(output)
            fclose(input)
            throw CursesTerminalError.cannotOpen("ncurses does not know the terminal type '\(terminalType)'")
        }
        self.screen = screen
        options = Options(handleSignals: false, forceMonochrome: forceMonochrome)
        ownedFiles = [output, input]
        window = ecsfleet_stdscr()
        resizeterm(Int32(height), Int32(width))
        configure()
        flushinp() // drop the KEY_RESIZE that resizeterm queued
    }

    /// The terminal settings every session uses.
    private func configure() {
        keypad(window, true)
        nonl()
        cbreak()
        noecho()
        intrflush(window, false)
        set_escdelay(options.escapeDelayMilliseconds)
        curs_set(0)
        if has_colors() && !options.forceMonochrome && start_color() == OK {
            hasDefaultColors = use_default_colors() == OK
            colorCount = Int(ecsfleet_colors())
        }
    }

    /// True when the locale (from the environment) uses UTF-8, so Unicode box drawing and glyphs will show;
    /// choose `BoxStyle.ascii` and ASCII glyphs otherwise. Sets the process locale from the environment.
    nonisolated public static var isUTF8Locale: Bool {
        setlocale(LC_ALL, "")
        guard let codeset = ecsfleet_codeset() else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// True when colours will be shown (the app should pick the mono theme otherwise).
    public var hasColors: Bool { colorCount >= 8 }

    /// The current size of the screen.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Turns on reporting of left clicks and wheel turns.
    /// Writes the OSC 52 sequence straight to the terminal, between frames: ncurses has flushed its output by
    /// then, and the sequence moves no cursor and draws nothing.
    public func copyToClipboard(_ text: String) { writeRaw(ClipboardSequence.bytes(for: text)) }

    public func notify(title: String, body: String) { writeRaw(NotificationSequence.bytes(title: title, body: body)) }

    /// Bytes that are not drawing (escape sequences for the terminal itself), written past ncurses.
    private func writeRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }

    public func enableMouse() {
        guard !isShutDown else { return }
        let mask = ecsfleet_button1_pressed() | ecsfleet_button4_pressed() | ecsfleet_button5_pressed()
        mousemask(mask, nil)
        mouseinterval(0)
        isMouseEnabled = true
    }

    /// Turns mouse reporting off again (the terminal's own selection works again).
    public func disableMouse() {
        guard !isShutDown else { return }
        mousemask(0, nil)
        isMouseEnabled = false
    }

    /// `Terminal`'s switch: `enableMouse` or `disableMouse`.
    public func setMouseReporting(_ on: Bool) { if on { enableMouse() } else { disableMouse() } }

    /// Restores the terminal: ends curses once (`endwin` only if curses is active), puts back the signal
    /// dispositions, and frees the test screen. Later calls do nothing.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        if isMouseEnabled {
            mousemask(0, nil)
            isMouseEnabled = false
        }
        if isendwin() == false { endwin() }
        if options.handleSignals { SignalTrap.uninstall(restoring: savedSignalMask) }
        if !ownedFiles.isEmpty {
            delscreen(screen)
            for file in ownedFiles { fclose(file) }
            ownedFiles = []
        }
    }
}
