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
/// keys dimmed, scrolled by whole lines. One column whatever the width; a description longer than the room wraps
/// onto the next lines under itself, so its length, and so how far it scrolls, depends on the width only.
/// A search text is highlighted where it occurs, the current match's entry more strongly.
public struct HelpView: Hashable, Sendable {
    /// The sections, in reading order.
    public var sections: [HelpSection]
    /// Lines scrolled past (limited to the content when drawn).
    public var offset: Int
    /// Text to highlight (case-insensitive), or nil.
    public var highlight: String?
    /// A line of the current match's title or entry, whose occurrences are drawn as the cursor.
    public var currentLine: Int?
    /// Columns between the keys and the description.
    static let keyGap = 2

    /// Creates a help view.
    public init(sections: [HelpSection], offset: Int = 0, highlight: String? = nil, currentLine: Int? = nil) {
        self.sections = sections
        self.offset = offset
        self.highlight = highlight.flatMap { $0.isEmpty ? nil : $0 }
        self.currentLine = currentLine
    }

    /// One line as laid out: a section's title, (part of) an entry, or the blank between sections. `item`
    /// numbers the titles and entries, so the lines of one wrapped entry share it.
    public struct Line: Hashable, Sendable {
        /// Keys (on an entry's first line), or a title.
        public var keys: String
        /// The description's part on this line.
        public var text: String
        public var isTitle: Bool
        public var enabled: Bool
        public var item: Int
    }

    /// Width of the keys column (the widest keys, at most 18).
    var keysWidth: Int {
        min(18, sections.flatMap(\.entries).map { DisplayWidth.of(Sanitizer.clean($0.keys)) }.max() ?? 0)
    }

    /// Columns needed to show every line whole (descriptions beyond 110 columns wrap anyway).
    public var width: Int {
        let descriptions = sections.flatMap(\.entries).map { DisplayWidth.of(Sanitizer.clean($0.description)) }
        let titles = sections.map { DisplayWidth.of(Sanitizer.clean($0.title)) }
        return max(titles.max() ?? 0, keysWidth + Self.keyGap + min(110, descriptions.max() ?? 0))
    }

    /// The lines at `width` columns: per section a title and its entries (each wrapped to the room after the
    /// keys), and a blank line between sections.
    public func lines(width: Int) -> [Line] {
        let keys = min(keysWidth, max(0, width))
        let room = max(1, min(width, self.width) - keys - Self.keyGap)
        var out: [Line] = []
        var item = 0
        for (n, section) in sections.enumerated() {
            if n > 0 { out.append(Line(keys: "", text: "", isTitle: false, enabled: true, item: -1)) }
            out.append(Line(keys: Sanitizer.clean(section.title), text: "", isTitle: true, enabled: true, item: item))
            item += 1
            for entry in section.entries {
                let parts = TextWrap.wrap(Sanitizer.clean(entry.description), width: room)
                for (k, part) in (parts.isEmpty ? [""] : parts).enumerated() {
                    out.append(
                        Line(
                            keys: k == 0 ? Sanitizer.clean(entry.keys) : "", text: part, isTitle: false,
                            enabled: entry.enabled, item: item))
                }
                item += 1
            }
        }
        return out
    }

    /// Lines the help takes at `width` columns.
    public func contentHeight(width: Int) -> Int { lines(width: width).count }

    /// The first line of each title or entry holding `text` (case-insensitive; keys and description), in order.
    public func matches(_ text: String, width: Int) -> [Int] {
        let wanted = text.lowercased()
        guard !wanted.isEmpty else { return [] }
        var found: [Int] = []
        var itemText: [Int: String] = [:]
        var firstLine: [Int: Int] = [:]
        let all = lines(width: width)
        for (n, line) in all.enumerated() where line.item >= 0 {
            if firstLine[line.item] == nil { firstLine[line.item] = n }
            itemText[line.item, default: ""] += " " + line.keys + " " + line.text
        }
        for item in firstLine.keys.sorted() where itemText[item]?.lowercased().contains(wanted) == true {
            if let line = firstLine[item] { found.append(line) }
        }
        return found
    }

    /// Draws the help into `area`, from line `offset` (at most the offset that shows the last line at the bottom).
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.row]
        grid.fill(area, style: base)
        let all = lines(width: area.width)
        let scroll = max(0, min(offset, all.count - area.height))
        let width = min(area.width, self.width)
        let current = currentLine.flatMap { $0 >= 0 && $0 < all.count ? all[$0].item : nil }
        for (row, line) in all.dropFirst(scroll).prefix(area.height).enumerated() {
            let y = area.y + row
            if line.isTitle {
                let used = grid.put(
                    DisplayWidth.fit(line.keys, columns: width), x: area.x, y: y,
                    style: base.patched(with: theme[.title]), maxWidth: width)
                mark(line.keys, shownIn: used, x: area.x, y: y, current: line.item == current, into: &grid, theme)
            } else if line.item >= 0 {
                draw(line, into: &grid, x: area.x, y: y, width: width, current: line.item == current, theme: theme)
            }
        }
    }

    func draw(_ line: Line, into grid: inout Grid, x: Int, y: Int, width: Int, current: Bool, theme: Theme) {
        guard width > 0 else { return }
        let base = theme[.row]
        let keyStyle = line.enabled ? base.patched(with: theme[.helpKey]) : base.patched(with: theme[.dim])
        let textStyle = line.enabled ? base : base.patched(with: theme[.dim])
        let keysColumns = min(keysWidth, width)
        let keys = DisplayWidth.pad(DisplayWidth.fit(line.keys, columns: keysColumns), columns: keysColumns)
        let used = grid.put(keys, x: x, y: y, style: keyStyle, maxWidth: width)
        mark(keys, shownIn: used, x: x, y: y, current: current, into: &grid, theme)
        let room = width - used - Self.keyGap
        guard room > 0 else { return }
        let text = DisplayWidth.fit(line.text, columns: room)
        let shown = grid.put(text, x: x + used + Self.keyGap, y: y, style: textStyle, maxWidth: room)
        mark(text, shownIn: shown, x: x + used + Self.keyGap, y: y, current: current, into: &grid, theme)
    }

    /// Restyles the occurrences of `highlight` in `text`, drawn at `x` in `columns` columns.
    func mark(
        _ text: String, shownIn columns: Int, x: Int, y: Int, current: Bool, into grid: inout Grid, _ theme: Theme
    ) {
        guard let highlight, columns > 0 else { return }
        let style = theme[.row].patched(with: theme[current ? .cursor : .input])
        let hay = Array(text.lowercased())
        let needle = Array(highlight.lowercased())
        // A case mapping that changes lengths would misplace the highlight: none then.
        guard !needle.isEmpty, hay.count == text.count, hay.count >= needle.count else { return }
        var i = 0
        while i + needle.count <= hay.count {
            guard hay[i..<(i + needle.count)].elementsEqual(needle) else {
                i += 1
                continue
            }
            let start = DisplayWidth.of(String(hay[..<i]))
            let end = min(columns, start + DisplayWidth.of(String(needle)))
            if end > start { grid.setStyle(style, in: Rect(x: x + start, y: y, width: end - start, height: 1)) }
            i += needle.count
        }
    }
}
