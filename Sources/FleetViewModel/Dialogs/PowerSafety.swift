import FleetCore

/// What the `aliyun` safety policy says about stopping and starting, decided once when the session starts.
/// A `deny` disables the action in the dialog, naming the rule.
public struct PowerSafety: Sendable, Equatable {
    /// The decision for `ecs:StopInstances`.
    public var stop: SafetyPolicy.Decision
    /// The decision for `ecs:StartInstances`.
    public var start: SafetyPolicy.Decision

    /// These two decisions.
    public init(stop: SafetyPolicy.Decision, start: SafetyPolicy.Decision) {
        self.stop = stop
        self.start = start
    }

    /// The decisions of `policy` for `ecs:StopInstances` and `ecs:StartInstances`.
    public init(policy: SafetyPolicy) {
        self.init(
            stop: policy.decide("ecs:\(PowerAction.stop.apiAction)"),
            start: policy.decide("ecs:\(PowerAction.start.apiAction)"))
    }

    /// No policy: everything allowed.
    public static let allowAll = PowerSafety(policy: SafetyPolicy(enabled: false, rules: [], source: "no policy"))

    /// The decision for one action.
    public subscript(action: PowerAction) -> SafetyPolicy.Decision { action == .stop ? stop : start }
}
