import ECSAPI
import ECSClient
import ECSSimulator
import FleetCore
import Foundation
import Testing

/// The journal file, the history read from it, and resuming an operation a crash interrupted.
@Suite("Journal, history and resume")
struct JournalTests {
    /// A journal in its own temporary folder.
    final class TempJournal: Sendable {
        let directory = NSTemporaryDirectory() + "journal-tests-" + UUID().uuidString
        var path: String { directory + "/nested/journal.jsonl" }
        deinit { try? FileManager.default.removeItem(atPath: directory) }

        func open() throws -> Journal { try Journal(path: path) }
        /// Appends raw bytes, as a crash in the middle of a write would leave them.
        func appendRaw(_ text: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
    }

    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    func record(
        _ op: String, _ event: JournalRecord.Event, at offset: TimeInterval = 0, results: [InstanceResult] = [],
        parameters: [(String, String)] = [], note: String = ""
    ) -> JournalRecord {
        JournalRecord(
            time: Self.t0.addingTimeInterval(offset), operation: op, event: event, profile: "default",
            region: event == .send ? home : "", action: event == .send ? ECSAction.stopInstances : "stop",
            parameters: parameters, requestId: event == .answer ? "REQ-1" : "", results: results, note: note)
    }

    func queued(_ ids: [String]) -> [InstanceResult] {
        ids.map {
            InstanceResult(
                instanceId: $0, regionId: home, outcome: .queued, previousStatus: "Running", currentStatus: "Running")
        }
    }

    @Test("Append then read gives the same records back; secret parameters are never kept")
    func roundTrip() throws {
        let temp = TempJournal()
        let journal = try temp.open()
        let written = [
            record("op-1", .begin, results: queued(["i-a", "i-b"]), note: "stop of 2 instances, 1 calls"),
            record(
                "op-1", .send, at: 1,
                parameters: [
                    ("RegionId", home), ("InstanceId.1", "i-a"), ("AccessKeyId", "LTAIkey"),
                    ("Signature", "c2ln"), ("SecurityToken", "tok"), ("SignatureNonce", "n"),
                ]),
            record(
                "op-1", .answer, at: 2,
                results: [
                    InstanceResult(
                        instanceId: "i-a", regionId: home, outcome: .accepted, code: "200",
                        message: "success \u{1F600} \"quoted\"\nline", previousStatus: "Running",
                        currentStatus: "Stopping")
                ]),
            record("op-1", .end, at: 3, note: "1 accepted"),
        ]
        for r in written { try journal.append(r) }
        let read = try Journal.read(path: temp.path)
        #expect(read == written)
        #expect(read[1].parameters.map(\.0) == ["RegionId", "InstanceId.1"])
        #expect(read[2].results.first?.message == "success \u{1F600} \"quoted\"\nline")
        #expect(read[0].time == Self.t0)
        let text = try String(contentsOfFile: temp.path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 4, "one line per record")
        #expect(!text.contains("LTAIkey") && !text.contains("Signature") && !text.contains("tok"))
        // A second Journal on the same file appends after what is there.
        try temp.open().append(record("op-2", .begin))
        #expect(try Journal.read(path: temp.path).count == 5)
        #expect(try Journal.read(path: temp.path + ".absent").isEmpty)
    }

