/// A named purpose a style serves ("status.running", "dialog.border"). Themes map roles to styles; widgets and
/// screens ask for roles, never for colours.
public struct ThemeRole: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The role's name as written in theme files.
    public let name: String

    /// A role by name (theme files may only use `ThemeRole.all`).
    public init(_ name: String) { self.name = name }

    /// A role by name.
    public init(stringLiteral value: String) { self.init(value) }

    /// The name.
    public var description: String { name }

    /// Orders by name.
    public static func < (a: ThemeRole, b: ThemeRole) -> Bool { a.name < b.name }

    /// Table header row.
    public static let header: ThemeRole = "header"
    /// Ordinary table row.
    public static let row: ThemeRole = "row"
    /// Every other table row, when the table stripes rows.
    public static let rowAlt: ThemeRole = "row.alt"
    /// The row under the cursor.
    public static let cursor: ThemeRole = "cursor"
    /// A marked (selected) row and its mark glyph.
    public static let mark: ThemeRole = "mark"
    /// Instance status Running.
    public static let statusRunning: ThemeRole = "status.running"
    /// Instance status Stopping.
    public static let statusStopping: ThemeRole = "status.stopping"
    /// Instance status Stopped.
    public static let statusStopped: ThemeRole = "status.stopped"
    /// Instance status Starting.
    public static let statusStarting: ThemeRole = "status.starting"
    /// Instance status Pending.
    public static let statusPending: ThemeRole = "status.pending"
    /// Dialog background and body text.
    public static let dialog: ThemeRole = "dialog"
    /// Dialog border.
    public static let dialogBorder: ThemeRole = "dialog.border"
    /// Dialog title on the border.
    public static let dialogTitle: ThemeRole = "dialog.title"
    /// A dialog button.
    public static let button: ThemeRole = "button"
    /// The focused dialog button.
    public static let buttonFocused: ThemeRole = "button.focused"
    /// Irreversible or destructive things: stop buttons, errors.
    public static let danger: ThemeRole = "danger"
    /// Warnings: skipped instances, throttling.
    public static let warning: ThemeRole = "warning"
    /// Success: operations that completed.
    public static let success: ThemeRole = "success"
    /// Hint bar labels.
    public static let hint: ThemeRole = "hint"
    /// Hint bar keys.
    public static let hintKey: ThemeRole = "hint.key"
    /// Small labels such as "READ-ONLY" or a region name.
    public static let badge: ThemeRole = "badge"
    /// Screen and section titles.
    public static let title: ThemeRole = "title"
    /// De-emphasised text, and disabled entries in help.
    public static let dim: ThemeRole = "dim"
    /// The status line at the bottom of the screen.
    public static let statusLine: ThemeRole = "status.line"
    /// Filled part of a progress bar.
    public static let progressDone: ThemeRole = "progress.done"
    /// Unfilled part of a progress bar.
    public static let progressTodo: ThemeRole = "progress.todo"
    /// Keys in the help screen.
    public static let helpKey: ThemeRole = "help.key"
    /// Text typed by the user (filter input).
    public static let input: ThemeRole = "input"
    /// Frame borders around panes.
    public static let border: ThemeRole = "border"

    /// Every role a theme file may set, in the order theme files list them.
    public static let all: [ThemeRole] = [
        .title, .header, .row, .rowAlt, .cursor, .mark,
        .statusRunning, .statusStarting, .statusStopping, .statusStopped, .statusPending,
        .dialog, .dialogBorder, .dialogTitle, .button, .buttonFocused,
        .danger, .warning, .success,
        .hint, .hintKey, .statusLine, .badge, .dim, .border, .input,
        .progressDone, .progressTodo, .helpKey,
    ]
}
