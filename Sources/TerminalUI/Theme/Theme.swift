/// A mapping from roles to styles, by name. Built-ins are compiled in (`Theme.builtin(named:)`); users can load
/// TOML files (`Theme.load(nameOrPath:userDirectory:)`).
public struct Theme: Hashable, Sendable {
    /// The theme's name (file name without `.toml`, or the built-in's name).
    public var name: String
    /// One line about the theme, from the file's top-level `description`.
    public var summary: String
    /// The styles. Roles not listed fall back as described in `subscript(_:)`.
    public var styles: [ThemeRole: Style]

    /// Creates a theme.
    public init(name: String, summary: String = "", styles: [ThemeRole: Style]) {
        self.name = name
        self.summary = summary
        self.styles = styles
    }

    /// The style for `role`: its own entry, else its parent's (`status.running` → `status`), else plain.
    public subscript(_ role: ThemeRole) -> Style {
        if let style = styles[role] { return style }
        var name = role.name
        while let dot = name.lastIndex(of: ".") {
            name = String(name[..<dot])
            if let style = styles[ThemeRole(name)] { return style }
        }
        return .plain
    }

    /// The same theme with every colour removed (see `Style.monochrome`), for terminals without colour.
    public var monochrome: Theme {
        Theme(name: name, summary: summary, styles: styles.mapValues(\.monochrome))
    }
}
