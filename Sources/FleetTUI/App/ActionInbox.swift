import FleetCore
import FleetViewModel
import Synchronization

/// Actions sent by background work (loads, operations), collected until the app loop takes them.
public final class ActionInbox: Sendable {
    private let queue = Mutex<[FleetAction]>([])

    public init() {}

    public func send(_ action: FleetAction) { queue.withLock { $0.append(action) } }

    /// Everything received since the last call, oldest first.
    public func drain() -> [FleetAction] {
        queue.withLock { q in
            defer { q = [] }
            return q
        }
    }
}
