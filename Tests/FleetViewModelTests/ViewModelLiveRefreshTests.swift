import ECSAPI
import FleetCore
import Foundation
import Synchronization
import Testing

@testable import FleetViewModel

/// Live updates through the reducer: what a tick asks for, and what answers by ID change.
@Suite struct ViewModelLiveRefreshTests {
    static func at(_ seconds: TimeInterval) -> Date { VM.t0.addingTimeInterval(seconds) }

    /// Hangzhou with 300 instances listed at `t0` (re-listed every 3 intervals), five rows on screen.
    static func listed() -> FleetState {
        var s = FleetState(
            profile: "p", regions: .only([VM.hangzhou]), autoRefreshInterval: 60, operationIdPrefix: "t-")
        VM.load(&s, (1...300).map { VM.instance($0) })
        VM.reduce(&s, .viewportChanged(ListViewport(first: 0, rows: 5)))
        return s
    }

    @Test func rowsOnScreenAreReadByIdAndTheirAnswersUpdateTheList() {
        var s = Self.listed()
        #expect(s.onScreenIds == VM.ids(1...5))
        #expect(s.refreshedAt == VM.t0)
        #expect(VM.reduce(&s, .tick(Self.at(59))).isEmpty)
        #expect(VM.reduce(&s, .tick(Self.at(60))) == [.refreshInstances(region: VM.hangzhou, ids: VM.ids(1...5))])
        #expect(VM.reduce(&s, .tick(Self.at(61))).isEmpty) // asked, not answered yet

        // Another tool stopped i-a02; i-a04 was released.
        let answer = [1, 2, 3, 5].map { VM.instance($0, $0 == 2 ? .stopping : .running) }
        VM.reduce(
            &s, .instancesRefreshed(region: VM.hangzhou, asked: VM.ids(1...5), instances: answer), now: Self.at(61))
        #expect(s.instance(VM.id(2))?.status == .stopping)
        #expect(s.instance(VM.id(4)) == nil)
        #expect(s.onScreenIds == VM.ids([1, 2, 3, 5, 6]))
        #expect(s.refreshedAt == VM.t0) // i-a06 came on screen, read with the listing
        #expect(s.visibleStatusCounts[.stopping] == 1)

        // The row that came on screen is due at once; the stopping instance 5 s after it was first seen so.
        #expect(VM.reduce(&s, .tick(Self.at(65))) == [.refreshInstances(region: VM.hangzhou, ids: [VM.id(6)])])
        VM.reduce(
            &s, .instancesRefreshed(region: VM.hangzhou, asked: [VM.id(6)], instances: [VM.instance(6)]),
            now: Self.at(65))
        #expect(VM.reduce(&s, .tick(Self.at(66))) == [.refreshInstances(region: VM.hangzhou, ids: [VM.id(2)])])
        VM.reduce(
            &s, .instancesRefreshed(region: VM.hangzhou, asked: [VM.id(2)], instances: [VM.instance(2, .stopped)]),
            now: Self.at(66))
        #expect(s.refreshedAt == Self.at(61))
        #expect(s.refreshes.transitionSince.isEmpty == false)
        #expect(VM.reduce(&s, .tick(Self.at(67))).isEmpty)
        #expect(s.refreshes.transitionSince.isEmpty)

        // The region is re-listed three intervals after its listing ended.
        #expect(VM.reduce(&s, .tick(Self.at(180))) == [.loadInstances(region: VM.hangzhou, generation: 2)])
    }

