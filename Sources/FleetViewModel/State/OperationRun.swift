import ECSAPI
import FleetCore
import Foundation

/// One stop or start started from the screen, in flight or finished: its plan and each instance's result as it
/// changes.
public struct OperationRun: Sendable {
    /// What was planned: targets, verdicts, options, calls.
    public var plan: OperationPlan
    /// Results in plan order.
    public private(set) var results: [InstanceResult]
    /// When the operator confirmed it.
    public var startedAt: Date
    /// When the engine reported its end; `nil` while in flight.
    public var finishedAt: Date?
    /// Notes from the engine's report.
    public var notes: [String] = []

    /// Whether every target is in one region (the results then need no region column).
    public let isOneRegion: Bool

    private var place: [String: Int]

    /// A run of `plan`, each target as the engine starts it (`OperationPlan.Target.initialResult`).
    public init(plan: OperationPlan, startedAt: Date) {
        self.plan = plan
        self.startedAt = startedAt
        results = plan.targets.map(\.initialResult)
        isOneRegion = plan.targets.allSatisfy { $0.regionId == plan.targets.first?.regionId }
        place = Dictionary(
            results.enumerated().map { ($0.element.instanceId, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// The operation's ID.
    public var id: String { plan.id }
    /// Stop or start.
    public var action: PowerAction { plan.action }
    /// Whether the engine has finished the operation.
    public var isFinished: Bool { finishedAt != nil }

    /// Takes in changed results (unknown IDs are ignored).
    public mutating func apply(_ changed: [InstanceResult]) {
        for r in changed { if let i = place[r.instanceId] { results[i] = r } }
    }

    /// The instance's name when the operation was planned (empty when it was not loaded).
    public func instanceName(of instanceId: String) -> String {
        guard let i = place[instanceId] else { return "" }
        return plan.targets[i].name
    }

    /// Why the instance stops in standard mode although `StopCharging` was asked (its preflight verdict), or nil.
    public func standardModeReason(of instanceId: String) -> String? {
        guard let i = place[instanceId], case .standardModeOnly(let reason) = plan.targets[i].preflight.verdict else {
            return nil
        }
        return reason
    }

    /// Results that ended badly: failed, timed out, or failed a dry run.
    public var failures: [InstanceResult] { results.filter { Self.isFailure($0.outcome) } }

    /// Whether an outcome counts as a failure (what "failures only" shows and "retry failed" retries).
    public static func isFailure(_ outcome: Outcome) -> Bool { [.failed, .timeout, .dryRunFailed].contains(outcome) }

    /// Counts by outcome, in the outcomes' order: `[(.stopped, 3), (.failed, 1)]`.
    public var counts: [(outcome: Outcome, count: Int)] {
        var c: [Outcome: Int] = [:]
        for r in results { c[r.outcome, default: 0] += 1 }
        return Outcome.allCases.compactMap { o in c[o].map { (o, $0) } }
    }

    /// How many instances are done with (final outcome).
    public var finishedCount: Int { results.filter(\.outcome.isFinal).count }
}

extension OperationRun: Equatable {
    /// Equal when plans (field by field), results, times and notes are.
    public static func == (l: OperationRun, r: OperationRun) -> Bool {
        l.plan.isSame(as: r.plan) && l.results == r.results && l.startedAt == r.startedAt
            && l.finishedAt == r.finishedAt && l.notes == r.notes
    }
}
