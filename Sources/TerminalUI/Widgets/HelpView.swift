/// One line of help: the keys, what they do, and whether they work right now.
public struct HelpEntry: Hashable, Sendable {
    /// The keys as shown (`j/↓`, `Space`).
    public var keys: String
    /// What they do.
    public var description: String
    /// Disabled entries (for example destructive keys in read-only mode) are greyed out, never hidden.
    public var enabled: Bool

    /// Creates an entry.
    public init(keys: String, description: String, enabled: Bool = true) {
        self.keys = keys; self.description = description; self.enabled = enabled
    }
}

/// A titled group of help entries.
public struct HelpSection: Hashable, Sendable {
    /// The heading.
    public var title: String
    /// The entries.
    public var entries: [HelpEntry]

    /// Creates a section.
    public init(_ title: String, _ entries: [HelpEntry]) { self.title = title; self.entries = entries }
}

/// The help screen: sections flowed into as many columns as fit, keys aligned, disabled keys dimmed.
public struct HelpView: Hashable, Sendable {
    /// The sections, in reading order.
    public var sections: [HelpSection]
    /// Rows scrolled past (when the help is taller than the area).
    public var offset: Int
    /// Columns between the keys and the description.
    static let keyGap = 2
    /// Columns between flowed columns.
    static let columnGap = 4

    /// Creates a help view.
    public init(sections: [HelpSection], offset: Int = 0) { self.sections = sections; self.offset = offset }

    /// Width of the keys column (the widest keys, at most 18).
    var keysWidth: Int {
        min(18, sections.flatMap(\.entries).map { DisplayWidth.of(Sanitizer.clean($0.keys)) }.max() ?? 0)
    }

    /// Width of one flowed column.
    var columnWidth: Int {
        let descriptions = sections.flatMap(\.entries).map { DisplayWidth.of(Sanitizer.clean($0.description)) }
        let titles = sections.map { DisplayWidth.of(Sanitizer.clean($0.title)) }
        return max(titles.max() ?? 0, keysWidth + Self.keyGap + min(110, descriptions.max() ?? 0))
    }

    /// The sections assigned to each column for an area `width` columns wide.
    public func columns(width: Int) -> [[HelpSection]] {
        guard !sections.isEmpty else { return [] }
        let count = max(1, min(sections.count, (width + Self.columnGap) / (columnWidth + Self.columnGap)))
        let heights = sections.map { $0.entries.count + 2 }
        let target = (heights.reduce(0, +) + count - 1) / count
        var columns: [[HelpSection]] = [[]], used = 0
        for (section, height) in zip(sections, heights) {
            if used > 0 && used + height > target && columns.count < count { columns.append([]); used = 0 }
            columns[columns.count - 1].append(section); used += height
        }
        return columns
    }

    /// Rows the help needs at this width (for scrolling limits).
    public func contentHeight(width: Int) -> Int {
        columns(width: width).map { $0.reduce(0) { $0 + $1.entries.count + 2 } - 1 }.max() ?? 0
    }

    /// Draws the help into `area`, scrolled by `offset` rows.
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.row]
        grid.fill(area, style: base)
        let flowed = columns(width: area.width)
        let width = flowed.count == 1 ? min(area.width, columnWidth) : columnWidth
        let scroll = max(0, min(offset, contentHeight(width: area.width) - area.height))
        for (c, column) in flowed.enumerated() {
            let x = area.x + c * (columnWidth + Self.columnGap)
            var y = area.y - scroll
            for section in column {
                if y >= area.y && y < area.maxY {
                    grid.put(DisplayWidth.fit(Sanitizer.clean(section.title), columns: width), x: x, y: y,
                             style: base.patched(with: theme[.title]), maxWidth: min(width, area.maxX - x))
                }
                y += 1
                for entry in section.entries {
                    if y >= area.y && y < area.maxY { draw(entry, into: &grid, x: x, y: y, width: min(width, area.maxX - x), theme: theme) }
                    y += 1
                }
                y += 1
            }
        }
    }

    func draw(_ entry: HelpEntry, into grid: inout Grid, x: Int, y: Int, width: Int, theme: Theme) {
        guard width > 0 else { return }
        let base = theme[.row]
        let keyStyle = entry.enabled ? base.patched(with: theme[.helpKey]) : base.patched(with: theme[.dim])
        let textStyle = entry.enabled ? base : base.patched(with: theme[.dim])
        let keys = DisplayWidth.pad(Sanitizer.clean(entry.keys), columns: min(keysWidth, width))
        let used = grid.put(keys, x: x, y: y, style: keyStyle, maxWidth: width)
        let room = width - used - Self.keyGap
        guard room > 0 else { return }
        grid.put(DisplayWidth.fit(Sanitizer.clean(entry.description), columns: room), x: x + used + Self.keyGap, y: y,
                 style: textStyle, maxWidth: room)
    }
}
