import Foundation
import TerminalUI

extension Keymap {
    /// The keymap with some bindings' keys replaced, as the config file's `[keys]` table asks: `stop = "X"` or
    /// `mark = ["space", "x"]` (key names as in help: `space`, `enter`, `esc`, `ctrl-r`, `f5`, ...). Help and the hint
    /// bar show the new keys (a binding's label is made from its keys).
    ///
    /// A remapping that cannot be honoured is not applied, and said: an unknown action, a key name that is not
    /// one, an action that takes typed text, or a key another action already has in a context the two share
    /// (a printable character where text is typed included). That action keeps its default keys.
    public func remapped(_ overrides: [(name: String, keys: [String], line: Int)]) -> (
        keymap: Keymap, problems: [KeymapProblem]
    ) {
        var copy = self
        var problems: [KeymapProblem] = []
        var remapped: [String: Int] = [:] // binding name -> config line
        for o in overrides {
            guard let index = copy.bindings.firstIndex(where: { $0.name == o.name }) else {
                let known = bindings.filter { !$0.typesText }.map(\.name).joined(separator: ", ")
                problems.append(KeymapProblem(line: o.line, "no key action is called '\(o.name)' (known: \(known))"))
                continue
            }
            guard !copy.bindings[index].typesText else {
                problems.append(
                    KeymapProblem(line: o.line, "'\(o.name)' takes the characters typed; it has no keys to remap"))
                continue
            }
            var keys: [Key] = []
            var bad: String?
            for part in o.keys.map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let key = Key(name: part) else {
                    bad = part
                    break
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if let bad {
                problems.append(
                    KeymapProblem(
                        line: o.line,
                        "'\(bad)' is not a key name (try x, space, enter, esc, tab, ctrl-r, f5, up, pgdn); '\(o.name)' keeps \(copy.bindings[index].label)"
                    ))
                continue
            }
            guard !keys.isEmpty else {
                problems.append(
                    KeymapProblem(
                        line: o.line, "give at least one key for '\(o.name)'; it keeps \(copy.bindings[index].label)"))
                continue
            }
            copy.bindings[index].keys = keys
            remapped[o.name] = o.line
        }
        // A remapped action that shares a key with another in some context goes back to its defaults; that can
        // bring a default key back that another remapping took, so look again until nothing collides.
        while let clash = copy.firstCollision(among: Set(remapped.keys), allowedBy: self) {
            var (name, other) = (clash.name, clash.other)
            // Between two remappings, the later line gives way.
            if let o = other, let theirs = remapped[o], let mine = remapped[name], theirs > mine {
                (name, other) = (o, name)
            }
            let line = remapped.removeValue(forKey: name) ?? 0
            guard let index = copy.bindings.firstIndex(where: { $0.name == name }) else { break }
            copy.bindings[index].keys = bindings.first { $0.name == name }?.keys ?? copy.bindings[index].keys
            let (key, context) = (clash.key, clash.context)
            let what = other.map { "is already '\($0)'" } ?? "is typed as text"
            problems.append(
                KeymapProblem(
                    line: line,
                    "\(key.helpName) for '\(name)' \(what) in \(context.title); '\(name)' keeps \(copy.bindings[index].label)"
                ))
        }
        return (copy, problems.sorted { $0.line < $1.line })
    }

    /// The first key a remapped binding (one of `names`) shares with another binding in a context both are in,
    /// or that is a printable character where text is typed: the binding, the other one (nil for typed text),
    /// the key and the context. Sharings the `defaults` table has on purpose (a binding that declines in some
    /// states, such as Esc cancelling a load) are not collisions.
    func firstCollision(among names: Set<String>, allowedBy defaults: Keymap) -> (
        name: String, other: String?, key: Key, context: KeyContext
    )? {
        func sharedByDefault(_ a: String, _ b: String, _ key: Key) -> Bool {
            defaults.bindings.contains { $0.name == a && $0.keys.contains(key) }
                && defaults.bindings.contains { $0.name == b && $0.keys.contains(key) }
        }
        for b in bindings where names.contains(b.name) {
            for context in KeyContext.allCases where b.contexts.contains(context) {
                for key in b.keys {
                    for other in bindings where other.name != b.name && other.contexts.contains(context) {
                        if other.keys.contains(key), !sharedByDefault(b.name, other.name, key) {
                            return (b.name, other.name, key, context)
                        }
                        if other.typesText, other.takes(key) { return (b.name, nil, key, context) }
                    }
                }
            }
        }
        return nil
    }
}

/// A key remapping that was not applied: the config file's line and why (the action keeps its default keys).
public struct KeymapProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public init(line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }
    public var description: String { "line \(line): \(reason)" }
}
