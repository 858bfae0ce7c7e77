/// One terminal column: a character (one spacing scalar plus any combining marks) and its style.
///
/// A wide character (CJK, emoji) occupies two cells: the first holds the character, the second is a
/// *continuation* cell (empty text) that backends skip.
public struct Cell: Hashable, Sendable {
    /// The character shown, or "" for the second half of a wide character.
    public var text: String
    /// How it looks.
    public var style: Style

    /// Creates a cell.
    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", style: style) }

    /// The second half of a wide character.
    public static func continuation(_ style: Style) -> Cell { Cell("", style: style) }

    /// True for the second half of a wide character.
    public var isContinuation: Bool { text.isEmpty }

    /// Columns this cell's character takes: 2 for a wide character, 0 for a continuation cell, else 1.
    public var width: Int { isContinuation ? 0 : max(1, DisplayWidth.of(text)) }
}
