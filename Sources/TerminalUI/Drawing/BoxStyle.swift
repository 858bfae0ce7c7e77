/// The characters used to draw borders: Unicode box drawing, or plain ASCII for terminals and fonts without it.
/// The caller chooses (for example from `CursesTerminal.isUTF8Locale`).
public struct BoxStyle: Hashable, Sendable {
    /// Top-left corner.
    public var topLeft: String
    /// Top-right corner.
    public var topRight: String
    /// Bottom-left corner.
    public var bottomLeft: String
    /// Bottom-right corner.
    public var bottomRight: String
    /// Horizontal edge.
    public var horizontal: String
    /// Vertical edge.
    public var vertical: String
    /// True for the ASCII fallback; widgets then also use ASCII glyphs (progress bars, spinners, marks).
    public var isASCII: Bool

    /// Creates a box style from its six characters (each must be one column wide).
    public init(
        topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
        horizontal: String, vertical: String, isASCII: Bool = false
    ) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
        self.isASCII = isASCII
    }

    /// Light Unicode box drawing: `┌─┐│└┘`.
    public static let unicode = BoxStyle(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        horizontal: "─", vertical: "│")
    /// Rounded Unicode corners: `╭─╮│╰╯`.
    public static let rounded = BoxStyle(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
        horizontal: "─", vertical: "│")
    /// Heavy Unicode lines, for dialogs that ask for a dangerous confirmation: `┏━┓┃┗┛`.
    public static let heavy = BoxStyle(
        topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
        horizontal: "━", vertical: "┃")
    /// Plain ASCII: `+-|`.
    public static let ascii = BoxStyle(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        horizontal: "-", vertical: "|", isASCII: true)

    /// `.unicode` when the terminal can show UTF-8, else `.ascii`.
    public static func forTerminal(utf8: Bool) -> BoxStyle { utf8 ? .unicode : .ascii }
}

extension Grid {
    /// Draws a border around the edge of `rect` in `style`, with an optional title in `titleStyle` on the top
    /// edge (` Title `, clipped to fit). Does not touch the inside.
    public mutating func drawBox(
        _ rect: Rect, box: BoxStyle, style: Style, title: String? = nil,
        titleStyle: Style? = nil
    ) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            put(box.horizontal, x: x, y: rect.y, style: style, maxWidth: 1)
            put(box.horizontal, x: x, y: bottom, style: style, maxWidth: 1)
        }
        for y in (rect.y + 1)..<bottom {
            put(box.vertical, x: rect.x, y: y, style: style, maxWidth: 1)
            put(box.vertical, x: right, y: y, style: style, maxWidth: 1)
        }
        put(box.topLeft, x: rect.x, y: rect.y, style: style, maxWidth: 1)
        put(box.topRight, x: right, y: rect.y, style: style, maxWidth: 1)
        put(box.bottomLeft, x: rect.x, y: bottom, style: style, maxWidth: 1)
        put(box.bottomRight, x: right, y: bottom, style: style, maxWidth: 1)
        if let title, !title.isEmpty, rect.width >= 6 {
            let room = rect.width - 4
            put(
                " " + DisplayWidth.fit(title, columns: room - 2) + " ", x: rect.x + 2, y: rect.y,
                style: titleStyle ?? style, maxWidth: room)
        }
    }
}
