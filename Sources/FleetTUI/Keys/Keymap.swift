import FleetCore
import FleetViewModel
import TerminalUI

/// The key table (a contract for tests and for operators' fingers), and how a key becomes an action.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = Keymap.standard) { self.bindings = bindings }

    /// The action for a key in this state, or `nil` when the key does nothing here. `pageSize` is the number
    /// of instance rows on screen (the terminal's height less 4); overlays are measured from it.
    public func action(for event: KeyEvent, state: FleetState, pageSize: Int) -> FleetAction? {
        let context = KeyContext.of(state)
        if let typed = textEntry(event, context: context, state: state) { return typed }
        var measured: KeyInput?
        for b in bindings where b.contexts.contains(context) && b.keys.contains(event.key) {
            guard b.isEnabled(in: state) else { return .refusedReadOnly(key: "\(event.key.helpName) (\(b.hint ?? b.name))") }
            // Measured once, when some binding has the key; only an open overlay costs anything to measure.
            let input = measured ?? KeyInput(pageSize: pageSize, overlay: OverlayLayout.bounds(state, keymap: self, bodyHeight: pageSize + 1))
            measured = input
            if let a = b.action(state, input) { return a }
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
        case .confirm, .confirmCount:
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

    /// The hint bar for the state's context: bindings with a hint, in table order, by their first key (and
    /// their partner's: `j/k move`); disabled ones are dimmed, and ones that decline in this state (`f force` in
    /// the start dialog) are left out.
    public func hints(for state: FleetState) -> [KeyHint] {
        let context = KeyContext.of(state)
        // Any overlay length will do: only whether a binding acts at all is asked.
        let probe = KeyInput(pageSize: 10, overlay: ScrollBounds(lines: 2, rows: 1))
        return bindings.filter { $0.contexts.contains(context) && ($0.hintContexts ?? $0.contexts).contains(context) && $0.hint != nil && $0.action(state, probe) != nil }.map { b in
            let partner = b.hintPartner.flatMap { name in bindings.first { $0.name == name } }?.keys.first?.helpName
            let key = b.keys.first?.helpName ?? ""
            let (label, enabled) = b.hintFor?(state) ?? (b.hint ?? "", true)
            return KeyHint(partner.map { key + "/" + $0 } ?? key, label, enabled: enabled && b.isEnabled(in: state), pinned: b.isPinned)
        }
    }

    /// The help screen: one section per context, the current one first, one row per binding labelled with
    /// its own keys; read-only greys out dangerous keys and says so first (long descriptions are cut at 80
    /// columns). Help's own keys are in the hint bar while it is open.
    public func helpSections(for state: FleetState, current: KeyContext) -> [HelpSection] {
        let order = [current] + KeyContext.allCases.filter { $0 != current && $0 != .help }
        return order.compactMap { context in
            let entries = bindings.filter { $0.contexts.contains(context) }
                .map { HelpEntry(keys: $0.label, description: ($0.isEnabled(in: state) ? "" : "(read-only) ") + $0.description,
                                 enabled: $0.isEnabled(in: state)) }
            return entries.isEmpty ? nil : HelpSection(context.title, entries)
        }
    }

    /// The help for the state: when help is open, the sections of the screen it was opened over.
    public func helpSections(for state: FleetState) -> [HelpSection] {
        helpSections(for: state, current: KeyContext.helpTopic(of: state))
    }
}
