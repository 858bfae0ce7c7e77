import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI

/// `$XDG_CONFIG_HOME/ecsfleet/config.toml`: `theme = "NAME"`, `notify = false` and `columns = "name,status,ip"`
/// (as `:columns` takes them) at the top, and a `[keys]` table that remaps
/// key actions by name (`stop = "X"`, `mark = ["space", "x"]`, or the older `mark = "space,x"`; the names are
/// listed in the message for an unknown one).
/// A remapping that cannot be honoured (unknown action or key, or a key another action has in the same screen)
/// leaves that action's default keys and is reported in `keyProblems`; the rest of the file still applies.
struct ScreenConfig {
    var theme: String?
    /// Whether the end of a long operation rings the bell and sends a desktop notification.
    var notify = true
    /// The list's columns at start (`columns = "name,status,ip"`, `"+tags -lock"`, or a list of names).
    var columns = ColumnChoice.standard
    var keymap = Keymap()
    /// The remappings not applied, each with its line in the file.
    var keyProblems: [KeymapProblem] = []

    static func load(path: String) throws(CommandError) -> ScreenConfig {
        var config = ScreenConfig()
        guard let data = FileManager.default.contents(atPath: path) else { return config }
        let tables: [TOMLSection]
        do { tables = try TOML.parse(String(decoding: data, as: UTF8.self)) } catch {
            throw .usage("\(path): \(error)")
        }
        var overrides: [(name: String, keys: [String], line: Int)] = []
        for table in tables {
            for entry in table.entries {
                switch (table.name, entry.key) {
                case ("", "theme"):
                    guard case .string(let value) = entry.value else {
                        throw .usage("\(path): line \(entry.line): theme must be a string in quotes")
                    }
                    config.theme = value
                case ("", "notify"):
                    guard case .boolean(let value) = entry.value else {
                        throw .usage("\(path): line \(entry.line): notify must be true or false")
                    }
                    config.notify = value
                case ("", "columns"):
                    guard let words = keyNames(entry.value) else {
                        throw .usage(
                            "\(path): line \(entry.line): columns must be names in quotes, such as \"name,status,ip\"")
                    }
                    do {
                        if let change = try ColumnChoice.parse(words) {
                            config.columns = config.columns.applying(change)
                        }
                    } catch {
                        throw .usage("\(path): line \(entry.line): columns: \(error.description)")
                    }
                case ("keys", _):
                    guard let keys = keyNames(entry.value) else {
                        throw .usage(
                            "\(path): line \(entry.line): \(entry.key) must be a key name or a list of them, such as [\"space\", \"x\"]"
                        )
                    }
                    overrides.append((entry.key, keys, entry.line))
                default:
                    throw .usage(
                        "\(path): line \(entry.line): unknown setting \(table.name.isEmpty ? "" : table.name + ".")\(entry.key)"
                    )
                }
            }
        }
        let (keymap, problems) = Keymap().remapped(overrides)
        config.keymap = keymap
        config.keyProblems = problems
        return config
    }

    /// The keys of a `[keys]` setting: an array of names, or one string with names separated by commas (the
    /// form earlier versions read).
    static func keyNames(_ value: TOMLEntry.Value) -> [String]? {
        switch value {
        case .string(let text): return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        case .array(let values):
            var names: [String] = []
            for case .string(let name) in values { names.append(name) }
            return names.count == values.count ? names : nil
        default: return nil
        }
    }
}
