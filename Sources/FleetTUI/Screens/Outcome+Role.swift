import FleetCore
import TerminalUI

extension Outcome {
    /// The colour an instance's outcome is shown in, wherever the screen shows one: the results table, the
    /// details pane, the journal and the list's last-operation column.
    public var role: ThemeRole {
        switch self {
        case .failed, .timeout, .dryRunFailed: return .danger
        case .stopped, .started, .dryRunPassed: return .success
        case .skipped: return .dim
        case .queued, .sending, .accepted: return .warning
        }
    }
}
