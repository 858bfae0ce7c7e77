import ECSAPI
import ECSClient
import ECSSimulator
import FleetCore
import Foundation
import Synchronization
import Testing

/// What the screen needs to follow an interrupted operation again: its plan as the journal tells it, and the
/// resume's progress as it goes.
@Suite("Following a journaled operation")
struct JournalFollowTests {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    @Test("An entry's plan: its targets in order, the sent ones as sent, its options and its calls by region")
    func planFromTheJournal() throws {
        func result(_ id: String, _ region: String, _ outcome: Outcome, code: String = "") -> InstanceResult {
            InstanceResult(instanceId: id, regionId: region, outcome: outcome, code: code, message: "why")
        }
        let records = [
            JournalRecord(
                time: Self.t0, operation: "op-1", event: .begin, profile: "p", action: "stop",
                parameters: [
                    ("ForceStop", "true"), ("StoppedMode", "StopCharging"), ("BatchOptimization", "SuccessFirst"),
                ],
                results: [
                    result("i-a", "cn-hangzhou", .accepted), result("i-b", "cn-shanghai", .sending),
                    result("i-c", "cn-hangzhou", .skipped, code: ErrorCode.instanceLockedForSecurity),
                    result("i-d", "cn-hangzhou", .failed, code: ErrorCode.invalidInstanceIdNotFound),
                    result("i-e", "cn-hangzhou", .timeout),
                ])
        ]
        let entry = try #require(OperationHistory(records: records).entries.first)
        let plan = try #require(entry.plan)
        #expect(plan.id == "op-1" && plan.action == .stop)
        #expect(plan.options == OperationOptions(forceStop: true, stoppedMode: .stopCharging, batch: .successFirst))
        #expect(plan.targets.map(\.instanceId) == ["i-a", "i-b", "i-c", "i-d", "i-e"])
        #expect(plan.targets.map(\.preflight.willSend) == [true, true, false, false, true])
        #expect(plan.batches.map(\.regionId) == ["cn-hangzhou", "cn-shanghai"])
        #expect(plan.batches.first?.instanceIds == ["i-a", "i-e"])
        #expect(plan.cliEquivalents.first?.contains("--ForceStop true --StoppedMode StopCharging") == true)
        // Interrupted with calls sent: the line says how to finish it.
        let line = InterruptionNotice.line(plan: plan, results: entry.results, profile: "p")
        #expect(line.contains("was sent and stays in the journal"))

        let unplanned = OperationHistory(records: [
            JournalRecord(time: Self.t0, operation: "op-2", event: .end, profile: "p", action: "")
        ])
        #expect(unplanned.entries.first?.plan == nil)
    }

    @Test("Resume reports its progress: each read's final results, and the ones still on their way")
    func resumeProgress() async throws {
        let rig = try EngineRig(
            [makeInstance("i-a"), makeInstance("i-b")], configure: { $0.stopDelay = DelayRange(min: 5, max: 5) })
        _ = try await rig.client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a", "i-b"]))
        rig.clock.advance(by: 10)
        // i-a has reached Stopped; i-b is stopped anew, so it is Stopping when the resume first reads.
        _ = try await rig.client.send(StartInstancesRequest(regionId: home, instanceIds: ["i-b"]))
        rig.clock.advance(by: 10)
        _ = try await rig.client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-b"]))
        let accepted = ["i-a", "i-b"].map {
            InstanceResult(instanceId: $0, regionId: home, outcome: .accepted, previousStatus: "Running")
        }
        try rig.journal.append(
            JournalRecord(
                time: Self.t0, operation: "op-p", event: .begin, profile: "default", action: "stop",
                results: accepted))
        let entry = try #require(OperationHistory(records: try rig.records()).entries.first)
        let updates = Mutex<[[InstanceResult]]>([])
        let finished = try await JournalResume(
            service: rig.service, journal: rig.journal, clock: SimEngineClock(clock: rig.clock)
        ).resume(entry) { changed in updates.withLock { $0.append(changed) } }
        let seen = updates.withLock { $0 }
        #expect(seen.first?.map(\.instanceId) == ["i-a", "i-b"])
        #expect(seen.first?.map(\.outcome) == [.stopped, .accepted])
        #expect(seen.first?.last?.currentStatus == "Stopping")
        #expect(seen.last?.map(\.outcome) == [.stopped])
        // Every final result was reported once, as the resume returns them.
        #expect(seen.flatMap { $0 }.filter(\.outcome.isFinal) == finished)
    }
}
