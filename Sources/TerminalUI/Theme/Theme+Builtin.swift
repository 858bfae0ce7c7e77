extension Theme {
    /// The names of the compiled-in themes, which are also shipped as `themes/NAME.toml`.
    public static let builtinNames: [String] = BuiltinThemeSource.all.map(\.name)

    /// The TOML text of a built-in theme, exactly as in `themes/NAME.toml`.
    public static func builtinSource(named name: String) -> String? {
        BuiltinThemeSource.all.first { $0.name == name }?.text
    }

    /// A compiled-in theme by name (`default`, `light`, `mono`, `high-contrast`, `colorblind`), or nil.
    public static func builtin(named name: String) -> Theme? { builtins[name] }

    /// The default theme: the 16 ANSI colours on the terminal's own background.
    // The force unwrap is safe: "default" is in `BuiltinThemeSource.all`, and a test checks every built-in parses.
    public static let `default`: Theme = builtins["default"]!

    /// The monochrome theme (bold, reverse, underline, dim only), for `NO_COLOR` and colourless terminals.
    // Safe for the same reason as `default`.
    public static let mono: Theme = builtins["mono"]!

    private static let builtins: [String: Theme] = {
        var themes: [String: Theme] = [:]
        for (name, text) in BuiltinThemeSource.all {
            do {
                themes[name] = try Theme.parse(text, name: name, file: "built-in theme \(name)")
            } catch {
                // Only reachable if a built-in's text is edited into an invalid file, which the tests catch.
                preconditionFailure("\(error)")
            }
        }
        return themes
    }()
}
