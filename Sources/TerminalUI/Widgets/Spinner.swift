/// A spinner whose frame is a pure function of a tick count: `⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏`, or `|/-\` in ASCII.
public struct Spinner: Hashable, Sendable {
    /// The tick (any integer; frames repeat).
    public var tick: Int
    /// Use ASCII frames.
    public var ascii: Bool

    /// Creates a spinner at a tick.
    public init(tick: Int, ascii: Bool = false) {
        self.tick = tick
        self.ascii = ascii
    }

    /// Unicode frames.
    public static let unicodeFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    /// ASCII frames.
    public static let asciiFrames = ["|", "/", "-", "\\"]

    /// The frame for this tick.
    public var frame: String {
        let frames = ascii ? Self.asciiFrames : Self.unicodeFrames
        let i = tick % frames.count
        return frames[i < 0 ? i + frames.count : i]
    }

    /// Draws the frame at the top-left of `area` in `role`.
    public func render(into grid: inout Grid, area: Rect, theme: Theme, role: ThemeRole = .title) {
        guard !area.isEmpty else { return }
        grid.put(frame, x: area.x, y: area.y, style: theme[role], maxWidth: 1)
    }
}
