/// A table column: its title, how wide it may be, how important it is, and how its text is aligned.
public struct TableColumn: Hashable, Sendable {
    /// How a column's width is decided.
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// At least `min` columns, plus a share (by `weight`) of the spare room, up to `max` if given.
        case flexible(min: Int, max: Int? = nil, weight: Int = 1)
    }

    /// Horizontal placement of text in a column.
    public enum Alignment: Hashable, Sendable {
        /// Flush left.
        case left
        /// Flush right (numbers).
        case right
        /// Centred.
        case center
    }

    /// The header text.
    public var title: String
    /// The width rule.
    public var width: Width
    /// Importance: when the table is too narrow, the column with the lowest priority is dropped first
    /// (the right-most among equals). Higher values stay longer.
    public var priority: Int
    /// Text alignment for the header and the cells.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Width, priority: Int = 0, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.priority = priority
        self.alignment = alignment
    }

    /// The fewest columns it needs.
    public var minimumWidth: Int {
        switch width {
        case .fixed(let n): return max(0, n)
        case .flexible(let lo, _, _): return max(0, lo)
        }
    }
}

/// One cell of a table row: text and an optional theme role (for example `status.running`).
public struct TableCell: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// The text (untrusted text is fine: it is sanitised when drawn).
    public var text: String
    /// The role laid over the row's style; ignored on the cursor row, which has one style.
    public var role: ThemeRole?

    /// Creates a cell.
    public init(_ text: String, role: ThemeRole? = nil) {
        self.text = text
        self.role = role
    }

    /// A cell without a role.
    public init(stringLiteral value: String) { self.init(value) }
}

/// One table row.
public struct TableRow: Hashable, Sendable {
    /// The cells, one per column (missing cells are blank).
    public var cells: [TableCell]
    /// True when the row is marked (selected for an action).
    public var isMarked: Bool
    /// A role for the whole row (for example `dim` for rows that are out of date), under the cells' roles.
    public var role: ThemeRole?

    /// Creates a row.
    public init(_ cells: [TableCell], isMarked: Bool = false, role: ThemeRole? = nil) {
        self.cells = cells
        self.isMarked = isMarked
        self.role = role
    }
}

/// Where a visible column landed: which column, its left edge relative to the table, and its width.
public struct ColumnPlacement: Hashable, Sendable {
    /// Index into `Table.columns`.
    public var index: Int
    /// Left edge, relative to the table's area.
    public var x: Int
    /// Columns given to it.
    public var width: Int
}
