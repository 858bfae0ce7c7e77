/// An instance's API state. The API has exactly five (`Pending`, `Starting`, `Running`, `Stopping`,
/// `Stopped`); any other text is kept as is so a client never fails on a state it has not seen.
public struct InstanceStatus: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending = InstanceStatus(rawValue: "Pending")
    public static let starting = InstanceStatus(rawValue: "Starting")
    public static let running = InstanceStatus(rawValue: "Running")
    public static let stopping = InstanceStatus(rawValue: "Stopping")
    public static let stopped = InstanceStatus(rawValue: "Stopped")

    /// The five documented states, in lifecycle order.
    public static let all: [InstanceStatus] = [.pending, .starting, .running, .stopping, .stopped]

    /// Whether this is one of the five documented states.
    public var isKnown: Bool { Self.all.contains(self) }

    public var description: String { rawValue }

    public static func < (lhs: InstanceStatus, rhs: InstanceStatus) -> Bool {
        let l = all.firstIndex(of: lhs) ?? all.count
        let r = all.firstIndex(of: rhs) ?? all.count
        return l == r ? lhs.rawValue < rhs.rawValue : l < r
    }
}

/// The `StoppedMode` values the API reports and accepts.
public enum StoppedMode: String, Sendable, CaseIterable {
    /// Economical mode: compute is released and no longer charged.
    case stopCharging = "StopCharging"
    /// Standard mode: resources kept and charged.
    case keepCharging = "KeepCharging"
    /// Reported for instances that cannot use economical mode; never accepted in a request.
    case notApplicable = "Not-applicable"
}

/// `BatchOptimization` for the batch operations.
public enum BatchOptimization: String, Sendable, CaseIterable {
    /// All or nothing: one failing instance fails the whole call.
    case allTogether = "AllTogether"
    /// Each instance on its own, with a per-instance result.
    case successFirst = "SuccessFirst"
}
