import ECSAPI
import ECSClient
import ECSSimulator
import FleetCore
import Foundation
import Testing

/// Dry runs through the engine: passed is never a failure, and a `SuccessFirst` dry run is checked per instance.
@Suite("OperationEngine: dry runs")
struct EngineDryRunTests {
    static let ids = ["i-a", "i-b", "i-c"]

    func params(_ r: TransportRequest) -> [String: String] {
        Dictionary(r.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    @Test(
        "AllTogether dry run that passes: one call, every instance dry-run-passed, nothing changes",
        arguments: [ECSClient.SignatureVersion.v3, .v1])
    func allTogetherPasses(_ version: ECSClient.SignatureVersion) async throws {
        let rig = try EngineRig(Self.ids.map { makeInstance($0) }, signature: version)
        let plan = try await rig.plan(.stop, Self.ids, OperationOptions(forceStop: true, dryRun: true))
        #expect(plan.callCount == 1)
        let report = await rig.engine().run(plan, wait: true)
        for id in Self.ids {
            #expect(report.result(id)?.outcome == .dryRunPassed)
            #expect(report.result(id)?.code == ErrorCode.dryRunSuccess)
            #expect(await rig.status(id) == .running)
        }
        #expect(report.notes.isEmpty)
        let calls = rig.transport.requests(ECSAction.stopInstances)
        #expect(calls.count == 1)
        #expect(calls.first.map(params)?["DryRun"] == "true")
        #expect(calls.first.map(params)?["ForceStop"] == "true")
        let records = try rig.records()
        #expect(records.first { $0.event == .send }?.parameters.contains { $0.0 == "DryRun" && $0.1 == "true" } == true)
        #expect(records.first { $0.event == .answer }.map { !$0.requestId.isEmpty } == true)
        #expect(records.last?.note == "3 dry-run-passed")
    }

    @Test("AllTogether dry run with a failing instance falls back to one dry run per instance to find which")
    func allTogetherFallsBack() async throws {
        let rig = try EngineRig(Self.ids.map { makeInstance($0) })
        let plan = try await rig.plan(.stop, Self.ids, OperationOptions(dryRun: true))
        try await rig.stopNow(["i-b"])
        let before = rig.stopCalls()
        let report = await rig.engine().run(plan, wait: false)
        #expect(report.result("i-a")?.outcome == .dryRunPassed)
        #expect(report.result("i-c")?.outcome == .dryRunPassed)
        #expect(report.result("i-b")?.outcome == .dryRunFailed)
        #expect(report.result("i-b")?.code == ErrorCode.incorrectInstanceStatus)
        let calls = Array(rig.transport.requests(ECSAction.stopInstances).dropFirst(before))
        #expect(calls.count == 1 + Self.ids.count)
        #expect(calls.dropFirst().map(\.instanceIds).sorted { $0[0] < $1[0] } == [["i-a"], ["i-b"], ["i-c"]])
        #expect(calls.allSatisfy { params($0)["DryRun"] == "true" })
        #expect(try rig.records().contains { $0.event == .answer && $0.note.contains("checking each instance") })
        #expect(await rig.status("i-a") == .running)
    }

    @Test("SuccessFirst dry run checks each instance with its own AllTogether dry run, and says so in the notes")
    func successFirstPerInstance() async throws {
        let rig = try EngineRig(Self.ids.map { makeInstance($0) } + [makeInstance("i-off", .stopped)])
        let plan = try await rig.plan(.stop, Self.ids + ["i-off"], OperationOptions(batch: .successFirst, dryRun: true))
        #expect(plan.batches.count == 1)
        #expect(plan.callCount == 3)
        try await rig.stopNow(["i-c"])
        let before = rig.stopCalls()
        let report = await rig.engine().run(plan, wait: true)
        #expect(report.result("i-a")?.outcome == .dryRunPassed)
        #expect(report.result("i-b")?.outcome == .dryRunPassed)
        #expect(
            report.result("i-c")?.outcome == .dryRunFailed,
            "a SuccessFirst dry run alone would have said DRYRUN.SUCCESS")
        #expect(report.result("i-c")?.code == ErrorCode.incorrectInstanceStatus)
        #expect(report.result("i-off")?.outcome == .skipped)
        let calls = Array(rig.transport.requests(ECSAction.stopInstances).dropFirst(before))
        #expect(calls.count == 3)
        #expect(
            calls.allSatisfy {
                $0.instanceIds.count == 1 && params($0)["BatchOptimization"] == "AllTogether"
                    && params($0)["DryRun"] == "true"
            })
        #expect(report.notes.count == 1)
        #expect(report.notes.first?.contains("SuccessFirst") == true)
        #expect(report.notes.first?.contains("each instance") == true)
        // The journal tells the operation as asked (a SuccessFirst dry run), not as its calls were sent.
        let entry = try #require(OperationHistory(records: try rig.records()).entries.first { $0.operation == plan.id })
        #expect(entry.isDryRun && entry.title == "stop (dry run)")
        #expect(entry.options == ["SuccessFirst"])
    }

    @Test("A start dry run passes for stopped instances")
    func startDryRun() async throws {
        let rig = try EngineRig([makeInstance("i-off", .stopped), makeInstance("i-off2", .stopped)])
        let report = await rig.engine().run(
            try await rig.plan(.start, ["i-off", "i-off2"], OperationOptions(dryRun: true)), wait: true)
        #expect(report.results.allSatisfy { $0.outcome == .dryRunPassed })
        #expect(rig.transport.requests(ECSAction.startInstances).count == 1)
        #expect(await rig.status("i-off") == .stopped)
    }
}
