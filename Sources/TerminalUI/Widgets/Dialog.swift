/// A button in a dialog, shown as `[c] Cancel`.
public struct DialogButton: Hashable, Sendable {
    /// The key that presses it.
    public var key: Character
    /// The label.
    public var label: String
    /// True for irreversible actions (drawn in the `danger` role when not focused).
    public var isDangerous: Bool

    /// Creates a button.
    public init(key: Character, label: String, isDangerous: Bool = false) {
        self.key = key
        self.label = label
        self.isDangerous = isDangerous
    }

    /// `[c] Cancel`.
    public var text: String { "[\(key)] \(label)" }
    /// `[c]`, used when the labels do not fit.
    public var shortText: String { "[\(key)]" }
}

/// A centred, bordered box with a title, body lines and a row of buttons, one of them focused.
public struct Dialog: Hashable, Sendable {
    /// Shown on the top border.
    public var title: String
    /// The body, one entry per row (too-long lines end in `…`; use `TextWrap` to wrap first).
    public var body: [TextLine]
    /// Buttons, left to right.
    public var buttons: [DialogButton]
    /// The focused button's index (what Enter presses), or nil.
    public var focusedButton: Int?
    /// Border characters.
    public var box: BoxStyle
    /// The narrowest the box may be (it is never wider than the area).
    public var minWidth: Int
    /// Draw the border in the `danger` role, for confirmations of irreversible actions.
    public var isDangerous: Bool

    /// Creates a dialog.
    public init(
        title: String, body: [TextLine], buttons: [DialogButton] = [], focusedButton: Int? = nil,
        box: BoxStyle = .unicode, minWidth: Int = 36, isDangerous: Bool = false
    ) {
        self.title = title
        self.body = body
        self.buttons = buttons
        self.focusedButton = focusedButton
        self.box = box
        self.minWidth = minWidth
        self.isDangerous = isDangerous
    }

    /// Rows the box needs: border, padding, body, padding, buttons, border.
    var chromeHeight: Int { buttons.isEmpty ? 4 : 5 }

    /// The outer box inside `area`: wide enough for the title, body and buttons (plus a 1-column margin each
    /// side inside the border), at least `minWidth`, centred, and never larger than `area`.
    public func frame(in area: Rect) -> Rect {
        let titleWidth = DisplayWidth.of(Sanitizer.clean(title)) + 6
        let bodyWidth = (body.map(\.width).max() ?? 0) + 4
        let buttonWidth = buttonRowWidth(short: false) + 4
        let width = min(Self.maxWidth(in: area, minWidth: minWidth), max(minWidth, titleWidth, bodyWidth, buttonWidth))
        return area.centered(width: width, height: body.count + chromeHeight)
    }

    /// The widest box `frame` makes in `area` for a dialog of at least `minWidth`: 2 columns clear each side
    /// when there is room.
    public static func maxWidth(in area: Rect, minWidth: Int) -> Int {
        area.width >= minWidth + 4 ? area.width - 4 : area.width
    }

    /// Draws the dialog centred in `area` and returns the body's rectangle (inside the border and margins),
    /// where a caller may draw extra content such as a progress bar over blank body lines.
    @discardableResult
    public func render(into grid: inout Grid, area: Rect, theme: Theme) -> Rect {
        let frame = frame(in: area)
        guard frame.width >= 2 && frame.height >= 2 else { return Rect(x: frame.x, y: frame.y, width: 0, height: 0) }
        let style = theme[.dialog]
        grid.fill(frame, style: style)
        let borderStyle = style.patched(with: isDangerous ? theme[.danger] : theme[.dialogBorder])
        grid.drawBox(
            frame, box: box, style: borderStyle, title: title, titleStyle: style.patched(with: theme[.dialogTitle]))
        let inner = frame.insetBy(dx: 2, dy: 1)
        let bodyRows = max(0, min(body.count, inner.height - (chromeHeight - 2)))
        let bodyRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: bodyRows)
        for (i, line) in body.prefix(bodyRows).enumerated() {
            grid.put(line, x: bodyRect.x, y: bodyRect.y + i, base: style, theme: theme, maxWidth: bodyRect.width)
        }
        if !buttons.isEmpty && inner.height >= 1 {
            drawButtons(into: &grid, row: inner.maxY - 1, inner: inner, theme: theme)
        }
        return bodyRect
    }

    /// The button under (x, y) when rendered into `area`, for mouse clicks.
    public func button(atX x: Int, y: Int, in area: Rect) -> Int? {
        let inner = frame(in: area).insetBy(dx: 2, dy: 1)
        guard !buttons.isEmpty, y == inner.maxY - 1 else { return nil }
        for (i, span) in buttonSpans(inner: inner).enumerated() where x >= span.x && x < span.x + span.width {
            return i
        }
        return nil
    }

    func buttonRowWidth(short: Bool) -> Int {
        let widths = buttons.map { DisplayWidth.of(short ? $0.shortText : $0.text) }
        return widths.reduce(0, +) + 2 * max(0, buttons.count - 1)
    }

    /// Each button's left edge and width on the button row, centred in `inner`.
    func buttonSpans(inner: Rect) -> [(x: Int, width: Int, text: String)] {
        let short = buttonRowWidth(short: false) > inner.width
        var x = inner.x + max(0, (inner.width - buttonRowWidth(short: short)) / 2)
        return buttons.map { button in
            let text = short ? button.shortText : button.text
            defer { x += DisplayWidth.of(text) + 2 }
            return (x, DisplayWidth.of(text), text)
        }
    }

    func drawButtons(into grid: inout Grid, row y: Int, inner: Rect, theme: Theme) {
        let base = theme[.dialog]
        for (i, span) in buttonSpans(inner: inner).enumerated() {
            let button = buttons[i]
            var style = base.patched(with: theme[.button])
            if i == focusedButton {
                style = base.patched(with: theme[.buttonFocused])
            } else if button.isDangerous {
                style = style.patched(with: theme[.danger])
            }
            let room = inner.maxX - span.x
            guard room > 0 else { break }
            grid.put(span.text, x: span.x, y: y, style: style, maxWidth: room)
        }
    }
}
