import ArgumentParser
import ECSAPI

/// `list --status`: an instance state, in any case (`running` as the screen's filter takes it).
enum StatusArgument: String, ExpressibleByArgument, CaseIterable {
    case pending = "Pending"
    case starting = "Starting"
    case running = "Running"
    case stopping = "Stopping"
    case stopped = "Stopped"

    init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
            return nil
        }
        self = match
    }

    var value: InstanceStatus { InstanceStatus(rawValue: rawValue) }
}
