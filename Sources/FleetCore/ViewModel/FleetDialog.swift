/// The dialog over the instance list, if any.
public enum FleetDialog: Sendable, Equatable {
    /// No dialog.
    case none
    /// The stop dialog (targets, options, preview, confirmation).
    case stop(StopDialogState)
    /// The start dialog (the same dialog for `StartInstances`).
    case start(StopDialogState)
    /// Everything known about one instance.
    case details(instanceId: String)
    /// The key bindings.
    case help
    /// Past operations from the journal.
    case journal(JournalViewState)
    /// The `:` command line, with the text typed so far.
    case commandLine(String)
    /// "An operation is still running. Quit anyway?"
    case quitConfirmation

    /// The stop or start dialog, if that is what is open.
    public var power: StopDialogState? {
        switch self {
        case let .stop(d), let .start(d): return d
        default: return nil
        }
    }

    /// Whether a dialog is open.
    public var isOpen: Bool {
        if case .none = self { return false }
        return true
    }

    /// Wraps a stop/start dialog state in the matching case.
    static func power(_ d: StopDialogState) -> FleetDialog { d.action == .stop ? .stop(d) : .start(d) }
}
