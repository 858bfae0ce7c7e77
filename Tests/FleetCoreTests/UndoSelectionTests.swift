import ECSAPI
import FleetCore
import Foundation
import Testing

@Suite struct UndoSelectionTests {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    func result(_ id: String, _ outcome: Outcome, previous: InstanceStatus, code: String = "") -> InstanceResult {
        InstanceResult(
            instanceId: id, regionId: home, outcome: outcome, code: code, previousStatus: previous.rawValue,
            currentStatus: "")
    }

    /// An operation as the journal tells it: its plan, its results, and its end when `ended`.
    func history(_ operations: [(id: String, action: PowerAction, results: [InstanceResult], dryRun: Bool)])
        -> OperationHistory
    {
        var records: [JournalRecord] = []
        for (n, op) in operations.enumerated() {
            let time = Self.t0.addingTimeInterval(Double(n) * 60)
            records.append(
                JournalRecord(
                    time: time, operation: op.id, event: .begin, profile: "p", action: op.action.rawValue,
                    parameters: op.dryRun ? [("DryRun", "true")] : [], results: op.results))
            records.append(
                JournalRecord(time: time, operation: op.id, event: .end, profile: "p", action: op.action.rawValue))
        }
        return OperationHistory(records: records)
    }

    @Test func aStopIsUndoneByStartingWhatItStoppedThatIsStillStopped() throws {
        let h = history([
            (
                "op-1", .stop,
                [result("i-1", .stopped, previous: .running), result("i-2", .accepted, previous: .running)], false
            )
        ])
        let undo = try UndoSelection.select(h.entries[0], current: ["i-1": .stopped, "i-2": .stopped], later: [])
        #expect(undo.action == .start)
        #expect(undo.targets.map(\.instanceId) == ["i-1", "i-2"] && undo.targets.allSatisfy { $0.regionId == home })
        #expect(undo.skipped.isEmpty)
    }

    @Test func eachSkipSaysWhy() throws {
        let results = [
            result("i-before", .skipped, previous: .stopped, code: ErrorCode.incorrectInstanceStatus),
            result("i-failed", .failed, previous: .running, code: "IncorrectInstanceStatus.Locked"),
            result("i-started", .stopped, previous: .running),
            result("i-later", .stopped, previous: .running),
            result("i-stopping", .stopped, previous: .running),
            result("i-gone", .stopped, previous: .running),
            result("i-ok", .stopped, previous: .running),
        ]
        let h = history([
            ("op-1", .stop, results, false), ("op-2", .start, [result("i-later", .started, previous: .stopped)], false),
        ])
        let current: [String: InstanceStatus] = [
            "i-before": .stopped, "i-failed": .running, "i-started": .running, "i-later": .stopped,
            "i-stopping": .stopping, "i-ok": .stopped,
        ]
        let undo = try UndoSelection.select(h.entries[0], current: current, later: Array(h.entries[1...]))
        #expect(undo.targets.map(\.instanceId) == ["i-ok"])
        let reasons = Dictionary(uniqueKeysWithValues: undo.skipped.map { ($0.instanceId, $0.reason) })
        #expect(reasons["i-before"] == "already Stopped before op-1")
        #expect(reasons["i-failed"] == "not stopped by op-1 (failed IncorrectInstanceStatus.Locked)")
        #expect(reasons["i-started"] == "started since (now Running)")
        #expect(reasons["i-later"] == "started since, by op-2")
        #expect(reasons["i-stopping"] == "now Stopping, not Stopped")
        #expect(reasons["i-gone"] == "no longer exists")
        #expect(undo.skipped.count == 6)
    }

    @Test func anInterruptedStopCountsWhatWasSentFromRunning() throws {
        let results = [result("i-sent", .sending, previous: .running), result("i-queued", .queued, previous: .running)]
        let h = history([("op-1", .stop, results, false)])
        let undo = try UndoSelection.select(
            h.entries[0], current: ["i-sent": .stopped, "i-queued": .stopped], later: [])
        #expect(undo.targets.map(\.instanceId) == ["i-sent"])
        #expect(undo.skipped.map(\.reason) == ["not stopped by op-1 (queued)"])
    }

    @Test func aStartIsUndoneByStoppingWhatItStartedThatIsStillRunning() throws {
        let results = [
            result("i-1", .started, previous: .stopped), result("i-2", .started, previous: .stopped),
            result("i-3", .skipped, previous: .running, code: ErrorCode.incorrectInstanceStatus),
        ]
        let h = history([("op-1", .start, results, false)])
        let undo = try UndoSelection.select(
            h.entries[0], current: ["i-1": .running, "i-2": .stopped, "i-3": .running], later: [])
        #expect(undo.action == .stop)
        #expect(undo.targets.map(\.instanceId) == ["i-1"])
        #expect(undo.skipped.map(\.reason) == ["stopped since (now Stopped)", "already Running before op-1"])
    }

    @Test func aDryRunOrAnOperationWithoutPlanCannotBeUndone() {
        let h = history([("op-1", .stop, [result("i-1", .dryRunPassed, previous: .running)], true)])
        #expect(throws: UndoError.self) {
            try UndoSelection.select(h.entries[0], current: ["i-1": .running], later: [])
        }
        let bare = OperationHistory(records: [
            JournalRecord(time: Self.t0, operation: "op-x", event: .send, profile: "p", action: "StopInstances")
        ])
        #expect(throws: UndoError.self) { try UndoSelection.select(bare.entries[0], current: [:], later: []) }
    }
}
