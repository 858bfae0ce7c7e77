/// Shown instead of the UI when the terminal is below the minimum size:
/// "Terminal too small" / "need 60x15, have 40x10".
public struct TooSmallView: Hashable, Sendable {
    /// The narrowest usable width.
    public var minWidth: Int
    /// The shortest usable height.
    public var minHeight: Int
    /// An extra line, such as "press q to quit" (nil: none).
    public var hint: String?

    /// Creates the view.
    public init(minWidth: Int = 60, minHeight: Int = 15, hint: String? = "press q to quit") {
        self.minWidth = minWidth
        self.minHeight = minHeight
        self.hint = hint
    }

    /// True when a terminal of this size is too small.
    public func isTooSmall(width: Int, height: Int) -> Bool { width < minWidth || height < minHeight }

    /// The lines shown for an area of this size.
    public func lines(width: Int, height: Int) -> [String] {
        var lines = ["Terminal too small", "need \(minWidth)x\(minHeight), have \(width)x\(height)"]
        if let hint { lines.append(hint) }
        return lines
    }

    /// Clears `area` and draws the message centred (each line cut to fit).
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area, style: .plain)
        let lines = lines(width: area.width, height: area.height)
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < area.maxY {
            let text = DisplayWidth.fit(line, columns: area.width)
            let style = i == 0 ? theme[.warning].patched(with: Style(bold: true)) : (i == 1 ? Style.plain : theme[.dim])
            grid.put(text, x: area.x + (area.width - DisplayWidth.of(text)) / 2, y: top + i, style: style)
        }
    }
}
