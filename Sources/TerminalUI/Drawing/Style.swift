/// How a cell looks: colours and attributes.
public struct Style: Hashable, Sendable {
    /// Foreground colour.
    public var fg: Color
    /// Background colour.
    public var bg: Color
    /// Bold (often also brighter).
    public var bold: Bool
    /// Dim (faint).
    public var dim: Bool
    /// Foreground and background swapped.
    public var reverse: Bool
    /// Underlined.
    public var underline: Bool

    /// Creates a style; every part defaults to the terminal's own.
    public init(
        fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()

    /// This style with `overlay` laid on top: the overlay's colours replace these unless they are `.default`
    /// (which means "keep what is beneath"), and attributes are combined.
    public func patched(with overlay: Style) -> Style {
        Style(
            fg: overlay.fg == .default ? fg : overlay.fg,
            bg: overlay.bg == .default ? bg : overlay.bg,
            bold: bold || overlay.bold, dim: dim || overlay.dim,
            reverse: reverse || overlay.reverse, underline: underline || overlay.underline)
    }

    /// This style without colours, for terminals that have none: attributes are kept, and a style that set a
    /// background colour (a highlight such as a cursor row) becomes reverse video so it stays visible.
    public var monochrome: Style {
        Style(bold: bold, dim: dim, reverse: reverse || bg != .default, underline: underline)
    }
}
