import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

@Suite struct ViewModelRefreshTests {
    static func page(
        _ s: FleetState, _ list: [Instance], loaded: Int, total: Int, last: Bool, region: String = VM.hangzhou
    ) -> FleetAction {
        .instancesLoaded(
            InstancePage(
                region: region, generation: s.loads[region]!.generation, instances: list, loaded: loaded, total: total,
                isLast: last))
    }

    @Test func aRefreshLoadsEachShownRegionWithANewGeneration() {
        var s = FleetState(profile: "p", regions: .only([VM.hangzhou, VM.shanghai]), operationIdPrefix: "t-")
        #expect(
            VM.reduce(&s, .refreshNow) == [
                .loadInstances(region: VM.hangzhou, generation: 1), .loadInstances(region: VM.shanghai, generation: 1),
            ])
        #expect(s.loads[VM.hangzhou] == RegionLoad(region: VM.hangzhou, generation: 1, startedAt: VM.t0))
        #expect(s.isLoading)
        #expect(
            VM.reduce(&s, .refreshNow) == [
                .loadInstances(region: VM.hangzhou, generation: 2), .loadInstances(region: VM.shanghai, generation: 2),
            ])
    }

    @Test func pagesShowProgressAndTheLastOneFinishes() {
        var s = FleetState(profile: "p", regions: .only([VM.hangzhou]), operationIdPrefix: "t-")
        VM.reduce(&s, .refreshNow)
        let list = (1...5).map { VM.instance($0) }
        #expect(VM.reduce(&s, Self.page(s, Array(list[0..<2]), loaded: 2, total: 5, last: false)).isEmpty)
        #expect(s.loads[VM.hangzhou]?.summary == "loaded 2 / 5")
        #expect(Array(s.visible) == VM.ids(1...2))
        #expect(s.cursor == VM.id(1))
        let done = VM.t0.addingTimeInterval(3)
        let effects = VM.reduce(&s, Self.page(s, Array(list[2...]), loaded: 5, total: 5, last: true), now: done)
        #expect(effects == [.scheduleRefresh(at: done.addingTimeInterval(60))])
        #expect(s.loads[VM.hangzhou]?.phase == .done)
        #expect(s.loads[VM.hangzhou]?.summary == "5 instances")
        #expect(s.lastRefresh == done)
        #expect(Array(s.visible) == VM.ids(1...5))
    }

    @Test func pagesThatArriveOutOfOrderLoadEveryInstanceAndOnlyTheLastFinishes() {
        // Numbered pages are fetched at once and reported as they arrive: page 3, then 1, then 2.
        var s = VM.state(12) // instances 1...12 from an earlier load; 11 and 12 are gone since
        VM.reduce(&s, .refreshNow)
        let list = (1...10).map { VM.instance($0, .stopped) }
        VM.reduce(&s, Self.page(s, Array(list[8...]), loaded: 2, total: 10, last: false))
        #expect(s.loads[VM.hangzhou]?.summary == "loaded 2 / 10")
        #expect(s.instance(VM.id(9))?.status == .stopped)
        #expect(s.instance(VM.id(11)) != nil, "an unseen instance stays until the load has finished")
        VM.reduce(&s, Self.page(s, Array(list[0..<4]), loaded: 6, total: 10, last: false))
        #expect(s.loads[VM.hangzhou]?.isLoading == true)
        let done = VM.t0.addingTimeInterval(2)
        VM.reduce(&s, Self.page(s, Array(list[4..<8]), loaded: 10, total: 10, last: true), now: done)
        #expect(s.loads[VM.hangzhou]?.phase == .done)
        #expect(s.loads[VM.hangzhou]?.summary == "10 instances")
        #expect(Array(s.visible) == VM.ids(1...10), "in list order whatever order the pages came in")
        #expect((1...10).allSatisfy { s.instance(VM.id($0))?.status == .stopped })
        #expect(s.instance(VM.id(11)) == nil && s.instance(VM.id(12)) == nil)
    }

    @Test func aRefreshKeepsTheCursorAndMarksOnTheirInstances() {
        var s = VM.state(6)
        VM.reduce(
            &s,
            [
                .moveTo(instanceId: VM.id(4)), .toggleMark, .moveTo(instanceId: VM.id(2)), .toggleMark,
                .moveTo(instanceId: VM.id(5)),
            ])
        var list = (1...6).map { VM.instance($0) }
        list[4].status = .stopped
        list[1].instanceName = "renamed"
        list.shuffle()
        VM.load(&s, list)
        var expected = FleetState(
            profile: "test", regions: .only([VM.hangzhou]), instances: list, operationIdPrefix: "t-")
        expected.cursor = VM.id(5)
        expected.setMarks([VM.id(2), VM.id(4)])
        var load = RegionLoad(region: VM.hangzhou, generation: 1, startedAt: VM.t0)
        (load.loaded, load.total, load.phase, load.finishedAt) = (6, 6, .done, VM.t0)
        expected.loads = [VM.hangzhou: load]
        expected.lastRefresh = VM.t0
        #expect(s == expected)
        #expect(s.cursor == VM.id(5))
        #expect(s.markedIds == [VM.id(2), VM.id(4)])
        #expect(s.instance(VM.id(5))?.status == .stopped)
        #expect(s.instance(VM.id(2))?.instanceName == "renamed")
        #expect(Array(s.visible) == VM.ids(1...6))
    }

    @Test func whenTheCursorsInstanceDisappearsItMovesToTheNearestNeighbour() {
        var s = VM.state(6)
        VM.reduce(&s, [.moveTo(instanceId: VM.id(3)), .toggleMark])
        VM.load(&s, (1...6).filter { $0 != 3 }.map { VM.instance($0) })
        #expect(s.cursor == VM.id(4))
        #expect(s.markedIds == [VM.id(3)]) // the mark stays, even on an instance that is gone
        #expect(s.instance(VM.id(3)) == nil)
        #expect(Array(s.visible) == VM.ids([1, 2, 4, 5, 6]))

        VM.reduce(&s, .moveToBottom)
        VM.load(&s, (1...5).filter { $0 != 3 }.map { VM.instance($0) })
        #expect(s.cursor == VM.id(5))

        VM.load(&s, [])
        #expect(s.cursor == nil)
        #expect(s.visible.isEmpty)
    }

    @Test func pagesOfAnOlderOrCancelledLoadAreIgnored() {
        var s = VM.state(2)
        VM.reduce(&s, .refreshNow)
        let old = Self.page(s, [VM.instance(9)], loaded: 1, total: 1, last: true)
        VM.reduce(&s, .refreshNow)
        let before = s
        VM.reduce(&s, old)
        #expect(s == before)

        #expect(VM.reduce(&s, .cancelLoading) == [.cancelLoading(regions: [VM.hangzhou])])
        #expect(s.loads[VM.hangzhou]?.phase == .cancelled)
        #expect(s.loads[VM.hangzhou]?.isCancellable == false)
        let cancelled = s
        VM.reduce(&s, Self.page(s, [VM.instance(9)], loaded: 1, total: 1, last: true))
        #expect(s == cancelled)
        #expect(VM.reduce(&s, .cancelLoading).isEmpty)
    }

    @Test func anEmptyRegionIsCheckedForPermission() {
        var s = FleetState(profile: "p", regions: .only([VM.hangzhou]), operationIdPrefix: "t-")
        VM.reduce(&s, .refreshNow)
        let effects = VM.reduce(&s, Self.page(s, [], loaded: 0, total: 0, last: true))
        #expect(
            effects == [
                .checkPermission(region: VM.hangzhou, generation: 1),
                .scheduleRefresh(at: VM.t0.addingTimeInterval(60)),
            ])
        #expect(s.loads[VM.hangzhou]?.permission == .checking)
        VM.reduce(&s, .permissionChecked(region: VM.hangzhou, generation: 1, .granted))
        #expect(s.loads[VM.hangzhou]?.summary == "no instances")

        VM.reduce(&s, .refreshNow)
        VM.reduce(&s, Self.page(s, [], loaded: 0, total: 0, last: true))
        VM.reduce(&s, .permissionChecked(region: VM.hangzhou, generation: 2, .denied("Forbidden.RAM: not authorized")))
        #expect(s.loads[VM.hangzhou]?.summary == "no permission: Forbidden.RAM: not authorized")
        #expect(s.banners.last?.text == "No permission to list instances in cn-hangzhou: Forbidden.RAM: not authorized")
    }

    @Test func aFailedLoadIsReportedAndChecked() {
        var s = VM.state(2)
        VM.reduce(&s, .refreshNow)
        let effects = VM.reduce(&s, .loadFailed(region: VM.hangzhou, generation: 1, message: "NoAnswer: timed out"))
        #expect(effects == [.checkPermission(region: VM.hangzhou, generation: 1)])
        #expect(s.loads[VM.hangzhou]?.phase == .failed("NoAnswer: timed out"))
        #expect(s.banners.map(\.text) == ["cn-hangzhou: NoAnswer: timed out"])
        #expect(s.visible.count == 2) // what was loaded before stays
        VM.reduce(&s, .permissionChecked(region: VM.hangzhou, generation: 1, .unknown("no answer")))
        #expect(s.loads[VM.hangzhou]?.permission == .unknown("no answer"))
    }

    @Test func allRegionsAsksForTheRegionListFirst() {
        var s = FleetState(profile: "p", regions: .all, operationIdPrefix: "t-")
        #expect(VM.reduce(&s, .refreshNow) == [.loadRegionList])
        #expect(
            VM.reduce(&s, .regionsLoaded([VM.hangzhou, VM.shanghai])) == [
                .loadInstances(region: VM.hangzhou, generation: 1), .loadInstances(region: VM.shanghai, generation: 1),
            ])
        #expect(s.shownRegions == [VM.hangzhou, VM.shanghai])
        VM.reduce(&s, .regionListFailed("Throttling.User"))
        #expect(s.banners.last?.level == .error)
    }

    @Test func ticksExpireBannersAndRefreshWhenDue() {
        var s = VM.state(2)
        VM.load(&s, (1...2).map { VM.instance($0) })
        VM.reduce(&s, .moveTo(instanceId: "i-zzz"))
        #expect(s.banners.count == 1)
        #expect(VM.reduce(&s, .tick(VM.t0.addingTimeInterval(30))).isEmpty)
        #expect(s.banners.isEmpty)
        #expect(
            VM.reduce(&s, .tick(VM.t0.addingTimeInterval(60))) == [.loadInstances(region: VM.hangzhou, generation: 2)])

        var paused = VM.state(2)
        VM.load(&paused, (1...2).map { VM.instance($0) })
        #expect(VM.reduce(&paused, .togglePause).isEmpty)
        #expect(paused.paused)
        #expect(VM.reduce(&paused, .tick(VM.t0.addingTimeInterval(600))).isEmpty)
        #expect(
            VM.reduce(&paused, .togglePause, now: VM.t0.addingTimeInterval(600)) == [
                .scheduleRefresh(at: VM.t0.addingTimeInterval(600))
            ])
    }

    @Test func aRefreshUpdatesAnOpenDialogButNotItsTargets() {
        var s = VM.state(5)
        VM.reduce(&s, [.toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .openStopDialog])
        #expect(VM.dialog(s)?.targetIds == VM.ids(1...2))
        VM.reduce(&s, [.cancelDialog, .toggleMark, .openStopDialog]) // i-a03 is marked now too
        #expect(VM.dialog(s)?.targetIds == VM.ids(1...3))
        var list = (1...5).map { VM.instance($0) } + [VM.instance(6)]
        list[0].status = .stopped
        VM.load(&s, list.filter { $0.instanceId != VM.id(3) })
        let d = VM.dialog(s)!
        #expect(d.targetIds == VM.ids(1...3))
        #expect(d.targets[0].status == .stopped)
        #expect(d.targets[0].preflight == .skip(code: ErrorCode.incorrectInstanceStatus, reason: "already Stopped"))
        #expect(d.targets[2].status == nil)
        #expect(
            d.targets[2].preflight
                == .skip(code: ErrorCode.invalidInstanceIdNotFound, reason: "not found in this region"))
        #expect(d.sendCount == 1)
    }

    /// Many refreshes that add, remove and change instances, in pages, under a filter and a sort: the list kept
    /// up to date change by change equals the list computed from scratch and the reference rules.
    @Test(arguments: [SortColumn.name, .status, .privateIp, .id, .lock, .tags])
    func incrementalUpdatesMatchAFreshComputation(_ column: SortColumn) {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let statuses: [InstanceStatus] = [.running, .stopped, .stopping, .pending]
        func make(_ n: Int) -> Instance {
            VM.instance(n, statuses[next(4)]) { i in
                i.instanceId = "i-r\(n)"
                i.instanceName = ["Web", "api", "db", "web-api"][next(4)] + "-\(next(50))"
                i.vpcAttributes = .init(vpcId: "v", privateIpAddresses: ["10.\(next(3)).\(next(256)).\(next(256))"])
                if next(4) == 0 {
                    i.operationLocks = [.init(lockReason: ["security", "financial", "Recycling"][next(3)])]
                }
                i.tags = next(3) == 0 ? [] : [.init(key: "env", value: ["prod", "dev", "Test"][next(3)])]
            }
        }
        var s = FleetState(profile: "p", regions: .only([VM.hangzhou]), operationIdPrefix: "t-")
        VM.reduce(&s, [.editFilter("web !status:pending"), .applyFilter])
        s.sort = InstanceSort(column: column, ascending: column != .status)
        var current: [Int: Instance] = [:]
        for round in 0..<12 {
            for n in 1...220 where next(5) == 0 || round == 0 {
                if next(6) == 0 { current[n] = nil } else { current[n] = make(n) }
            }
            var shuffler = VMSeededGenerator(seed: UInt64(round))
            let list = current.keys.sorted().map { current[$0]! }.shuffled(using: &shuffler)
            VM.reduce(&s, .refreshNow)
            let generation = s.loads[VM.hangzhou]!.generation
            var sent = 0
            for chunk in list.chunked(1 + next(90)) {
                sent += chunk.count
                VM.reduce(
                    &s,
                    .instancesLoaded(
                        InstancePage(
                            region: VM.hangzhou, generation: generation, instances: chunk,
                            loaded: sent, total: list.count, isLast: sent == list.count)))
            }
            if list.isEmpty {
                VM.reduce(
                    &s,
                    .instancesLoaded(
                        InstancePage(
                            region: VM.hangzhou, generation: generation, instances: [], loaded: 0, total: 0,
                            isLast: true)))
            }
            var fresh = FleetState(
                profile: "p", regions: .only([VM.hangzhou]), instances: list, operationIdPrefix: "t-")
            fresh.filter = s.filter
            fresh.sort = s.sort
            VM.reduce(&fresh, .tick(VM.t0))
            #expect(Array(s.visible) == Array(fresh.visible), "round \(round)")
            let query = InstanceQuery(parsing: s.filter.applied)
            #expect(Set(s.visible) == Set(list.filter { query.matches($0) }.map { $0.instanceId }), "round \(round)")
            #expect(s.instanceCount == list.count)
        }
    }
}

/// A small seeded generator, so shuffles repeat.
struct VMSeededGenerator: RandomNumberGenerator {
    var seed: UInt64
    mutating func next() -> UInt64 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return seed
    }
}
