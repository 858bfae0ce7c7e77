/// One line of help: the keys, what they do, and whether they work right now.
public struct HelpEntry: Hashable, Sendable {
    /// The keys as shown (`j, Down`, `Space`).
    public var keys: String
    /// What they do.
    public var description: String
    /// Disabled entries (for example destructive keys in read-only mode) are greyed out, never hidden.
    public var enabled: Bool

    /// Creates an entry.
    public init(keys: String, description: String, enabled: Bool = true) {
        self.keys = keys
        self.description = description
        self.enabled = enabled
    }
}

/// A titled group of help entries.
public struct HelpSection: Hashable, Sendable {
    /// The heading.
    public var title: String
    /// The entries.
    public var entries: [HelpEntry]

    /// Creates a section.
    public init(_ title: String, _ entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// The help screen: sections one under the other (a title, its entries, a blank line), keys aligned, disabled
/// keys dimmed, scrolled by whole lines. One column whatever the width, so its length, and so how far it
/// scrolls, is known without laying it out.
public struct HelpView: Hashable, Sendable {
    /// The sections, in reading order.
    public var sections: [HelpSection]
    /// Lines scrolled past (limited to the content when drawn).
    public var offset: Int
    /// Columns between the keys and the description.
    static let keyGap = 2

    /// Creates a help view.
    public init(sections: [HelpSection], offset: Int = 0) {
        self.sections = sections
        self.offset = offset
    }

    /// Width of the keys column (the widest keys, at most 18).
    var keysWidth: Int {
        min(18, sections.flatMap(\.entries).map { DisplayWidth.of(Sanitizer.clean($0.keys)) }.max() ?? 0)
    }

    /// Columns needed to show every line whole (descriptions beyond 110 columns are cut anyway).
    public var width: Int {
        let descriptions = sections.flatMap(\.entries).map { DisplayWidth.of(Sanitizer.clean($0.description)) }
        let titles = sections.map { DisplayWidth.of(Sanitizer.clean($0.title)) }
        return max(titles.max() ?? 0, keysWidth + Self.keyGap + min(110, descriptions.max() ?? 0))
    }

    /// Lines the help takes: per section a title and its entries, and a blank line between sections.
    public var contentHeight: Int {
        max(0, sections.reduce(0) { $0 + $1.entries.count + 2 } - 1)
    }

    /// Draws the help into `area`, from line `offset` (at most the offset that shows the last line at the bottom).
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.row]
        grid.fill(area, style: base)
        let scroll = max(0, min(offset, contentHeight - area.height))
        let width = min(area.width, self.width)
        var y = area.y - scroll
        for section in sections {
            if y >= area.y && y < area.maxY {
                grid.put(
                    DisplayWidth.fit(Sanitizer.clean(section.title), columns: width), x: area.x, y: y,
                    style: base.patched(with: theme[.title]), maxWidth: width)
            }
            y += 1
            for entry in section.entries {
                if y >= area.y && y < area.maxY {
                    draw(entry, into: &grid, x: area.x, y: y, width: width, theme: theme)
                }
                y += 1
            }
            y += 1
            if y >= area.maxY { break }
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
        grid.put(
            DisplayWidth.fit(Sanitizer.clean(entry.description), columns: room), x: x + used + Self.keyGap, y: y,
            style: textStyle, maxWidth: room)
    }
}
