import FleetCore
import TerminalUI

/// The key table (a contract for tests and for operators' fingers), and how a key becomes an action.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = Keymap.standard) { self.bindings = bindings }

    /// The action for a key in this state, or `nil` when the key does nothing here.
    public func action(for event: KeyEvent, state: FleetState, pageSize: Int) -> FleetAction? {
        let context = KeyContext.of(state)
        if let typed = textEntry(event, context: context, state: state) { return typed }
        for b in bindings where b.contexts.contains(context) && b.keys.contains(event.key) {
            guard b.isEnabled(in: state) else { return nil }
            if let a = b.action(state, pageSize) { return a }
        }
        return nil
    }

    /// Typing into the filter line, the command line and the typed confirmation.
    func textEntry(_ event: KeyEvent, context: KeyContext, state: FleetState) -> FleetAction? {
        switch context {
        case .filter:
            switch event.key {
            case .character(let c): return .editFilter(state.filter.text + String(c))
            case .backspace: return .editFilter(String(state.filter.text.dropLast()))
            case .ctrl("u"): return .editFilter("")
            default: return nil
            }
        case .commandLine:
            guard case .commandLine(let text) = state.dialog else { return nil }
            switch event.key {
            case .character(let c): return .typeCharacter(c)
            case .backspace: return text.isEmpty ? .cancelDialog : .typeBackspace
            default: return nil
            }
        case .confirm:
            switch event.key {
            case .character(let c): return .typeCharacter(c)
            case .backspace: return .typeBackspace
            case .enter: return .typeEnter
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The hint bar for the state's context: enabled bindings with a hint, in table order.
    public func hints(for state: FleetState) -> [KeyHint] {
        let context = KeyContext.of(state)
        return bindings.filter { $0.contexts.contains(context) && $0.hint != nil }
            .map { KeyHint($0.label.split(separator: ",").first.map(String.init) ?? $0.label, $0.hint!, enabled: $0.isEnabled(in: state)) }
    }

    /// The help screen: one section per context, the current one first; read-only greys out dangerous keys.
    public func helpSections(for state: FleetState, current: KeyContext) -> [HelpSection] {
        let order = [current] + KeyContext.allCases.filter { $0 != current && $0 != .help }
        return order.compactMap { context in
            let entries = bindings.filter { $0.contexts.contains(context) }
                .map { HelpEntry(keys: $0.label, description: $0.description + ($0.isEnabled(in: state) ? "" : " (read-only)"),
                                 enabled: $0.isEnabled(in: state)) }
            return entries.isEmpty ? nil : HelpSection(context.title, entries)
        }
    }
}
