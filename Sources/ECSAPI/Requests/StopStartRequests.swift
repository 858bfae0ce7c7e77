/// `StopInstances`: stop up to 100 instances of one region.
public struct StopInstancesRequest: ECSRequest, Equatable {
    public typealias Response = InstanceResponsesResponse
    public static let action = ECSAction.stopInstances
    public var region: String
    public var regionId: String? { region }
    public var instanceIds: [String]
    public var forceStop: Bool?
    public var stoppedMode: StoppedMode?
    public var batchOptimization: BatchOptimization?
    public var dryRun: Bool?

    public init(
        regionId: String, instanceIds: [String], forceStop: Bool? = nil, stoppedMode: StoppedMode? = nil,
        batchOptimization: BatchOptimization? = nil, dryRun: Bool? = nil
    ) {
        self.region = regionId
        self.instanceIds = instanceIds
        self.forceStop = forceStop
        self.stoppedMode = stoppedMode
        self.batchOptimization = batchOptimization
        self.dryRun = dryRun
    }

    public var parameters: Parameters {
        var p = Parameters()
        p.set("RegionId", region)
        p.setList("InstanceId", instanceIds)
        p.set("ForceStop", forceStop)
        p.set("StoppedMode", stoppedMode?.rawValue)
        p.set("BatchOptimization", batchOptimization?.rawValue)
        p.set("DryRun", dryRun)
        return p
    }

    /// Reads and validates the parameters: 1 to 100 IDs, known `StoppedMode` and `BatchOptimization`.
    public init(parameters p: Parameters) throws(APIError) {
        region = try p.required("RegionId")
        instanceIds = try BatchIDs.read(p)
        forceStop = try p.bool("ForceStop")
        stoppedMode = try p.oneOf("StoppedMode", ["StopCharging", "KeepCharging"]).flatMap(StoppedMode.init(rawValue:))
        batchOptimization = try BatchIDs.batchOptimization(p)
        dryRun = try p.bool("DryRun")
    }
}

/// `StartInstances`: start up to 100 stopped instances of one region.
public struct StartInstancesRequest: ECSRequest, Equatable {
    public typealias Response = InstanceResponsesResponse
    public static let action = ECSAction.startInstances
    public var region: String
    public var regionId: String? { region }
    public var instanceIds: [String]
    public var batchOptimization: BatchOptimization?
    public var dryRun: Bool?

    public init(
        regionId: String, instanceIds: [String], batchOptimization: BatchOptimization? = nil, dryRun: Bool? = nil
    ) {
        self.region = regionId
        self.instanceIds = instanceIds
        self.batchOptimization = batchOptimization
        self.dryRun = dryRun
    }

    public var parameters: Parameters {
        var p = Parameters()
        p.set("RegionId", region)
        p.setList("InstanceId", instanceIds)
        p.set("BatchOptimization", batchOptimization?.rawValue)
        p.set("DryRun", dryRun)
        return p
    }

    public init(parameters p: Parameters) throws(APIError) {
        region = try p.required("RegionId")
        instanceIds = try BatchIDs.read(p)
        batchOptimization = try BatchIDs.batchOptimization(p)
        dryRun = try p.bool("DryRun")
    }
}

/// `StopInstance`: one instance. The current SDK sends no `RegionId`; the older one does.
public struct StopInstanceRequest: ECSRequest, Equatable {
    public typealias Response = RequestIdResponse
    public static let action = ECSAction.stopInstance
    public var instanceId: String
    public var regionId: String?
    public var forceStop: Bool?
    public var stoppedMode: StoppedMode?
    public var hibernate: Bool?
    public var dryRun: Bool?

    public init(
        instanceId: String, regionId: String? = nil, forceStop: Bool? = nil, stoppedMode: StoppedMode? = nil,
        hibernate: Bool? = nil, dryRun: Bool? = nil
    ) {
        self.instanceId = instanceId
        self.regionId = regionId
        self.forceStop = forceStop
        self.stoppedMode = stoppedMode
        self.hibernate = hibernate
        self.dryRun = dryRun
    }

    public var parameters: Parameters {
        var p = Parameters()
        p.set("RegionId", regionId)
        p.set("InstanceId", instanceId)
        p.set("ForceStop", forceStop)
        p.set("StoppedMode", stoppedMode?.rawValue)
        p.set("Hibernate", hibernate)
        p.set("DryRun", dryRun)
        return p
    }

    /// Reads the parameters; `ConfirmStop` is accepted and ignored, as the vendor deprecated it.
    public init(parameters p: Parameters) throws(APIError) {
        instanceId = try p.required("InstanceId")
        regionId = p["RegionId"].flatMap { $0.isEmpty ? nil : $0 }
        forceStop = try p.bool("ForceStop")
        _ = try p.bool("ConfirmStop")
        stoppedMode = try p.oneOf("StoppedMode", ["StopCharging", "KeepCharging"]).flatMap(StoppedMode.init(rawValue:))
        hibernate = try p.bool("Hibernate")
        dryRun = try p.bool("DryRun")
    }
}

/// `StartInstance`: one instance.
public struct StartInstanceRequest: ECSRequest, Equatable {
    public typealias Response = RequestIdResponse
    public static let action = ECSAction.startInstance
    public var instanceId: String
    public var regionId: String?
    public var dryRun: Bool?

    public init(instanceId: String, regionId: String? = nil, dryRun: Bool? = nil) {
        self.instanceId = instanceId
        self.regionId = regionId
        self.dryRun = dryRun
    }

    public var parameters: Parameters {
        var p = Parameters()
        p.set("RegionId", regionId)
        p.set("InstanceId", instanceId)
        p.set("DryRun", dryRun)
        return p
    }

    public init(parameters p: Parameters) throws(APIError) {
        instanceId = try p.required("InstanceId")
        regionId = p["RegionId"].flatMap { $0.isEmpty ? nil : $0 }
        _ = try p.bool("InitLocalDisk")
        dryRun = try p.bool("DryRun")
    }
}

/// The shared validation of the batch calls' `InstanceId.N` and `BatchOptimization`.
enum BatchIDs {
    static func read(_ p: Parameters) throws(APIError) -> [String] {
        let ids = try p.list("InstanceId")
        guard !ids.isEmpty else { throw .invalidParameter("InstanceId.N", "give from 1 to 100 instance IDs") }
        return ids
    }

    static func batchOptimization(_ p: Parameters) throws(APIError) -> BatchOptimization? {
        try p.oneOf("BatchOptimization", BatchOptimization.allCases.map(\.rawValue)).flatMap(
            BatchOptimization.init(rawValue:))
    }
}
