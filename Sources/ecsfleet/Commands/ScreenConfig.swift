import Foundation
import FleetTUI
import TerminalUI

/// `$XDG_CONFIG_HOME/ecsfleet/config.toml`: `theme = "NAME"` at the top, and a `[keys]` table that remaps
/// key actions by name (`stop = "X"`, `mark = "space,x"`; the names are listed in the message for an unknown one).
/// A remapping that cannot be honoured (unknown action or key, or a key another action has in the same screen)
/// leaves that action's default keys and is reported in `keyProblems`; the rest of the file still applies.
struct ScreenConfig {
    var theme: String?
    var keymap = Keymap()
    /// The remappings not applied, each with its line in the file.
    var keyProblems: [KeymapProblem] = []

    static func load(path: String) throws(CommandError) -> ScreenConfig {
        var config = ScreenConfig()
        guard let data = FileManager.default.contents(atPath: path) else { return config }
        let tables: [TOMLTable]
        do { tables = try TOML.parse(String(decoding: data, as: UTF8.self)) } catch { throw .usage("\(path): \(error)") }
        var overrides: [(name: String, keys: String, line: Int)] = []
        for table in tables {
            for entry in table.entries {
                guard case let .string(value) = entry.value else { throw .usage("\(path): line \(entry.line): \(entry.key) must be a string") }
                switch table.name {
                case "" where entry.key == "theme": config.theme = value
                case "keys": overrides.append((entry.key, value, entry.line))
                default: throw .usage("\(path): line \(entry.line): unknown setting \(table.name.isEmpty ? "" : table.name + ".")\(entry.key)")
                }
            }
        }
        let (keymap, problems) = Keymap().remapped(overrides)
        config.keymap = keymap
        config.keyProblems = problems
        return config
    }
}
