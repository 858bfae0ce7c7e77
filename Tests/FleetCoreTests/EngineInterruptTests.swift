import ECSAPI
import ECSSimulator
import FleetCore
import Foundation
import Testing

/// An operation cancelled part-way (the screen quit, Ctrl-C) stays unfinished in the journal, for
/// `ecsfleet journal --resume`, instead of ending with instances still on their way.
@Suite("Engine: interrupted operations")
struct EngineInterruptTests {
    /// Simulated time for `now`; a wait that lasts until the task is cancelled, so tracking never ends by itself.
    struct StalledClock: EngineClock {
        let clock: ManualClock
        func now() -> Date { clock.now() }
        func sleep(for duration: Duration) async throws { try await Task.sleep(for: .seconds(3600)) }
    }

    @Test("Cancelled while tracking: no end record, the operation is interrupted, and resume finds it Stopped")
    func cancelledWhileTracking() async throws {
        let rig = try EngineRig([makeInstance("i-a"), makeInstance("i-b")])
        var engine = rig.engine()
        engine.clock = StalledClock(clock: rig.clock)
        let plan = try await rig.plan(.stop, ["i-a", "i-b"])
        let (accepted, signal) = AsyncStream.makeStream(of: Void.self)
        let run = Task {
            await engine.run(plan, wait: true) { changed in
                if changed.contains(where: { $0.outcome == .accepted }) { signal.yield() }
            }
        }
        var waiting = accepted.makeAsyncIterator()
        _ = await waiting.next()
        run.cancel()
        let report = await run.value
        #expect(report.results.allSatisfy { $0.outcome == .accepted })
        #expect(report.notes.contains { $0.contains("journal --resume") })

        let records = try rig.records().filter { $0.operation == plan.id }
        #expect(!records.contains { $0.event == .end }, "an interrupted operation is not ended")
        #expect(records.last?.note.contains("interrupted") == true)
        let entry = try #require(OperationHistory(records: try rig.records()).entries.first { $0.operation == plan.id })
        #expect(entry.isInterrupted)
        #expect(entry.unfinished.map(\.instanceId).sorted() == ["i-a", "i-b"])

        rig.clock.advance(by: 10)
        let finished = try await JournalResume(
            service: rig.service, journal: rig.journal, clock: SimEngineClock(clock: rig.clock)
        ).resume(entry)
        #expect(finished.map(\.outcome) == [.stopped, .stopped])
        #expect(rig.stopCalls() == 1, "the stop was sent once; resuming sends nothing")
    }

    @Test("Cancelled before anything was sent: nothing is sent, and resume records the instances as not sent")
    func cancelledBeforeSending() async throws {
        let rig = try EngineRig([makeInstance("i-a")])
        let engine = rig.engine()
        let plan = try await rig.plan(.stop, ["i-a"])
        let run = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await engine.run(plan, wait: true)
        }
        let report = await run.value
        #expect(report.results.map(\.outcome) == [.queued])
        #expect(rig.stopCalls() == 0)
        let entry = try #require(OperationHistory(records: try rig.records()).entries.first { $0.operation == plan.id })
        #expect(entry.isInterrupted)
        let finished = try await JournalResume(
            service: rig.service, journal: rig.journal, clock: SimEngineClock(clock: rig.clock)
        ).resume(entry)
        #expect(finished.map(\.code) == ["NotSent"])
        #expect(await rig.status("i-a") == .running)
    }

    @Test("A dry run cancelled part-way still ends: nothing was applied, so there is nothing to resume")
    func cancelledDryRunEnds() async throws {
        let rig = try EngineRig([makeInstance("i-a")])
        let engine = rig.engine()
        var dry = try await rig.plan(.stop, ["i-a"])
        dry.options.dryRun = true
        let plan = dry
        let run = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await engine.run(plan, wait: false)
        }
        _ = await run.value
        let entry = try #require(OperationHistory(records: try rig.records()).entries.first { $0.operation == plan.id })
        #expect(!entry.isInterrupted)
    }
}
