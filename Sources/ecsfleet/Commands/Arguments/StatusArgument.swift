import ArgumentParser

/// `list --status`: the lifecycle states an instance can be listed by.
enum StatusArgument: String, ExpressibleByArgument, CaseIterable {
    case pending = "Pending"
    case starting = "Starting"
    case running = "Running"
    case stopping = "Stopping"
    case stopped = "Stopped"
}
