/// What the app loop needs from a screen: its size, a way to show a frame, and events.
///
/// Implementations: `HeadlessTerminal` (tests) and `CursesTerminal` (the real one).
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: (width: Int, height: Int) { get }

    /// Shows `grid` (sized like `size`); backends redraw only what changed.
    func present(_ grid: Grid)

    /// The next event, waiting at most `timeout`; nil when the time passed with nothing to report.
    func nextEvent(timeout: Duration) -> TerminalEvent?

    /// Turns reporting of clicks and wheel turns on or off (off leaves the terminal's own selection working).
    func setMouseReporting(_ on: Bool)

    /// Restores the terminal. Safe to call more than once; only the first call acts.
    func shutdown()

    /// Puts `text` on the clipboard through the terminal (OSC 52, `ClipboardSequence`).
    func copyToClipboard(_ text: String)

    /// Rings the bell and sends a desktop notification through the terminal (`NotificationSequence`).
    func notify(title: String, body: String)
}
