import FleetCore

/// The dialog over the instance list, if any.
public enum FleetDialog: Sendable, Equatable {
    /// No dialog.
    case none
    /// The stop dialog (targets, options, preview, confirmation).
    case stop(PowerDialogState)
    /// The start dialog (the same dialog for `StartInstances`).
    case start(PowerDialogState)
    /// Everything known about one instance, scrolled to line `scroll`.
    case details(instanceId: String, scroll: Int = 0)
    /// The key bindings, over whatever was open when they were asked for.
    indirect case help(HelpViewState)
    /// Past operations from the journal.
    case journal(JournalViewState)
    /// The `:` command line, with the text typed so far, its cursor and Tab's completions.
    case commandLine(CommandLineState)
    /// "An operation is still running. Quit anyway?"
    case quitConfirmation

    /// The stop or start dialog, if that is what is open, also while help is shown over it (refreshes and
    /// preview results keep reaching it there).
    public var power: PowerDialogState? {
        switch self {
        case .stop(let d), .start(let d): return d
        case .help(let h): return h.returnTo.power
        default: return nil
        }
    }

    /// What help was opened over, or this dialog when help is not open: the dialog the operator returns to.
    public var beneathHelp: FleetDialog {
        if case .help(let h) = self { return h.returnTo }
        return self
    }

    /// Whether a dialog is open.
    public var isOpen: Bool {
        if case .none = self { return false }
        return true
    }

    /// Wraps a stop/start dialog state in the matching case.
    static func power(_ d: PowerDialogState) -> FleetDialog { d.action == .stop ? .stop(d) : .start(d) }

    /// Changes the dialog beneath help (or this one when help is not open), keeping help over it.
    mutating func changeBeneathHelp(_ change: (inout FleetDialog) -> Void) {
        guard case .help(var h) = self else { return change(&self) }
        self = .none // drops the only other reference, so `change` does not copy the dialog's state
        change(&h.returnTo)
        self = .help(h)
    }
}
