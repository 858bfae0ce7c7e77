/// A terminal for tests: records every presented grid and replays events queued by the test.
@MainActor
public final class HeadlessTerminal: Terminal {
    /// The current size.
    public private(set) var size: (width: Int, height: Int)
    /// Every grid presented, oldest first.
    public private(set) var presented: [Grid] = []
    /// Events not yet returned by `nextEvent`.
    public private(set) var pending: [TerminalEvent] = []
    /// How many times `shutdown()` was called.
    public private(set) var shutdownCalls = 0
    /// Whether mouse reporting is on (`setMouseReporting`).
    public private(set) var isMouseReporting = false
    /// True after the first `shutdown()`.
    public var isShutDown: Bool { shutdownCalls > 0 }

    /// Creates a headless terminal of the given size with the given events queued.
    public init(width: Int = 80, height: Int = 24, events: [TerminalEvent] = []) {
        size = (width, height)
        pending = events
    }

    /// The most recently presented grid.
    public var lastGrid: Grid? { presented.last }

    /// Queues events for `nextEvent`.
    public func enqueue(_ events: TerminalEvent...) { pending += events }

    /// Queues events for `nextEvent`.
    public func enqueue(contentsOf events: [TerminalEvent]) { pending += events }

    /// Queues the keys for each character of `text`.
    public func type(_ text: String) { pending += text.map { .key(.char($0)) } }

    /// Changes the size and queues the `.resize` event a real terminal would send.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        pending.append(.resize(width: width, height: height))
    }

    /// Records the grid.
    public func present(_ grid: Grid) { presented.append(grid) }

    /// The next queued event, or nil at once when none is left (no waiting).
    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Records the setting.
    public func setMouseReporting(_ on: Bool) { isMouseReporting = on }

    /// Counts the call.
    public func shutdown() { shutdownCalls += 1 }

    /// The texts copied, oldest first.
    public private(set) var copied: [String] = []
    public func copyToClipboard(_ text: String) { copied.append(text) }

    /// The notifications sent, oldest first.
    public private(set) var notifications: [(title: String, body: String)] = []
    public func notify(title: String, body: String) { notifications.append((title, body)) }
}
