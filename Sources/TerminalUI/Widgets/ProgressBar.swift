/// A one-row progress bar with a count: `███████▌░░░░░░ 12/40`. ASCII: `#######-------- 12/40`.
public struct ProgressBar: Hashable, Sendable {
    /// Work done.
    public var completed: Int
    /// All the work (0 shows an empty bar).
    public var total: Int
    /// Text after the bar; nil shows `completed/total`.
    public var label: String?
    /// Use ASCII characters.
    public var ascii: Bool

    /// Creates a progress bar.
    public init(completed: Int, total: Int, label: String? = nil, ascii: Bool = false) {
        self.completed = completed
        self.total = total
        self.label = label
        self.ascii = ascii
    }

    /// Done as a fraction in 0...1.
    public var fraction: Double {
        total <= 0 ? 0 : min(1, max(0, Double(completed) / Double(total)))
    }

    /// The bar alone, `width` columns: filled cells, then a partial cell (eighths, Unicode only), then empty.
    public func bar(width: Int) -> (done: String, todo: String) {
        guard width > 0 else { return ("", "") }
        let eighths = Int((fraction * Double(width * 8)).rounded(.down))
        let full = eighths / 8
        if ascii {
            return (String(repeating: "#", count: full), String(repeating: "-", count: width - full))
        }
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var done = String(repeating: "█", count: full)
        var cells = full
        if full < width && eighths % 8 > 0 {
            done += partials[eighths % 8]
            cells += 1
        }
        return (done, String(repeating: "░", count: width - cells))
    }

    /// Draws the bar and its label on the first row of `area` (the label is dropped when the area is narrow).
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let text = Sanitizer.clean(label ?? "\(completed)/\(total)")
        let textWidth = DisplayWidth.of(text)
        let showText = area.width >= textWidth + 5
        let barWidth = showText ? area.width - textWidth - 1 : area.width
        let (done, todo) = bar(width: barWidth)
        let base = theme[.dialog]
        var x = area.x
        x += grid.put(done, x: x, y: area.y, style: base.patched(with: theme[.progressDone]), maxWidth: barWidth)
        grid.put(
            todo, x: x, y: area.y, style: base.patched(with: theme[.progressTodo]), maxWidth: area.x + barWidth - x)
        if showText { grid.put(" " + text, x: area.x + barWidth, y: area.y, style: base, maxWidth: textWidth + 1) }
    }
}
