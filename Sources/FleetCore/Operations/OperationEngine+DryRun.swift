import ECSAPI
import Foundation

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
                    let failed = await fail(
                        batch.instanceIds, board: board, code: error.code, message: error.message,
                        outcome: .dryRunFailed)
                    record(
                        plan, .answer, region: batch.regionId, action: plan.action.apiAction,
                        requestId: error.apiError?.requestId ?? "", results: failed)
                    return
                }
                record(
                    plan, .answer, region: batch.regionId, action: plan.action.apiAction,
                    requestId: error.apiError?.requestId ?? "",
                    note:
                        "the AllTogether dry run failed with \(error.code); checking each instance on its own to find which"
                )
            }
        }
        await forEachConcurrently(batch.instanceIds, limit: maxConcurrentDryRuns) { id in
            await self.dryRun(.init(regionId: batch.regionId, instanceIds: [id]), plan: plan, board: board)
        }
    }

    private func pass(_ ids: [String], requestId: String, plan: OperationPlan, board: ResultBoard, region: String) async
    {
        let passed = await fail(
            ids, board: board, code: ErrorCode.dryRunSuccess, message: "dry run passed", outcome: .dryRunPassed)
        record(plan, .answer, region: region, action: plan.action.apiAction, requestId: requestId, results: passed)
    }
}
