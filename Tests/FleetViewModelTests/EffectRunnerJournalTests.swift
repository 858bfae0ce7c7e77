import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Synchronization
import Testing

/// The runner's side of the journal view: resuming an interrupted operation, and reading what an undo needs.
@Suite struct ViewModelEffectRunnerJournalTests {
    /// A journal in a fresh temporary directory, holding the begin and an answer of a stop of 1-2 that was cut
    /// short while both were accepted (a Ctrl-C).
    static func interruptedJournal() throws -> (Journal, OperationHistory.Entry) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vm-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let journal = try Journal(path: dir.appendingPathComponent("journal.jsonl").path)
        let accepted = [1, 2].map {
            InstanceResult(
                instanceId: VM.id($0), regionId: VM.hangzhou, outcome: .accepted, code: "200",
                previousStatus: "Running", currentStatus: "Stopping")
        }
        try journal.append(
            JournalRecord(time: VM.t0, operation: "op-cut", event: .begin, profile: "test", action: "stop"))
        try journal.append(
            JournalRecord(
                time: VM.t0, operation: "op-cut", event: .answer, profile: "test", action: "stop", results: accepted))
        let entry = OperationHistory(records: try Journal.read(path: journal.path)).entries[0]
        return (journal, entry)
    }

    static func runner(_ ecs: VMFakeECS, _ journal: Journal, _ log: VMActionLog) -> FleetEffectRunner {
        let clock = VMClock()
        var engine = OperationEngine(service: ecs, journal: journal, clock: clock, profile: "test")
        engine.trackingTimeout = .seconds(30)
        return FleetEffectRunner(engine: engine, send: log.send)
    }

    @Test func resumeRereadsTheStatusFollowsTheMovingOnesAndSendsNothing() async throws {
        let (journal, entry) = try Self.interruptedJournal()
        // i-a01 reached Stopped while nobody watched; i-a02 stays Stopping (this fake never moves it on).
        let ecs = VMFakeECS([VM.hangzhou: [VM.instance(1, .stopped), VM.instance(2, .stopping)]])
        let log = VMActionLog()
        await Self.runner(ecs, journal, log).run(.resume(entry))
        #expect(!ecs.calls.withLock { $0 }.contains(ECSAction.stopInstances))
        #expect(ecs.calls.withLock { $0 }.allSatisfy { $0 == ECSAction.describeInstanceStatus })
        let updates = log.actions.compactMap { a -> [InstanceResult]? in
            if case .operationUpdated("op-cut", let r) = a { return r } else { return nil }
        }
        // The first read: i-a01 final, i-a02 on its way with the status read.
        #expect(updates.first?.map(\.outcome) == [.stopped, .accepted])
        #expect(updates.first?.last?.currentStatus == "Stopping")
        guard case .operationFinished(let report)? = log.actions.last else {
            Issue.record("no end: \(log.actions)")
            return
        }
        #expect(report.operation == "op-cut")
        #expect(report.results.map(\.instanceId) == VM.ids(1...2))
        #expect(report.results.map(\.outcome) == [.stopped, .timeout])
        // The journal now has the operation's end.
        let after = OperationHistory(records: try Journal.read(path: journal.path)).entries
        #expect(after.first?.isInterrupted == false)
    }

    @Test func aResumeThatCannotReadSaysWhyAndLeavesTheOperationUnfinished() async throws {
        let (journal, entry) = try Self.interruptedJournal()
        let ecs = VMFakeECS([VM.hangzhou: []], denied: [VM.hangzhou])
        let log = VMActionLog()
        await Self.runner(ecs, journal, log).run(.resume(entry))
        guard case .resumeFailed("op-cut", let message)? = log.actions.last else {
            Issue.record("no failure: \(log.actions)")
            return
        }
        #expect(message.contains("Forbidden.RAM"))
        #expect(OperationHistory(records: try Journal.read(path: journal.path)).entries.first?.isInterrupted == true)
    }

    @Test func readUndoTargetsReadsTheOperationsInstancesByRegion() async throws {
        let (journal, entry) = try Self.interruptedJournal()
        let ecs = VMFakeECS([VM.hangzhou: [VM.instance(1, .stopped), VM.instance(3)]])
        let log = VMActionLog()
        await Self.runner(ecs, journal, log).run(.readUndoTargets(entry, later: []))
        guard case .undoTargetsRead(let read, let later, let found, let failure)? = log.actions.last else {
            Issue.record("no answer: \(log.actions)")
            return
        }
        #expect(read.operation == "op-cut" && later.isEmpty && failure == nil)
        // i-a02 no longer exists; i-a03 was not part of the operation.
        #expect(found.map(\.instanceId) == [VM.id(1)])
    }
}
