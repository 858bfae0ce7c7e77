import ECSAPI
import FleetCore
import Foundation
import Testing

/// `OperationPlan.succeeded(with:waited:)`: the exit status of `stop` and `start`, for real runs and dry runs.
@Suite("Operation success (the exit status)")
struct OperationSuccessTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    func plan(_ instances: [(String, Instance?)], _ action: PowerAction = .stop, dryRun: Bool) -> OperationPlan {
        OperationPlan(
            action: action, options: OperationOptions(dryRun: dryRun),
            targets: instances.map { ($0.0, "cn-hangzhou", $0.1) }, now: Self.now)
    }

    /// The results the engine starts with (preflight skips final), with the sent ones set to `outcome`.
    func results(_ plan: OperationPlan, sent outcome: Outcome, code: String = "") -> [InstanceResult] {
        plan.targets.map { t in
            var r = t.initialResult
            if t.preflight.willSend {
                r.outcome = outcome
                r.code = code
            }
            return r
        }
    }

    @Test("A dry run where every instance passed or was skipped with its reason succeeds")
    func dryRunAnswered() {
        let instances: [(String, Instance?)] = [
            ("i-run", makeInstance("i-run")), ("i-locked", locked("i-locked", "security")),
            ("i-stopped", makeInstance("i-stopped", .stopped)),
            ("i-stopping", makeInstance("i-stopping", .stopping)),
        ]
        let p = plan(instances, dryRun: true)
        let r = results(p, sent: .dryRunPassed, code: ErrorCode.dryRunSuccess)
        #expect(r.map(\.outcome) == [.dryRunPassed, .skipped, .skipped, .skipped])
        #expect(p.succeeded(with: r, waited: false))
        // The same instances for real: the locked and the Stopping ones will not reach Stopped.
        let real = plan(instances, dryRun: false)
        #expect(!real.succeeded(with: results(real, sent: .stopped), waited: true))
    }

    @Test("A dry run fails when an instance was not found or is not an instance ID")
    func dryRunNotFound() {
        for (id, instance) in [("i-gone", nil as Instance?), ("not-an-id", nil)] {
            let p = plan([("i-run", makeInstance("i-run")), (id, instance)], dryRun: true)
            let r = results(p, sent: .dryRunPassed)
            #expect(r[1].outcome == .failed)
            #expect(!p.succeeded(with: r, waited: false), "\(id): \(r[1].code)")
        }
    }

    @Test(
        "A dry run fails when a check failed: refused by the API, or no answer",
        arguments: ["IncorrectInstanceStatus", "Timeout"])
    func dryRunCheckFailed(code: String) {
        let p = plan([("i-run", makeInstance("i-run"))], dryRun: true)
        #expect(!p.succeeded(with: results(p, sent: .dryRunFailed, code: code), waited: false))
        // Cut short (interrupted): no answer either.
        #expect(!p.succeeded(with: results(p, sent: .sending), waited: false))
    }

    @Test("A real run succeeds only when every instance is where it was asked to be")
    func realRun() {
        let p = plan(
            [("i-run", makeInstance("i-run")), ("i-stopped", makeInstance("i-stopped", .stopped))], dryRun: false)
        #expect(p.succeeded(with: results(p, sent: .stopped), waited: true))
        #expect(p.succeeded(with: results(p, sent: .accepted), waited: false))
        #expect(!p.succeeded(with: results(p, sent: .accepted), waited: true))
        #expect(!p.succeeded(with: results(p, sent: .timeout), waited: true))
        let lockedPlan = plan([("i-locked", locked("i-locked", "financial"))], dryRun: false)
        #expect(!lockedPlan.succeeded(with: results(lockedPlan, sent: .stopped), waited: true))
    }
}
