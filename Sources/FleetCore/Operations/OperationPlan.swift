import ECSAPI
import Foundation

/// A stop or start, planned: the targets with their preflight verdicts, grouped by region and split into
/// calls of at most 100 instances. Nothing has been sent yet.
public struct OperationPlan: Sendable {
    public struct Target: Sendable, Equatable {
        public var instanceId: String
        public var regionId: String
        /// The instance's state when the plan was made; `nil` when it was not found.
        public var status: InstanceStatus?
        /// Its name then (empty when not found): results show it.
        public var name: String
        public var preflight: Preflight

        /// `instanceId` in `regionId`, as `instance` was known (`nil`: not found), judged `preflight`. Only its
        /// state and name are kept: a plan of 100,000 whole instances would weigh 50 MB.
        public init(instanceId: String, regionId: String, instance: Instance?, preflight: Preflight) {
            self.init(
                instanceId: instanceId, regionId: regionId, status: instance?.status,
                name: instance?.instanceName ?? "", preflight: preflight)
        }

        /// `instanceId` in `regionId`, in `status` (`nil`: not found) and named `name`, judged `preflight`.
        public init(instanceId: String, regionId: String, status: InstanceStatus?, name: String, preflight: Preflight) {
            self.instanceId = instanceId
            self.regionId = regionId
            self.status = status
            self.name = name
            self.preflight = preflight
        }
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
        // One pass: an instance is over 500 bytes, and 100,000 of them copied once more is a pause.
        var judged: [Target] = []
        judged.reserveCapacity(list.count)
        var seen = Set<String>(minimumCapacity: list.count)
        for t in list where seen.insert(t.instanceId).inserted {
            judged.append(
                Target(
                    instanceId: t.instanceId, regionId: t.regionId, instance: t.instance,
                    preflight: Preflight.judge(
                        t.instance, id: t.instanceId, action: action, options: options, now: now)))
        }
        self.init(id: id, action: action, options: options, judged: judged, now: now)
    }

    /// Plans `action` for `targets` already judged for `options` (each ID once), in the order given: the stop
    /// dialog's, whose verdicts are kept up to date as it learns more. Without an `id`, one made at `now`.
    public init(id: String? = nil, action: PowerAction, options: OperationOptions, judged targets: [Target], now: Date)
    {
        self.id = id ?? OperationID.make(now: now)
        self.action = action
        self.options = options
        self.targets = targets
        batches = Self.batches(of: targets)
    }

    /// The calls for `targets`: the ones to send, grouped by region in order of first appearance, at most
    /// `maxPerCall` a call.
    static func batches(of targets: [Target]) -> [Batch] {
        var byRegion: [(String, [String])] = []
        for k in targets.indices where targets[k].preflight.willSend {
            let region = targets[k].regionId
            if let i = byRegion.firstIndex(where: { $0.0 == region }) {
                byRegion[i].1.append(targets[k].instanceId)
            } else {
                byRegion.append((region, [targets[k].instanceId]))
            }
        }
        return byRegion.flatMap { region, ids in
            ids.chunked(Self.maxPerCall).map { Batch(regionId: region, instanceIds: $0) }
        }
    }

    /// Targets that will be sent.
    public var sendCount: Int { targets.indices.reduce(0) { $0 + (targets[$1].preflight.willSend ? 1 : 0) } }

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
