import ECSAPI
import Foundation

extension SimulatedFleet {
    /// The verdict for one ID in a region, in the precedence order of docs/ECS-SEMANTICS.md#precedence.
    func verdict(_ id: String, region: String?, _ op: PowerCheck.Operation, hibernate: Bool = false) -> APIError? {
        guard PowerCheck.isWellFormed(id) else { return PowerCheck.malformed(id) }
        guard let p = table.position(id), region == nil || table.records[p].instance.regionId == region else {
            return PowerCheck.notFound(id)
        }
        return PowerCheck.verdict(table.records[p].instance, op, hibernate: hibernate, now: clock.now())
    }

    static func dryRunSuccess() -> APIError {
        APIError(
            code: ErrorCode.dryRunSuccess, message: "This request is a dryrun request with successful result.",
            httpStatus: 400)
    }

    static func dryRunOperation() -> APIError {
        APIError(
            code: ErrorCode.dryRunOperation, message: "Request validation has been passed with DryRun flag set.",
            httpStatus: 400)
    }

    /// `StopInstances`: `AllTogether` is all or nothing, `SuccessFirst` answers per instance
    /// (docs/ECS-SEMANTICS.md#batches-and-dry-runs).
    public func stopInstances(_ r: StopInstancesRequest, requestId: String) throws(APIError)
        -> InstanceResponsesResponse
    {
        try batch(
            region: r.region, ids: r.instanceIds, mode: r.batchOptimization ?? .allTogether, dryRun: r.dryRun ?? false,
            op: .stop, requestId: requestId
        ) { id in
            self.beginStop(id, force: r.forceStop ?? false, mode: r.stoppedMode)
        }
    }

    /// `StartInstances`: as `StopInstances`, from `Stopped`.
    public func startInstances(_ r: StartInstancesRequest, requestId: String) throws(APIError)
        -> InstanceResponsesResponse
    {
        try batch(
            region: r.region, ids: r.instanceIds, mode: r.batchOptimization ?? .allTogether, dryRun: r.dryRun ?? false,
            op: .start, requestId: requestId
        ) { id in self.beginStart(id) }
    }

    /// `StopInstance`: one instance; a `RegionId` other than the instance's means not found.
    public func stopInstance(_ r: StopInstanceRequest, requestId: String) throws(APIError) -> RequestIdResponse {
        if let region = r.regionId { try checkRegion(region) }
        settle()
        if let error = verdict(r.instanceId, region: r.regionId, .stop, hibernate: r.hibernate ?? false) { throw error }
        if r.dryRun == true { throw Self.dryRunOperation() }
        beginStop(r.instanceId, force: r.forceStop ?? false, mode: r.stoppedMode)
        try? persist()
        return RequestIdResponse(requestId: requestId)
    }

    /// `StartInstance`: one instance.
    public func startInstance(_ r: StartInstanceRequest, requestId: String) throws(APIError) -> RequestIdResponse {
        if let region = r.regionId { try checkRegion(region) }
        settle()
        if let error = verdict(r.instanceId, region: r.regionId, .start) { throw error }
        if r.dryRun == true { throw Self.dryRunOperation() }
        beginStart(r.instanceId)
        try? persist()
        return RequestIdResponse(requestId: requestId)
    }

    private func batch(
        region: String, ids rawIds: [String], mode: BatchOptimization, dryRun: Bool, op: PowerCheck.Operation,
        requestId: String, apply: (String) -> Void
    ) throws(APIError) -> InstanceResponsesResponse {
        try checkRegion(region)
        settle()
        var seen = Set<String>()
        let ids = rawIds.filter { seen.insert($0).inserted }
        if dryRun && mode == .successFirst { throw Self.dryRunSuccess() }
        let verdicts = ids.map { verdict($0, region: region, op) }
        if mode == .allTogether, let first = verdicts.compactMap({ $0 }).first { throw first }
        if dryRun { throw Self.dryRunSuccess() }
        var responses: [InstanceResponse] = []
        for (id, failure) in zip(ids, verdicts) {
            if let failure {
                let p = table.position(id)
                let status =
                    p.map {
                        table.records[$0].instance.regionId == region ? table.records[$0].instance.status.rawValue : ""
                    } ?? ""
                responses.append(
                    InstanceResponse(
                        instanceId: id, code: failure.code, message: failure.message,
                        previousStatus: status, currentStatus: status))
            } else {
                let p = table.position(id)! // a verdict of nil means the instance exists
                let before = table.records[p].instance.status.rawValue
                apply(id)
                responses.append(
                    InstanceResponse(
                        instanceId: id, code: "200", message: "success", previousStatus: before,
                        currentStatus: table.records[p].instance.status.rawValue))
            }
        }
        try? persist()
        return InstanceResponsesResponse(requestId: requestId, instanceResponses: responses)
    }

    /// Lets the instances that start out `Stopping`, `Starting` or `Pending` arrive (`Stopped`, `Running`,
    /// `Running`) after the configured delays, as a real account's would. For generated fleets: a fleet file's
    /// transitional instances model stuck ones and stay where they are.
    public func scheduleTransitionsInProgress() {
        for p in table.records.indices where table.records[p].transition == nil {
            let status = table.records[p].instance.status
            let to: InstanceStatus
            let delay: TimeInterval
            switch status {
            case .stopping: (to, delay) = (.stopped, configuration.stopDelay.draw(using: &rng))
            case .starting, .pending: (to, delay) = (.running, configuration.startDelay.draw(using: &rng))
            default: continue
            }
            let t = SimulatedInstance.Transition(endsAt: clock.now().addingTimeInterval(delay), to: to)
            table.update(p) { $0.schedule(t) }
            inFlight.push(table.records[p].instance.instanceId, endsAt: t.endsAt)
        }
    }

    /// `Running → Stopping`, with `StoppedMode` fixed now (it already reads its final value while `Stopping`).
    func beginStop(_ id: String, force: Bool, mode: StoppedMode?) {
        guard let p = table.position(id) else { return }
        let eligible = table.records[p].instance.isEconomicalModeEligible
        let wanted = mode ?? (configuration.economicalDefault ? .stopCharging : .keepCharging)
        let delay = configuration.stopDelay.draw(using: &rng) * (force ? 0.5 : 1)
        let endsAt = clock.now().addingTimeInterval(delay)
        table.update(p) { $0.beginStop(stoppedMode: (eligible ? wanted : .notApplicable).rawValue, endsAt: endsAt) }
        inFlight.push(id, endsAt: endsAt)
    }

    /// `Stopped → Starting`. An instance stopped in economical mode without an EIP gets a new public IP.
    func beginStart(_ id: String) {
        guard let p = table.position(id) else { return }
        let instance = table.records[p].instance
        var publicIp: String?
        if instance.stoppedMode == StoppedMode.stopCharging.rawValue, instance.eipAddress == nil,
            !instance.publicIpAddresses.isEmpty
        {
            publicIp = "47.\(rng.next() % 256).\(rng.next() % 256).\(1 + rng.next() % 254)"
        }
        let endsAt = clock.now().addingTimeInterval(configuration.startDelay.draw(using: &rng))
        table.update(p) { $0.beginStart(publicIp: publicIp, endsAt: endsAt) }
        inFlight.push(id, endsAt: endsAt)
    }
}
