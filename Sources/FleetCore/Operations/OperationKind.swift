import ECSAPI

/// Stop or start: the two operations the engine runs.
public enum PowerAction: String, Sendable, Codable {
    case stop, start

    /// The state an instance must be in for the action.
    public var requiredStatus: InstanceStatus { self == .stop ? .running : .stopped }
    /// The state the action ends in.
    public var targetStatus: InstanceStatus { self == .stop ? .stopped : .running }
    /// The state while it happens.
    public var transitionStatus: InstanceStatus { self == .stop ? .stopping : .starting }
    /// The batch API.
    public var apiAction: String { self == .stop ? ECSAction.stopInstances : ECSAction.startInstances }
}

/// The options of a stop or start, in the API's terms.
public struct OperationOptions: Sendable, Equatable {
    /// `ForceStop`: like pulling the power; unsaved data may be lost.
    public var forceStop = false
    /// `StoppedMode`; `nil` leaves the account default.
    public var stoppedMode: StoppedMode?
    public var batch: BatchOptimization = .allTogether
    public var dryRun = false

    public init(
        forceStop: Bool = false, stoppedMode: StoppedMode? = nil, batch: BatchOptimization = .allTogether,
        dryRun: Bool = false
    ) {
        self.forceStop = forceStop
        self.stoppedMode = stoppedMode
        self.batch = batch
        self.dryRun = dryRun
    }
}

/// Where one instance stands in an operation.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case queued, sending, skipped, accepted, stopped, started, failed, timeout
    case dryRunPassed = "dry-run-passed"
    case dryRunFailed = "dry-run-failed"

    /// Whether the instance's part in the operation is over.
    public var isFinal: Bool { ![.queued, .sending, .accepted].contains(self) }
}

/// One instance's result, as tables, JSON output and the journal show it.
public struct InstanceResult: Sendable, Equatable {
    public var instanceId: String
    public var regionId: String
    public var outcome: Outcome
    public var code: String
    public var message: String
    public var previousStatus: String
    public var currentStatus: String

    public init(
        instanceId: String, regionId: String, outcome: Outcome, code: String = "", message: String = "",
        previousStatus: String = "", currentStatus: String = ""
    ) {
        self.instanceId = instanceId
        self.regionId = regionId
        self.outcome = outcome
        self.code = code
        self.message = message
        self.previousStatus = previousStatus
        self.currentStatus = currentStatus
    }

    /// `{"InstanceId", "RegionId", "Outcome", "Code", "Message", "PreviousStatus", "CurrentStatus"}`.
    public var json: JSONValue {
        .object([
            ("InstanceId", .string(instanceId)), ("RegionId", .string(regionId)),
            ("Outcome", .string(outcome.rawValue)),
            ("Code", .string(code)), ("Message", .string(message)), ("PreviousStatus", .string(previousStatus)),
            ("CurrentStatus", .string(currentStatus)),
        ])
    }

    public init?(json: JSONValue) {
        guard let id = json["InstanceId"]?.stringValue,
            let o = json["Outcome"]?.stringValue.flatMap(Outcome.init(rawValue:))
        else { return nil }
        self.init(
            instanceId: id, regionId: json["RegionId"]?.stringValue ?? "", outcome: o,
            code: json["Code"]?.stringValue ?? "",
            message: json["Message"]?.stringValue ?? "", previousStatus: json["PreviousStatus"]?.stringValue ?? "",
            currentStatus: json["CurrentStatus"]?.stringValue ?? "")
    }
}
