/// A signal the app should act on (ask before quitting, save state, restore the terminal).
public enum TerminalSignal: Hashable, Sendable {
    /// SIGINT (Ctrl-C, since the terminal stays in cbreak mode).
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP (the terminal went away).
    case hangup
}

/// Something the app loop reacts to.
public enum TerminalEvent: Hashable, Sendable {
    /// A key press.
    case key(KeyEvent)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)
    /// The terminal has a new size; re-render for it.
    case resize(width: Int, height: Int)
    /// Time passed (spinners, polling); produced by the app loop or queued by tests.
    case tick
    /// A signal arrived.
    case signal(TerminalSignal)
}
