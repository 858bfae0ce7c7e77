import FleetCore
import FleetViewModel
import TerminalUI

/// One row of the key table: which keys, in which context, what they do. The help screen and the hint bar
/// are both generated from these rows, so they can never disagree with what the keys do.
public struct KeyBinding: Sendable {
    /// A stable name, used to remap the keys in the config file (`[keys] stop = "X"`).
    public var name: String
    public var keys: [Key]
    /// Takes every printable character besides `keys` (the filter text, the command line, a typed count); the
    /// character reaches the action as `KeyInput.typed`.
    public var typesText: Bool
    public var description: String
    /// A short label for the hint bar; `nil` keeps the binding out of it.
    public var hint: String?
    /// The binding whose first key the hint shows after this one's (`j/k move`), for the other half of a pair.
    public var hintPartner: String?
    public var contexts: Set<KeyContext>
    /// Where the hint bar shows the binding, when not everywhere it acts (a stop from the details is in their
    /// help, while their narrow hint bar keeps its room for scrolling and closing).
    public var hintContexts: Set<KeyContext>?
    /// Changes the fleet (stop, start): disabled, and shown greyed, when read-only.
    public var isDangerous: Bool
    /// The hint stays in the bar however narrow it is (help, quit).
    public var isPinned: Bool
    /// The hint's label and whether it is enabled, when they depend on the state (`s stop` or `s start`, dimmed
    /// when nothing can be sent); `nil` uses `hint` and read-only.
    public var hintFor: (@Sendable (FleetState) -> (label: String, enabled: Bool))?
    /// The action for the state and the screen's measures, or `nil` when the binding declines (the next one
    /// for the same key then gets a chance).
    public var action: @Sendable (_ state: FleetState, _ input: KeyInput) -> FleetAction?

    public init(
        named name: String, _ keys: [Key], typesText: Bool = false, _ description: String, hint: String? = nil,
        hintPartner: String? = nil,
        in contexts: Set<KeyContext>, hintIn hintContexts: Set<KeyContext>? = nil, dangerous: Bool = false,
        pinned: Bool = false,
        hintFor: (@Sendable (FleetState) -> (label: String, enabled: Bool))? = nil,
        action: @escaping @Sendable (FleetState, KeyInput) -> FleetAction?
    ) {
        self.name = name
        self.keys = keys
        self.typesText = typesText
        self.description = description
        self.hint = hint
        self.hintPartner = hintPartner
        self.contexts = contexts
        self.hintContexts = hintContexts
        self.isDangerous = dangerous
        self.isPinned = pinned
        self.hintFor = hintFor
        self.action = action
    }

    /// How the keys are written in help: `j, Down`. Made from the keys themselves, so a remapped binding
    /// shows its new keys and no key is ever listed under a binding it does not belong to.
    public var label: String {
        // The ten digits (the count prefix) read better as a range.
        if keys == (0...9).map({ Key.character(Character(String($0))) }) { return "0-9" }
        return (keys.map(\.helpName) + (typesText ? ["characters"] : [])).joined(separator: ", ")
    }

    /// Whether `key` is one of this binding's: one of `keys`, or a printable character when it types text.
    public func takes(_ key: Key) -> Bool {
        if keys.contains(key) { return true }
        if typesText, case .character = key { return true }
        return false
    }

    /// Whether the binding can act in this state (dangerous ones are off when read-only).
    public func isEnabled(in state: FleetState) -> Bool { !(isDangerous && state.readOnly) }
}

/// What a key's action may depend on besides the fleet state: the screen's measures, and the character typed.
public struct KeyInput: Sendable {
    /// Rows of the instance list on screen (a page), from the screen's layout.
    public var pageSize: Int
    /// In help, the details or the journal: how far that overlay scrolls, as the screen lays it out.
    public var overlay: ScrollBounds?
    /// The character pressed, for a binding that types text.
    public var typed: Character?
    /// In help: the first line of each entry holding a text, as the screen lays the help out.
    public var helpMatches: (@Sendable (String) -> [Int])?

    public init(
        pageSize: Int, overlay: ScrollBounds? = nil, typed: Character? = nil,
        helpMatches: (@Sendable (String) -> [Int])? = nil
    ) {
        self.pageSize = pageSize
        self.overlay = overlay
        self.typed = typed
        self.helpMatches = helpMatches
    }
}

extension Key {
    /// The key's name in help and the hint bar, in ASCII for the named keys (`Down`, `PgDn`, `Ctrl-R`) so
    /// the help reads the same on a terminal without UTF-8.
    public var helpName: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return description
        }
    }
}
