import FleetCore
import TerminalUI

/// One row of the key table: which keys, in which context, what they do. The help screen and the hint bar
/// are both generated from these rows, so they can never disagree with what the keys do.
public struct KeyBinding: Sendable {
    /// A stable name, used to remap the keys in the config file (`[keys] stop = "X"`).
    public var name: String
    public var keys: [Key]
    /// How the keys are written in help (`j/k, ↑/↓`).
    public var label: String
    public var description: String
    /// A short label for the hint bar; `nil` keeps the binding out of it.
    public var hint: String?
    public var contexts: Set<KeyContext>
    /// Changes the fleet (stop, start): disabled, and shown greyed, when read-only.
    public var isDangerous: Bool
    /// The action for the state; `pageSize` is the number of visible rows.
    public var action: @Sendable (_ state: FleetState, _ pageSize: Int) -> FleetAction?

    public init(named name: String, _ keys: [Key], _ label: String, _ description: String, hint: String? = nil, in contexts: Set<KeyContext>,
                dangerous: Bool = false, action: @escaping @Sendable (FleetState, Int) -> FleetAction?) {
        self.name = name; self.keys = keys; self.label = label; self.description = description; self.hint = hint
        self.contexts = contexts; self.isDangerous = dangerous; self.action = action
    }

    /// Whether the binding can act in this state (dangerous ones are off when read-only).
    public func isEnabled(in state: FleetState) -> Bool { !(isDangerous && state.readOnly) }
}
