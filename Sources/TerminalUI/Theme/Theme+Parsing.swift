extension Theme {
    /// The keys a role's table may set.
    public static let styleKeys = ["fg", "bg", "bold", "dim", "reverse", "underline"]

    /// Parses a theme file.
    ///
    /// Top-level keys (before any table): `description` (a string) and `extends` (a built-in theme's name).
    /// Each `[role]` table (a name from `ThemeRole.all`) may set `fg` and `bg` (an ANSI name such as `"red"` or
    /// `"bright-blue"`, a palette index `0`...`255` written bare or quoted, `"#RRGGBB"`, or `"default"`) and
    /// `bold`, `dim`, `reverse`, `underline` (`true`/`false`). Roles the file does not set are taken from the
    /// theme named by `extends`, else from `base` (nil: left unset, so they fall back to their parent role).
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - name: The theme's name.
    ///   - file: The path (or other label) used in error messages.
    ///   - base: Where unset roles come from when the file has no `extends`.
    /// - Throws: `ThemeError` with the file, the line and what is wrong.
    public static func parse(
        _ text: String, name: String, file: String? = nil,
        base: Theme? = nil
    ) throws(ThemeError) -> Theme {
        let tables: [TOMLSection]
        do { tables = try TOML.parse(text) } catch {
            throw ThemeError(file: file, line: error.line, message: error.message)
        }
        func fail(_ line: Int?, _ message: String) -> ThemeError {
            ThemeError(file: file, line: line, message: message)
        }

        var summary = ""
        var inherited = base
        for entry in tables[0].entries {
            switch (entry.key, entry.value) {
            case ("description", .string(let s)): summary = s
            case ("extends", .string(let s)):
                guard let theme = builtin(named: s) else {
                    throw fail(
                        entry.line,
                        "extends = \"\(s)\": no built-in theme has that name "
                            + "(built-ins: \(builtinNames.joined(separator: ", ")))")
                }
                inherited = theme
            case ("description", _), ("extends", _):
                throw fail(entry.line, "'\(entry.key)' must be a string in quotes")
            default:
                throw fail(
                    entry.line,
                    "unknown top-level key '\(entry.key)' (expected description or extends; "
                        + "styles go in [role] tables)")
            }
        }

        var styles = inherited?.styles ?? [:]
        let known = Set(ThemeRole.all)
        for table in tables.dropFirst() {
            let role = ThemeRole(table.name)
            guard known.contains(role) else {
                throw fail(
                    table.line,
                    "unknown role [\(table.name)] (known roles: "
                        + ThemeRole.all.map(\.name).joined(separator: ", ") + ")")
            }
            var style = Style()
            for entry in table.entries {
                switch entry.key {
                case "fg", "bg":
                    let color: Color
                    switch entry.value {
                    case .string(let s):
                        guard let c = Color(parsing: s) else {
                            throw fail(
                                entry.line,
                                "\(entry.key) = \"\(s)\" in [\(table.name)] is not a colour "
                                    + "(use an ANSI name like \"red\" or \"bright-blue\", 0-255, \"#RRGGBB\" or \"default\")"
                            )
                        }
                        color = c
                    case .integer(let n):
                        guard (0...255).contains(n) else {
                            throw fail(
                                entry.line, "\(entry.key) = \(n) in [\(table.name)] is outside the palette 0-255")
                        }
                        color = .indexed(UInt8(n))
                    case .boolean, .array:
                        throw fail(entry.line, "\(entry.key) in [\(table.name)] must be a colour, not \(entry.value)")
                    }
                    if entry.key == "fg" { style.fg = color } else { style.bg = color }
                case "bold", "dim", "reverse", "underline":
                    guard case .boolean(let b) = entry.value else {
                        throw fail(
                            entry.line,
                            "\(entry.key) in [\(table.name)] must be true or false, "
                                + "not \(entry.value)")
                    }
                    switch entry.key {
                    case "bold": style.bold = b
                    case "dim": style.dim = b
                    case "reverse": style.reverse = b
                    default: style.underline = b
                    }
                default:
                    throw fail(
                        entry.line,
                        "unknown key '\(entry.key)' in [\(table.name)] (expected "
                            + styleKeys.joined(separator: ", ") + ")")
                }
            }
            styles[role] = style
        }
        return Theme(name: name, summary: summary, styles: styles)
    }

    /// The theme as a file `parse` reads back to an equal theme (roles in `ThemeRole.all` order).
    public func toTOML() -> String {
        var out = "# ecsfleet theme \"\(name)\"\n"
        if !summary.isEmpty { out += "description = \"\(summary)\"\n" }
        for role in ThemeRole.all {
            guard let style = styles[role] else { continue }
            out += "\n[\(role.name)]\n"
            if style.fg != .default { out += "fg = \"\(style.fg.themeName)\"\n" }
            if style.bg != .default { out += "bg = \"\(style.bg.themeName)\"\n" }
            if style.bold { out += "bold = true\n" }
            if style.dim { out += "dim = true\n" }
            if style.reverse { out += "reverse = true\n" }
            if style.underline { out += "underline = true\n" }
        }
        return out
    }
}
