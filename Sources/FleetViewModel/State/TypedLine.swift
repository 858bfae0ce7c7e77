/// A line the operator types (the filter line, the command line): its text and a cursor in it, edited as a
/// shell's line is. The cursor counts characters (grapheme clusters), so a CJK character or an accented letter
/// is one step however many columns or scalars it takes.
public struct TypedLine: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text typed.
    public private(set) var text: String
    /// How many characters are before the cursor (0 to the text's length).
    public private(set) var cursor: Int

    /// `text` with the cursor at `cursor` (clamped), or at the end.
    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        let count = text.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

    /// A line with the cursor at its end.
    public init(stringLiteral value: String) { self.init(value) }

    /// The text before the cursor.
    public var beforeCursor: Substring { text.prefix(cursor) }

    /// The text from the cursor on.
    public var afterCursor: Substring { text.dropFirst(cursor) }

    /// Applies one editing key.
    public mutating func apply(_ edit: LineEdit) {
        let before = beforeCursor
        let after = afterCursor
        switch edit {
        case .insert(let typed):
            text = String(before) + typed + String(after)
            cursor += typed.count
        case .eraseBackward:
            guard cursor > 0 else { return }
            text = String(before.dropLast()) + String(after)
            cursor -= 1
        case .eraseForward:
            text = String(before) + String(after.dropFirst())
        case .eraseWordBackward:
            // A shell's Ctrl-W: the spaces before the cursor, then the word before them.
            var kept = before
            while kept.last == " " { kept.removeLast() }
            while let last = kept.last, last != " " { kept.removeLast() }
            text = String(kept) + String(after)
            cursor = kept.count
        case .eraseToStart:
            text = String(after)
            cursor = 0
        case .eraseToEnd:
            text = String(before)
        case .moveLeft: cursor = max(0, cursor - 1)
        case .moveRight: cursor = min(text.count, cursor + 1)
        case .moveToStart: cursor = 0
        case .moveToEnd: cursor = text.count
        }
    }

    /// The line after `edit`.
    public func applying(_ edit: LineEdit) -> TypedLine {
        var copy = self
        copy.apply(edit)
        return copy
    }
}

/// One editing key of a typed line: the same in the filter line and the command line.
public enum LineEdit: Sendable, Equatable {
    /// Inserts text at the cursor (a typed character, or a completion).
    case insert(String)
    /// Backspace: the character before the cursor.
    case eraseBackward
    /// Delete: the character under the cursor.
    case eraseForward
    /// Ctrl-W: the word before the cursor.
    case eraseWordBackward
    /// Ctrl-U: everything before the cursor.
    case eraseToStart
    /// Ctrl-K: everything from the cursor on.
    case eraseToEnd
    /// Left: one character back.
    case moveLeft
    /// Right: one character on.
    case moveRight
    /// Ctrl-A, Home: to the start.
    case moveToStart
    /// Ctrl-E, End: to the end.
    case moveToEnd
}