    /// The screen's loop on a manual clock: the runner performs each tick's effects against a fake ECS in which
    /// another tool stops a row on screen; the screen shows it within one interval.
    @Test func anotherToolsStopOfARowOnScreenIsSeenWithinOneInterval() async {
        let ecs = VMFakeECS([VM.hangzhou: (1...300).map { VM.instance($0) }])
        let log = VMActionLog()
        let runner = ViewModelEffectRunnerTests.runner(ecs, log)
        var s = FleetState(
            profile: "p", regions: .only([VM.hangzhou]), autoRefreshInterval: 30, operationIdPrefix: "t-")
        var consumed = 0
        var pending = VM.reduce(&s, .refreshNow)
        func settle(_ now: Date) async {
            while !pending.isEmpty {
                for effect in pending {
                    if case .scheduleRefresh = effect { continue } // this loop ticks every second, as the app does
                    await runner.run(effect)
                }
                let actions = log.actions.dropFirst(consumed)
                consumed += actions.count
                pending = actions.flatMap { VM.reduce(&s, $0, now: now) }
            }
        }
        await settle(VM.t0)
        VM.reduce(&s, .viewportChanged(ListViewport(first: 0, rows: 10)))
        var seen: Int?
        for second in 1...60 {
            if second == 7 { ecs.fleet.withLock { $0[VM.hangzhou]![2].status = .stopping } }
            pending = VM.reduce(&s, .tick(Self.at(TimeInterval(second))), now: Self.at(TimeInterval(second)))
            await settle(Self.at(TimeInterval(second)))
            if seen == nil, s.instance(VM.id(3))?.status == .stopping { seen = second }
        }
        #expect(seen.map { $0 - 7 <= 30 } == true, "seen at \(String(describing: seen))")
        // One listing (3 pages), then one call by ID every 30 s, and the stopping instance every 5 s after.
        let calls = ecs.calls.withLock { $0 }
        #expect(calls.count <= 3 + 2 + 7, "\(calls.count) calls")
    }

    @Test func pausedOrOffReadsNothing() {
        var s = Self.listed()
        VM.reduce(&s, .togglePause)
        #expect(VM.reduce(&s, .tick(Self.at(600))).isEmpty)
        var off = FleetState(
            profile: "p", regions: .only([VM.hangzhou]), autoRefreshInterval: nil, operationIdPrefix: "t-")
        VM.load(&off, (1...300).map { VM.instance($0) })
        VM.reduce(&off, .viewportChanged(ListViewport(first: 0, rows: 5)))
        #expect(VM.reduce(&off, .tick(Self.at(600))).isEmpty)
    }

    @Test func anOperationsTargetsAreLeftToTheEngine() {
        var s = Self.listed()
        VM.reduce(&s, [.moveTo(instanceId: VM.id(250)), .openStopDialog, .pressButton(.confirm), .typeCharacter("y")])
        #expect(s.inFlightOperations.count == 1)
        VM.reduce(
            &s,
            .operationUpdated(
                operationId: s.operations[0].id,
                results: [
                    InstanceResult(
                        instanceId: VM.id(250), regionId: VM.hangzhou, outcome: .accepted, previousStatus: "Running",
                        currentStatus: "Stopping")
                ]))
        #expect(s.instance(VM.id(250))?.status == .stopping)
        #expect(s.refreshInputs().inTransition.isEmpty)
    }

    @Test func anAnswerKeepsItsInstancesThroughARunningListingAndUpdatesTheDialog() {
        var s = Self.listed()
        VM.reduce(&s, [.toggleMark, .openStopDialog])
        VM.reduce(&s, .refreshNow, now: Self.at(10))
        let generation = s.loads[VM.hangzhou]!.generation
        VM.reduce(
            &s, .instancesRefreshed(region: VM.hangzhou, asked: [VM.id(1)], instances: [VM.instance(1, .stopped)]),
            now: Self.at(11))
        #expect(VM.dialog(s)?.targets.first?.status == .stopped)
        #expect(VM.dialog(s)?.sendCount == 0)
        // The listing had read i-a01 earlier: it still has it; the answer by ID counts as seen by this listing.
        VM.reduce(
            &s,
            .instancesLoaded(
                InstancePage(
                    region: VM.hangzhou, generation: generation, instances: (2...300).map { VM.instance($0) },
                    loaded: 299, total: 299, isLast: true)), now: Self.at(12))
        #expect(s.instance(VM.id(1))?.status == .stopped)
        #expect(s.instanceCount == 300)
    }
}