    @Test("A torn last line (a crash mid-write) is skipped")
    func tornLastLine() throws {
        let temp = TempJournal()
        let journal = try temp.open()
        try journal.append(record("op-1", .begin, results: queued(["i-a"])))
        try journal.append(record("op-1", .send, at: 1))
        try temp.appendRaw(#"{"Time":"2026-01-01T00:00:02Z","Operation":"op-1","Event":"ans"#)
        let read = try Journal.read(path: temp.path)
        #expect(read.map(\.event) == [.begin, .send])
    }

    @Test("After a torn last line, records appended by the next run are still read")
    func appendAfterTornLine() throws {
        let temp = TempJournal()
        try temp.open().append(record("op-1", .begin, results: queued(["i-a"])))
        try temp.appendRaw(#"{"Time":"2026-01-01T00:00:02Z","Operation":"op-1","Eve"#)
        // The process restarts and journals a new operation.
        let next = try temp.open()
        try next.append(record("op-2", .begin, results: queued(["i-b"])))
        try next.append(record("op-2", .end, at: 1))
        let read = try Journal.read(path: temp.path)
        #expect(
            read.map(\.operation) == ["op-1", "op-2", "op-2"], "the first record after a torn line must not be lost")
    }

    @Test("History: one entry per operation; without `end` it is interrupted, with its unfinished instances")
    func history() throws {
        let records = [
            record("op-1", .begin, results: queued(["i-a", "i-b"])),
            record("op-1", .send, at: 1),
            record("op-2", .begin, at: 2, results: queued(["i-c"])),
            record(
                "op-1", .answer, at: 3,
                results: [InstanceResult(instanceId: "i-b", regionId: home, outcome: .failed, code: "X")]),
            record("op-2", .send, at: 4), record("op-2", .send, at: 5),
            record(
                "op-2", .outcome, at: 6, results: [InstanceResult(instanceId: "i-c", regionId: home, outcome: .stopped)]
            ),
            record("op-2", .end, at: 7),
        ]
        let entries = OperationHistory(records: records).entries
        #expect(entries.map(\.operation) == ["op-1", "op-2"])
        let first = entries[0]
        let second = entries[1]
        #expect(first.isInterrupted)
        #expect(first.action == "stop")
        #expect(first.calls == 1)
        #expect(first.results.map(\.instanceId) == ["i-a", "i-b"])
        #expect(first.unfinished.map(\.instanceId) == ["i-a"])
        #expect(first.regions == [home])
        #expect(!second.isInterrupted)
        #expect(second.calls == 2)
        #expect(second.ended == Self.t0.addingTimeInterval(7))
        #expect(second.unfinished.isEmpty)
    }

    @Test("A crash between send and answer: resume re-reads status, records the outcomes and the end, sends nothing")
    func resumeAfterCrash() async throws {
        let rig = try EngineRig([
            makeInstance("i-a"), makeInstance("i-b"), makeInstance("i-late"), makeInstance("i-never"),
        ])
        // The stop of i-a and i-b reached ECS before the crash; i-never was queued in a later call never sent.
        _ = try await rig.client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a", "i-b"]))
        rig.clock.advance(by: 10)
        _ = try await rig.client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-late"]))
        let stopsBefore = rig.stopCalls()
        let op = "op-crash"
        // What the engine had journaled when the process died: the plan, and the call about to be sent.
        try rig.journal.append(record(op, .begin, results: queued(["i-a", "i-b", "i-late", "i-never"])))
        try rig.journal.append(
            JournalRecord(
                time: rig.clock.now(), operation: op, event: .send, profile: "default", region: home,
                action: ECSAction.stopInstances,
                parameters: [
                    ("RegionId", home), ("InstanceId.1", "i-a"), ("InstanceId.2", "i-b"), ("InstanceId.3", "i-late"),
                ]))

        let interrupted = try #require(
            OperationHistory(records: try rig.records()).entries.first { $0.operation == op })
        #expect(interrupted.isInterrupted)
        #expect(interrupted.unfinished.count == 4)

        let resume = JournalResume(service: rig.service, journal: rig.journal, clock: SimEngineClock(clock: rig.clock))
        let finished = try await resume.resume(interrupted)
        let byId = Dictionary(uniqueKeysWithValues: finished.map { ($0.instanceId, $0) })
        #expect(byId["i-a"]?.outcome == .stopped)
        #expect(byId["i-b"]?.outcome == .stopped)
        #expect(byId["i-a"]?.currentStatus == "Stopped")
        #expect(byId["i-late"]?.outcome == .stopped, "Stopping when resumed: followed until Stopped")
        #expect(byId["i-never"]?.outcome == .failed)
        #expect(byId["i-never"]?.code == "NotSent")
        #expect(rig.stopCalls() == stopsBefore, "resuming never sends a stop")

        let records = try rig.records().filter { $0.operation == op }
        #expect(records.map(\.event) == [.begin, .send, .outcome, .end])
        let after = try #require(OperationHistory(records: try rig.records()).entries.first { $0.operation == op })
        #expect(!after.isInterrupted)
        #expect(after.results.first { $0.instanceId == "i-a" }?.outcome == .stopped)
        #expect(after.unfinished.isEmpty)
    }

    @Test("Resume: an instance sent but still Running was not applied; one that vanished is not found")
    func resumeNotApplied() async throws {
        let rig = try EngineRig([makeInstance("i-a")])
        let op = "op-x"
        try rig.journal.append(
            record(
                op, .begin,
                results: [
                    InstanceResult(instanceId: "i-a", regionId: home, outcome: .sending),
                    InstanceResult(instanceId: "i-gone", regionId: home, outcome: .accepted),
                ]))
        let entry = try #require(OperationHistory(records: try rig.records()).entries.first)
        let finished = try await JournalResume(
            service: rig.service, journal: rig.journal, clock: SimEngineClock(clock: rig.clock)
        ).resume(entry)
        #expect(finished.first { $0.instanceId == "i-a" }?.code == "NotApplied")
        #expect(finished.first { $0.instanceId == "i-gone" }?.code == ErrorCode.invalidInstanceIdNotFound)
        #expect(OperationHistory(records: try rig.records()).entries.first?.isInterrupted == false)
    }

    @Test("Resume: an instance that stays Stopping is followed until the timeout, then called timeout")
    func resumeTimesOut() async throws {
        let rig = try EngineRig([makeInstance("i-a")], configure: { $0.stopDelay = DelayRange(min: 1000, max: 1000) })
        _ = try await rig.client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
        try rig.journal.append(
            record("op-slow", .begin, results: [InstanceResult(instanceId: "i-a", regionId: home, outcome: .accepted)]))
        let entry = try #require(OperationHistory(records: try rig.records()).entries.first)
        let resume = JournalResume(
            service: rig.service, journal: rig.journal, clock: SimEngineClock(clock: rig.clock), timeout: .seconds(60))
        let finished = try await resume.resume(entry)
        #expect(finished.map(\.outcome) == [.timeout])
        #expect(finished.first?.message == "still Stopping 60 s after resuming")
        #expect(await rig.status("i-a") == .stopping)
    }
}
