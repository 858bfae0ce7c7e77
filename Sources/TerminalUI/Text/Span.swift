/// A run of text drawn in one theme role (nil: the surrounding style).
public struct Span: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// The text (sanitised when drawn).
    public var text: String
    /// The theme role for this run, laid over the surrounding style.
    public var role: ThemeRole?

    /// Creates a span.
    public init(_ text: String, role: ThemeRole? = nil) {
        self.text = text
        self.role = role
    }

    /// A span in the surrounding style.
    public init(stringLiteral value: String) { self.init(value) }

    /// Display columns.
    public var width: Int { DisplayWidth.of(Sanitizer.clean(text)) }
}

/// One line of styled text: spans drawn left to right.
public struct TextLine: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// The runs, in order.
    public var spans: [Span]

    /// Creates a line from spans.
    public init(_ spans: [Span]) { self.spans = spans }

    /// A line of plain text, optionally in one role.
    public init(_ text: String, role: ThemeRole? = nil) { spans = [Span(text, role: role)] }

    /// A line of plain text.
    public init(stringLiteral value: String) { self.init(value) }

    /// An empty line.
    public static let empty = TextLine([])

    /// Display columns.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }
}

extension Grid {
    /// Draws `line` from (x, y) within `maxWidth` columns: each span's role is laid over `base`. When the line
    /// is too long, its end is replaced by `…`. Returns the columns written.
    @discardableResult
    public mutating func put(_ line: TextLine, x: Int, y: Int, base: Style, theme: Theme, maxWidth: Int) -> Int {
        guard maxWidth > 0 else { return 0 }
        let overflow = line.width > maxWidth
        let room = overflow ? maxWidth - 1 : maxWidth
        var used = 0
        for span in line.spans where used < room {
            let style = span.role.map { base.patched(with: theme[$0]) } ?? base
            used += put(span.text, x: x + used, y: y, style: style, maxWidth: room - used)
        }
        if overflow {
            // End the cut text at a character, not after a space: "Refreshing…", never "Refreshing …".
            while used > 0 && self[x + used - 1, y].text == " " { used -= 1 }
            let lastStyle = line.spans.last?.role.map { base.patched(with: theme[$0]) } ?? base
            used += put("…", x: x + used, y: y, style: lastStyle, maxWidth: 1)
        }
        return used
    }
}
