import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Synchronization
import Testing

@Suite struct ViewModelEffectRunnerTests {
    static func fleet(_ count: Int) -> [Instance] { (1...count).map { VM.instance($0) } }

    static func runner(_ ecs: VMFakeECS, _ log: VMActionLog, batchSize: Int = 1000) -> FleetEffectRunner {
        let clock = VMClock()
        var engine = OperationEngine(service: ecs, journal: nil, clock: clock, profile: "test")
        engine.pollInitial = .seconds(1)
        return FleetEffectRunner(
            service: ecs, journal: nil, clock: clock, engine: engine, batchSize: batchSize, send: log.send)
    }

    static func pages(_ actions: [FleetAction]) -> [InstancePage] {
        actions.compactMap { if case .instancesLoaded(let p) = $0 { return p } else { return nil } }
    }

    @Test func loadingReportsTheFirstPageAtOnceThenTheRest() async {
        let ecs = VMFakeECS([VM.hangzhou: Self.fleet(250)])
        let log = VMActionLog()
        await Self.runner(ecs, log).run(.loadInstances(region: VM.hangzhou, generation: 4))
        let pages = Self.pages(log.actions)
        #expect(pages.map(\.instances.count) == [100, 150])
        #expect(pages.map(\.loaded) == [100, 250])
        #expect(pages.map(\.total) == [250, 250])
        #expect(pages.map(\.isLast) == [false, true])
        #expect(pages.allSatisfy { $0.generation == 4 && $0.region == VM.hangzhou })
        #expect(ecs.calls.withLock { $0 } == Array(repeating: ECSAction.describeInstances, count: 3))

        // Pages 2 and 3 are asked at once and may come back in either order.
        let small = VMActionLog()
        await Self.runner(ecs, small, batchSize: 100).run(.loadInstances(region: VM.hangzhou, generation: 1))
        let smallPages = Self.pages(small.actions)
        #expect(smallPages.map(\.loaded) == [100, 200, 250] || smallPages.map(\.loaded) == [100, 250])
        #expect(smallPages.map(\.isLast).filter { $0 } == [true] && smallPages.last?.isLast == true)
        #expect(Set(smallPages.flatMap { $0.instances.map(\.instanceId) }).count == 250)

        // Fed to the reducer, the pages load the list.
        var s = FleetState(profile: "p", regions: .only([VM.hangzhou]), operationIdPrefix: "t-")
        let effects = VM.reduce(&s, .refreshNow)
        #expect(effects == [.loadInstances(region: VM.hangzhou, generation: 1)])
        for action in small.actions { VM.reduce(&s, action) }
        #expect(s.visible.count == 250)
        #expect(s.loads[VM.hangzhou]?.phase == .done)
    }

    @Test func loadingAsksNumberedPagesAtOnceAndReportsThemAsTheyArrive() async {
        // Page 2 is answered only after pages 3 to 5: the load still reports every instance once, and only its
        // final report is the last.
        let ecs = VMOutOfOrderECS(VMFakeECS([VM.hangzhou: Self.fleet(450)]), holding: 2, until: 3)
        let log = VMActionLog()
        let clock = VMClock()
        let engine = OperationEngine(service: ecs, journal: nil, clock: clock, profile: "test")
        let runner = FleetEffectRunner(
            service: ecs, journal: nil, clock: clock, engine: engine, batchSize: 1, send: log.send)
        await runner.run(.loadInstances(region: VM.hangzhou, generation: 1))
        let pages = Self.pages(log.actions)
        #expect(pages.count == 5)
        #expect(pages.map(\.loaded) == pages.map(\.loaded).sorted() && pages.last?.loaded == 450)
        #expect(pages.map(\.isLast) == [false, false, false, false, true])
        #expect(pages.first?.instances.first?.instanceId == VM.id(1), "page 1 first: it says how many pages there are")
        #expect(Set(pages.flatMap { $0.instances.map(\.instanceId) }) == Set(Self.fleet(450).map(\.instanceId)))
        #expect(ecs.pagesAsked.withLock { $0 }.sorted() == [1, 2, 3, 4, 5])

        var s = FleetState(profile: "p", regions: .only([VM.hangzhou]), operationIdPrefix: "t-")
        VM.reduce(&s, .refreshNow)
        for action in log.actions { VM.reduce(&s, action) }
        #expect(s.visible.count == 450 && Set(s.visible) == Set(Self.fleet(450).map(\.instanceId)))
        #expect(s.loads[VM.hangzhou]?.phase == .done)
    }

