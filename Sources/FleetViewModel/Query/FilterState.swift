import FleetCore

/// The filter bar: the text being typed and the text last applied. While the operator types, the list follows
/// the typed text; `apply` keeps it, `cancel` goes back to the applied text.
public struct FilterState: Sendable, Equatable {
    /// The filter bar's text and cursor.
    public var line: TypedLine
    /// The text in the filter bar (set: the cursor goes to its end).
    public var text: String {
        get { line.text }
        set { line = TypedLine(newValue) }
    }
    /// The filter in force when not editing.
    public var applied: String
    /// Whether the filter bar has the keyboard.
    public var isEditing: Bool

    /// A filter bar with this text, applied text and editing flag.
    public init(text: String = "", applied: String = "", isEditing: Bool = false) {
        self.line = TypedLine(text)
        self.applied = applied
        self.isEditing = isEditing
    }

    /// The text the list is filtered by now: the typed text while editing, else the applied one.
    public var effectiveText: String { isEditing ? text : applied }

    /// The parsed filter in force now.
    public var query: InstanceQuery { InstanceQuery(parsing: effectiveText) }
}
