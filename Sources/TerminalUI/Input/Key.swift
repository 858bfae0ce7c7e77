/// A key, independent of the terminal that reported it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (letters keep their case; Space is `" "`).
    case character(Character)
    /// Control plus a letter, stored lowercase (`.ctrl("c")`). Tab, Enter and Backspace are their own keys.
    case ctrl(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Enter / Return.
    case enter
    /// Escape.
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace.
    case backspace
    /// Delete (forward).
    case delete
    /// Insert.
    case insert
    /// A function key, F1 to F12 (`.function(1)`).
    case function(Int)

    /// A stable lowercase name for key maps and config: `"q"`, `"space"`, `"ctrl-c"`, `"pgdn"`, `"f1"`.
    public var name: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "ctrl-" + String(c)
        case .function(let n): return "f\(n)"
        default: return Self.namedKeys.first { $0.1 == self }?.0 ?? "?"
        }
    }

    /// Parses a name made by `name` (case-insensitive for everything but single characters, and also
    /// accepting `C-x`, `^x`, `return`, `esc`, `pageup`, `pagedown`, `shift-tab`).
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            self = .character(c)
            return
        }
        let n = name.lowercased()
        if let found = Self.namedKeys.first(where: { $0.0 == n }) {
            self = found.1
            return
        }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where n.hasPrefix(prefix) {
            let rest = n.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
            self = .ctrl(c)
            return
        }
        if n.hasPrefix("f"), let k = Int(n.dropFirst()), (1...12).contains(k) {
            self = .function(k)
            return
        }
        return nil
    }

    /// How hints and help show the key: `q`, `Space`, `Ctrl-C`, `PgDn`, `↑`, `F1`.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        }
    }

    static let namedKeys: [(String, Key)] = [
        ("space", .character(" ")), ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("pgup", .pageUp), ("pageup", .pageUp), ("pgdn", .pageDown), ("pagedown", .pageDown),
        ("home", .home), ("end", .end), ("enter", .enter), ("return", .enter), ("esc", .escape),
        ("escape", .escape), ("tab", .tab), ("backtab", .backTab), ("shift-tab", .backTab),
        ("backspace", .backspace), ("delete", .delete), ("del", .delete), ("insert", .insert),
    ]
}
