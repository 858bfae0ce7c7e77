import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

/// The screen starts a run from the same results the engine starts from: a target that does not exist is a
/// failure (shown in red, counted in "failed", offered by "retry failed"), one preflight skips for another reason
/// is skipped, and the rest are queued.
@Suite struct OperationRunInitialResultTests {
    @Test func theScreenStartsFromTheEnginesInitialResults() {
        let targets: [(instanceId: String, regionId: String, instance: Instance?)] = [
            (VM.id(1), VM.hangzhou, VM.instance(1, .running)),
            (VM.id(2), VM.hangzhou, VM.instance(2, .stopped)),
            ("i-missing", VM.hangzhou, nil),
            ("not-an-id", VM.hangzhou, nil),
        ]
        let plan = OperationPlan(action: .stop, options: OperationOptions(), targets: targets, now: VM.t0)
        let run = OperationRun(plan: plan, startedAt: VM.t0)
        #expect(run.results == plan.targets.map(\.initialResult))
        #expect(run.results.map(\.outcome) == [.queued, .skipped, .failed, .failed])
        #expect(
            run.results.map(\.code) == [
                "", run.results[1].code, ErrorCode.invalidInstanceIdNotFound, ErrorCode.instanceIdMalformed,
            ])
        #expect(run.failures.map(\.instanceId) == ["i-missing", "not-an-id"])
        #expect(plan.sendCount == 1)
    }
}
