import ECSAPI
import Foundation

/// A stop or start, planned: the targets with their preflight verdicts, grouped by region and split into
/// calls of at most 100 instances. Nothing has been sent yet.
public struct OperationPlan: Sendable {
    public struct Target: Sendable, Equatable {
        public var instanceId: String
        public var regionId: String
        /// What was known about the instance when the plan was made; `nil` when it was not found.
        public var instance: Instance?
        public var preflight: Preflight
    }

    /// One API call: a region and up to 100 IDs.
    public struct Batch: Sendable, Equatable {
        public var regionId: String
        public var instanceIds: [String]
    }

    public static let maxPerCall = 100

    public var id: String
    public var action: PowerAction
    public var options: OperationOptions
    public var targets: [Target]
    public var batches: [Batch]
    /// The operation this one reverses (`journal --undo`), named in the journal; `nil` for any other.
    public var undoes: String?

    /// Plans `action` for `targets` (ID and region, with what is known of each instance), in the order given;
    /// repeated IDs are planned once. Without an `id`, a new `OperationID` made at `now`.
    public init(
        id: String? = nil, action: PowerAction, options: OperationOptions,
        targets list: [(instanceId: String, regionId: String, instance: Instance?)], now: Date
    ) {
        self.id = id ?? OperationID.make(now: now)
        self.action = action
        self.options = options
        var seen = Set<String>()
        targets = list.filter { seen.insert($0.instanceId).inserted }.map { t in
            Target(
                instanceId: t.instanceId, regionId: t.regionId, instance: t.instance,
                preflight: Preflight.judge(t.instance, id: t.instanceId, action: action, options: options, now: now))
        }
        batches = Self.batches(of: targets)
    }

    /// The calls for `targets`: the ones to send, grouped by region in order of first appearance, at most
    /// `maxPerCall` a call.
    static func batches(of targets: [Target]) -> [Batch] {
        var byRegion: [(String, [String])] = []
        for t in targets where t.preflight.willSend {
            if let i = byRegion.firstIndex(where: { $0.0 == t.regionId }) {
                byRegion[i].1.append(t.instanceId)
            } else {
                byRegion.append((t.regionId, [t.instanceId]))
            }
        }
        return byRegion.flatMap { region, ids in
            ids.chunked(Self.maxPerCall).map { Batch(regionId: region, instanceIds: $0) }
        }
    }

    /// Targets that will be sent.
    public var sendCount: Int { targets.filter(\.preflight.willSend).count }

    /// The number of API calls the plan makes (dry runs with `SuccessFirst` check each instance on its own).
    public var callCount: Int { options.dryRun && options.batch == .successFirst ? sendCount : batches.count }

    /// The equivalent `aliyun` CLI command for each call.
    public var cliEquivalents: [String] {
        batches.map { b in
            var parts = ["aliyun ecs \(action.apiAction) --RegionId \(b.regionId)"]
            parts += b.instanceIds.enumerated().map { "--InstanceId.\($0.offset + 1) \($0.element)" }
            if action == .stop {
                if options.forceStop { parts.append("--ForceStop true") }
                if let m = options.stoppedMode { parts.append("--StoppedMode \(m.rawValue)") }
            }
            parts.append("--BatchOptimization \(options.batch.rawValue)")
            if options.dryRun { parts.append("--DryRun true") }
            return parts.joined(separator: " ")
        }
    }
}
