import FleetCore
import FleetViewModel
import TerminalUI

/// The key table (a contract for tests and for operators' fingers), and how a key becomes an action.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = Keymap.standard) { self.bindings = bindings }

    /// The action for a key in this state on a screen laid out as `layout`, or `nil` when the key does nothing
    /// here. Every key goes through the table, typed text included: a binding's own keys come first, then the
    /// context's text binding (filter, command line, typed count) takes any other printable character.
    public func action(for event: KeyEvent, state: FleetState, layout: ScreenLayout) -> FleetAction? {
        let context = KeyContext.of(state)
        let inContext = bindings.filter { $0.contexts.contains(context) }
        let own = inContext.filter { $0.keys.contains(event.key) }
        let typing = inContext.filter { !$0.keys.contains(event.key) && $0.takes(event.key) }
        var measured: KeyInput?
        for b in own + typing {
            guard b.isEnabled(in: state) else {
                return .refusedReadOnly(key: "\(event.key.helpName) (\(b.hint ?? b.name))")
            }
            // Measured once, when some binding has the key; only an open overlay costs anything to measure.
            var input =
                measured
                ?? KeyInput(
                    pageSize: layout.pageSize, overlay: OverlayLayout.bounds(state, keymap: self, body: layout.body),
                    helpMatches: OverlayLayout.helpMatches(state, keymap: self, body: layout.body))
            measured = input
            // The character pressed: a text binding types it, and a binding of several characters (the count
            // prefix's digits) reads which one it was.
            if case .character(let c) = event.key { input.typed = c }
            if let a = b.action(state, input) { return a }
        }
        return nil
    }

    /// The hint bar for the state's context: bindings with a hint, in table order, by their first key (and
    /// their partner's: `j/k move`); disabled ones are dimmed, and ones that decline in this state (`f force` in
    /// the start dialog) are left out.
    public func hints(for state: FleetState) -> [KeyHint] {
        let context = KeyContext.of(state)
        // Any overlay length will do: only whether a binding acts at all is asked.
        let probe = KeyInput(pageSize: 10, overlay: ScrollBounds(lines: 2, rows: 1), helpMatches: { _ in [0] })
        return bindings.filter {
            $0.contexts.contains(context) && ($0.hintContexts ?? $0.contexts).contains(context) && $0.hint != nil
                && $0.action(state, probe) != nil
        }.map { b in
            let partner = b.hintPartner.flatMap { name in bindings.first { $0.name == name } }?.keys.first?.helpName
            let key = b.keys.first?.helpName ?? ""
            let (label, enabled) = b.hintFor?(state) ?? (b.hint ?? "", true)
            return KeyHint(
                partner.map { key + "/" + $0 } ?? key, label, enabled: enabled && b.isEnabled(in: state),
                pinned: b.isPinned)
        }
    }

    /// The help screen: one section per context, the current one first, one row per binding labelled with
    /// its own keys; read-only greys out dangerous keys and says so first (long descriptions wrap). Help's own
    /// keys (scrolling, `/` to search) are among them.
    public func helpSections(for state: FleetState, current: KeyContext) -> [HelpSection] {
        let order = [current] + KeyContext.allCases.filter { $0 != current }
        return order.compactMap { context in
            let entries = bindings.filter { $0.contexts.contains(context) }
                .map {
                    HelpEntry(
                        keys: $0.label, description: ($0.isEnabled(in: state) ? "" : "(read-only) ") + $0.description,
                        enabled: $0.isEnabled(in: state))
                }
            return entries.isEmpty ? nil : HelpSection(context.title, entries)
        }
    }

    /// The help for the state: when help is open, the sections of the screen it was opened over.
    public func helpSections(for state: FleetState) -> [HelpSection] {
        helpSections(for: state, current: KeyContext.helpTopic(of: state))
    }
}
