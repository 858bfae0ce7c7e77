import FleetCore
import FleetViewModel

/// Where the keyboard is: the same key means different things on the list, in the stop dialog, or while typing.
public enum KeyContext: String, Sendable, CaseIterable {
    case list, filter, dialog, confirm, confirmCount, results, details, help, helpSearch, journal, commandLine
    case quitConfirmation

    /// The context the state puts the keyboard in.
    public static func of(_ state: FleetState) -> KeyContext { of(state.dialog, in: state) }

    /// The screen help explains: the one help was opened over, or the current one.
    public static func helpTopic(of state: FleetState) -> KeyContext { of(state.dialog.beneathHelp, in: state) }

    /// The context `dialog` puts the keyboard in, over the rest of `state` (filter line, results view).
    static func of(_ dialog: FleetDialog, in state: FleetState) -> KeyContext {
        switch dialog {
        case .stop(let d), .start(let d):
            switch d.step {
            case .choosing: return .dialog
            case .askingYes: return .confirm
            case .typingCount: return .confirmCount
            }
        case .details: return .details
        case .help(let h): return h.search?.isEditing == true ? .helpSearch : .help
        case .journal: return .journal
        case .commandLine: return .commandLine
        case .quitConfirmation: return .quitConfirmation
        case .none:
            if state.filter.isEditing { return .filter }
            return state.resultsView == nil ? .list : .results
        }
    }

    /// The help screen's section title.
    public var title: String {
        switch self {
        case .list: return "Instance list"
        case .filter: return "Filter line"
        case .dialog: return "Stop / start dialog"
        case .confirm: return "Confirmation (y)"
        case .confirmCount: return "Confirmation (typed count)"
        case .results: return "Results"
        case .details: return "Details"
        case .help: return "Help"
        case .helpSearch: return "Help search line"
        case .journal: return "Journal"
        case .commandLine: return "Command line"
        case .quitConfirmation: return "Quit"
        }
    }
}
