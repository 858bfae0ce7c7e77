import TerminalUI

extension Keymap {
    /// The keymap with some bindings' keys replaced, as the config file's `[keys]` table asks:
    /// `stop = "X"` or `mark = ["space", "x"]` (key names as in help: `space`, `enter`, `esc`, `ctrl-r`, `f5`, ...).
    /// Help and the hint bar show the new keys (a binding's label is made from its keys).
    public func remapped(_ overrides: [(name: String, keys: [String], line: Int)]) throws(KeymapError) -> Keymap {
        var copy = self
        for o in overrides {
            guard let index = copy.bindings.firstIndex(where: { $0.name == o.name }) else {
                let known = bindings.map(\.name).joined(separator: ", ")
                throw KeymapError("line \(o.line): no key action is called '\(o.name)' (known: \(known))")
            }
            var keys: [Key] = []
            for part in o.keys {
                guard let key = Key(name: part) else { throw KeymapError("line \(o.line): '\(part)' is not a key name (try x, space, enter, esc, tab, ctrl-r, f5, up, pgdn)") }
                keys.append(key)
            }
            guard !keys.isEmpty else { throw KeymapError("line \(o.line): give at least one key for '\(o.name)'") }
            copy.bindings[index].keys = keys
        }
        return copy
    }
}

/// A key remapping that cannot be applied; the text says which line and why.
public struct KeymapError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
