import ECSAPI
import Foundation

extension OperationEngine {
    /// Polls `DescribeInstanceStatus` for the accepted instances only (100 IDs a call, pages of 50), fast at
    /// first and backing off, until each reaches the action's final state or the timeout passes.
    func track(_ plan: OperationPlan, board: ResultBoard) async {
        let deadline = clock.now().addingTimeInterval(Double(trackingTimeout.components.seconds))
        var cadence = PollCadence(first: pollInitial, max: pollMax)
        while true {
            let pending = await board.all.filter { $0.outcome == .accepted }
            guard !pending.isEmpty else { return }
            if clock.now() >= deadline {
                let timedOut = await fail(
                    pending.map(\.instanceId), board: board, code: "Timeout",
                    message: "not \(plan.action.targetStatus) after \(trackingTimeout.components.seconds) s",
                    outcome: .timeout)
                record(plan, .outcome, action: plan.action.apiAction, results: timedOut)
                return
            }
            do { try await cadence.wait(on: clock) } catch { return }
            var byRegion: [String: [String]] = [:]
            for r in pending { byRegion[r.regionId, default: []].append(r.instanceId) }
            for (region, ids) in byRegion.sorted(by: { $0.key < $1.key }) {
                guard let statuses = try? await service.statuses(region: region, instanceIds: ids) else { continue }
                var changed: [InstanceResult] = []
                var finished: [InstanceResult] = []
                for id in ids {
                    guard var r = await board.result(id), let s = statuses[id],
                        s.rawValue != r.currentStatus || s == plan.action.targetStatus
                    else { continue }
                    r.currentStatus = s.rawValue
                    if s == plan.action.targetStatus {
                        r.outcome = plan.action == .stop ? .stopped : .started
                        finished.append(r)
                    }
                    changed.append(r)
                }
                await board.update(changed)
                if !finished.isEmpty {
                    record(plan, .outcome, region: region, action: plan.action.apiAction, results: finished)
                }
            }
        }
    }
}
