import ECSAPI

/// What `journal --undo` would reverse: the instances an operation changed that are still where it left them,
/// and, for each other instance, why it is left alone. A stop is undone by a start of what it stopped that is
/// still `Stopped`; a start by a stop (standard options) of what it started that is still `Running`.
public struct UndoSelection: Sendable, Equatable {
    /// An instance the undo leaves alone, and why.
    public struct Skip: Sendable, Equatable {
        public var instanceId: String
        public var regionId: String
        public var reason: String
    }

    /// The operation undone.
    public var operation: String
    /// The reverse action: start for a stop, stop for a start.
    public var action: PowerAction
    /// The instances to reverse (ID and region), in the operation's order.
    public var targets: [(instanceId: String, regionId: String)]
    public var skipped: [Skip]

    public static func == (l: UndoSelection, r: UndoSelection) -> Bool {
        l.operation == r.operation && l.action == r.action && l.skipped == r.skipped
            && l.targets.map { $0.instanceId + "@" + $0.regionId }
                == r.targets.map { $0.instanceId + "@" + $0.regionId }
    }

    /// Selects what undoing `entry` reverses. `current` is each instance's status now (an instance absent from it
    /// no longer exists); `later` are the operations recorded after `entry`, whose changes the undo must not
    /// overturn.
    public static func select(
        _ entry: OperationHistory.Entry, current: [String: InstanceStatus],
        later: [OperationHistory.Entry]
    ) throws(UndoError) -> UndoSelection {
        try select(
            operation: entry.operation, action: undoableAction(of: entry), isDryRun: entry.isDryRun,
            results: entry.results, current: current, later: later)
    }

    /// The action `entry` carried out, or why it cannot be undone (it has no plan, or was a dry run): said before
    /// any instance is read.
    public static func undoableAction(of entry: OperationHistory.Entry) throws(UndoError) -> PowerAction {
        guard let action = PowerAction(rawValue: entry.action) else {
            throw UndoError(
                "Operation \(entry.operation) is not a stop or a start (its journal has no plan): there is nothing to undo."
            )
        }
        try refuseDryRun(entry.operation, entry.isDryRun)
        return action
    }

    private static func refuseDryRun(_ operation: String, _ isDryRun: Bool) throws(UndoError) {
        guard !isDryRun else {
            throw UndoError("Operation \(operation) was a dry run: it changed nothing, so there is nothing to undo.")
        }
    }

    /// The same for an operation known by its parts (the screen's own runs).
    public static func select(
        operation: String, action: PowerAction, isDryRun: Bool, results: [InstanceResult],
        current: [String: InstanceStatus], later: [OperationHistory.Entry]
    ) throws(UndoError) -> UndoSelection {
        try refuseDryRun(operation, isDryRun)
        let reverse: PowerAction = action == .stop ? .start : .stop
        var out = UndoSelection(operation: operation, action: reverse, targets: [], skipped: [])
        let past = action == .stop ? "stopped" : "started"
        for r in results {
            let skip = { (reason: String) in
                out.skipped.append(Skip(instanceId: r.instanceId, regionId: r.regionId, reason: reason))
            }
            guard changed(r, by: action) else {
                if r.previousStatus == action.targetStatus.rawValue {
                    skip("already \(action.targetStatus) before \(operation)")
                } else {
                    skip("not \(past) by \(operation) (\(r.outcome.rawValue)\(r.code.isEmpty ? "" : " " + r.code))")
                }
                continue
            }
            if let undone = later.first(where: {
                $0.action == reverse.rawValue && !$0.isDryRun
                    && $0.results.contains { changed($0, r.instanceId, by: reverse) }
            }) {
                skip("\(reverse == .start ? "started" : "stopped") since, by \(undone.operation)")
                continue
            }
            guard let now = current[r.instanceId] else {
                skip("no longer exists")
                continue
            }
            switch now {
            case action.targetStatus: out.targets.append((r.instanceId, r.regionId))
            case reverse.targetStatus, reverse.transitionStatus:
                skip("\(reverse == .start ? "started" : "stopped") since (now \(now))")
            default: skip("now \(now), not \(action.targetStatus)")
            }
        }
        return out
    }

    /// Whether `result` says the operation changed the instance: it reached the state, or the call went out for
    /// an instance in the required state (accepted, or interrupted or timed out on its way).
    static func changed(_ result: InstanceResult, by action: PowerAction) -> Bool {
        switch result.outcome {
        case .stopped: return action == .stop
        case .started: return action == .start
        case .accepted, .sending, .timeout: return result.previousStatus == action.requiredStatus.rawValue
        default: return false
        }
    }

    static func changed(_ result: InstanceResult, _ id: String, by action: PowerAction) -> Bool {
        result.instanceId == id && changed(result, by: action)
    }
}

/// An operation that cannot be undone; the text says why.
public struct UndoError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
