import ECSAPI

extension OperationEngine {
    /// A dry run of one batch. `AllTogether`: one call; if it fails, each instance is checked on its own to
    /// find which ones would fail. `SuccessFirst` proves nothing per instance (it always answers `DRYRUN.SUCCESS`),
    /// so each instance is checked with its own `AllTogether` dry run.
    func dryRun(_ batch: OperationPlan.Batch, plan: OperationPlan, board: ResultBoard) async {
        guard !Task.isCancelled else { return }
        if plan.options.batch == .allTogether || batch.instanceIds.count == 1 {
            let call = request(batch, plan: plan, dryRun: true, batchMode: .allTogether)
            record(plan, .send, region: batch.regionId, action: plan.action.apiAction, parameters: call.parameters)
            do {
                _ = try await call.send()
                // A dry run that "succeeds" with 200 is not what the API does; treat it as passed all the same.
                await pass(batch.instanceIds, requestId: "", plan: plan, board: board, region: batch.regionId)
                return
            } catch .dryRunPassed(let e) {
                await pass(batch.instanceIds, requestId: e.requestId, plan: plan, board: board, region: batch.regionId)
                return
            } catch let error {
                if batch.instanceIds.count == 1 || error.apiError == nil {
                    let failed = await fail(batch.instanceIds, board: board, code: error.code, message: error.message, outcome: .dryRunFailed)
                    record(plan, .answer, region: batch.regionId, action: plan.action.apiAction, requestId: error.apiError?.requestId ?? "", results: failed)
                    return
                }
                record(plan, .answer, region: batch.regionId, action: plan.action.apiAction, requestId: error.apiError?.requestId ?? "",
                       note: "the AllTogether dry run failed with \(error.code); checking each instance on its own to find which")
            }
        }
        await forEachConcurrently(batch.instanceIds, limit: maxConcurrentDryRuns) { id in
            await self.dryRun(.init(regionId: batch.regionId, instanceIds: [id]), plan: plan, board: board)
        }
    }

    private func pass(_ ids: [String], requestId: String, plan: OperationPlan, board: ResultBoard, region: String) async {
        let passed = await fail(ids, board: board, code: ErrorCode.dryRunSuccess, message: "dry run passed", outcome: .dryRunPassed)
        record(plan, .answer, region: region, action: plan.action.apiAction, requestId: requestId, results: passed)
    }

    /// Polls `DescribeInstanceStatus` for the accepted instances only (100 IDs a call, pages of 50), fast at
    /// first and backing off, until each reaches the action's final state or the timeout passes.
    func track(_ plan: OperationPlan, board: ResultBoard) async {
        let deadline = clock.now().addingTimeInterval(Double(trackingTimeout.components.seconds))
        var cadence = PollCadence(first: pollInitial, max: pollMax)
        while true {
            let pending = await board.all.filter { $0.outcome == .accepted }
            guard !pending.isEmpty else { return }
            if clock.now() >= deadline {
                let timedOut = await fail(pending.map(\.instanceId), board: board, code: "Timeout",
                                          message: "not \(plan.action.targetStatus) after \(trackingTimeout.components.seconds) s", outcome: .timeout)
                record(plan, .outcome, action: plan.action.apiAction, results: timedOut)
                return
            }
            do { try await cadence.wait(on: clock) } catch { return }
            var byRegion: [String: [String]] = [:]
            for r in pending { byRegion[r.regionId, default: []].append(r.instanceId) }
            for (region, ids) in byRegion.sorted(by: { $0.key < $1.key }) {
                guard let statuses = try? await service.statuses(region: region, instanceIds: ids) else { continue }
                var changed: [InstanceResult] = [], finished: [InstanceResult] = []
                for id in ids {
                    guard var r = await board.result(id), let s = statuses[id], s.rawValue != r.currentStatus || s == plan.action.targetStatus else { continue }
                    r.currentStatus = s.rawValue
                    if s == plan.action.targetStatus {
                        r.outcome = plan.action == .stop ? .stopped : .started
                        finished.append(r)
                    }
                    changed.append(r)
                }
                await board.update(changed)
                if !finished.isEmpty { record(plan, .outcome, region: region, action: plan.action.apiAction, results: finished) }
            }
        }
    }
}