    @Test func anEmptyRegionGetsItsPermissionChecked() async {
        let ecs = VMFakeECS([VM.shanghai: []])
        let log = VMActionLog()
        let runner = Self.runner(ecs, log)
        await runner.run(.loadInstances(region: VM.shanghai, generation: 1))
        #expect(Self.pages(log.actions).map(\.isLast) == [true])
        await runner.run(.checkPermission(region: VM.shanghai, generation: 1))
        guard case .permissionChecked(let region, let generation, let answer)? = log.actions.last else {
            Issue.record("no permission answer")
            return
        }
        #expect(region == VM.shanghai && generation == 1 && answer == .granted)
        await runner.run(.loadRegionList)
        guard case .regionsLoaded(let regions)? = log.actions.last else {
            Issue.record("no regions")
            return
        }
        #expect(regions == [VM.shanghai])
    }

    @Test func aDeniedRegionFailsAndIsReportedAsNoPermission() async {
        let ecs = VMFakeECS([VM.hangzhou: Self.fleet(2)], denied: [VM.hangzhou])
        let log = VMActionLog()
        let runner = Self.runner(ecs, log)
        var s = VM.state(2)
        for effect in VM.reduce(&s, .refreshNow) { await runner.run(effect) }
        for action in log.actions { for effect in VM.reduce(&s, action) { await runner.run(effect) } }
        let answers = log.actions.compactMap { a -> RegionLoad.Permission? in
            if case .permissionChecked(_, _, let p) = a { return p } else { return nil }
        }
        #expect(answers == [.denied("Forbidden.RAM: User not authorized to operate on the specified resource.")])
        for action in log.actions.suffix(1) { VM.reduce(&s, action) }
        #expect(
            s.loads[VM.hangzhou]?.summary
                == "no permission: Forbidden.RAM: User not authorized to operate on the specified resource.")
        #expect(s.visible.count == 2) // the instances loaded before stay listed
    }

    @Test func executingSendsUpdatesThenTheReport() async {
        let ecs = VMFakeECS([VM.hangzhou: Self.fleet(3)])
        var s = VM.state(3)
        VM.reduce(&s, [.markAllVisible, .openStopDialog, .pressButton(.confirm)])
        let effects = VM.reduce(&s, .typeCharacter("y"))
        guard case .execute(let plan)? = effects.first else {
            Issue.record("no execute effect")
            return
        }

        let log = VMActionLog()
        await Self.runner(ecs, log).run(.execute(plan))
        let actions = log.actions
        let updates = actions.compactMap { a -> [InstanceResult]? in
            if case .operationUpdated(let id, let results) = a, id == plan.id { return results } else { return nil }
        }
        #expect(updates.first?.map(\.outcome) == [.queued, .queued, .queued])
        #expect(updates.contains { $0.contains { $0.outcome == .accepted } })
        guard case .operationFinished(let report)? = actions.last else {
            Issue.record("no finished action")
            return
        }
        #expect(report.operation == plan.id)
        #expect(report.results.map(\.outcome) == [.stopped, .stopped, .stopped])

        for action in actions { VM.reduce(&s, action) }
        #expect(s.operations[0].isFinished)
        #expect(s.operations[0].results.map(\.outcome) == [.stopped, .stopped, .stopped])
        #expect((1...3).map { s.instance(VM.id($0))?.status } == [.stopped, .stopped, .stopped])
        #expect(s.lastOperation(VM.id(2))?.summary == "stop: stopped")
    }

    @Test func cancellingALoadStopsItsPages() async {
        let ecs = VMFakeECS([VM.hangzhou: Self.fleet(30)])
        let log = VMActionLog()
        let runner = Self.runner(ecs, log)
        await runner.perform(.loadInstances(region: VM.hangzhou, generation: 1))
        await runner.perform(.cancelLoading(regions: [VM.hangzhou]))
        await runner.waitForAll()
        #expect(log.actions.allSatisfy { if case .loadFailed = $0 { return false } else { return true } })
        await runner.perform(.loadInstances(region: VM.hangzhou, generation: 2))
        await runner.waitForAll()
        #expect(Self.pages(log.actions).last?.generation == 2)
        #expect(Self.pages(log.actions).last?.isLast == true)
    }

    @Test func aScheduledRefreshTicks() async {
        let log = VMActionLog()
        let runner = Self.runner(VMFakeECS([:]), log)
        await runner.run(.scheduleRefresh(at: VM.t0.addingTimeInterval(60)))
        guard case .tick(let time)? = log.actions.last else {
            Issue.record("no tick")
            return
        }
        #expect(time == VM.t0.addingTimeInterval(60))
        await runner.run(.loadJournal)
        guard case .journalFailed(let message)? = log.actions.last else {
            Issue.record("no journal answer")
            return
        }
        #expect(message == "No journal is open in this session.")
    }
}
