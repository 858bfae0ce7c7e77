import FleetViewModel
import Foundation
import Testing

/// The refresh scheduler on a manual clock: plain dates passed in, nothing waits.
@Suite struct RefreshSchedulerTests {
    typealias Row = RefreshScheduler.Row
    typealias Region = RefreshScheduler.Region
    static let t0 = VM.t0
    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }
    static func rows(_ range: ClosedRange<Int>, region: String = VM.hangzhou, readAt: Date? = t0) -> [Row] {
        range.map { Row(id: "i-r\($0)", region: region, refreshedAt: readAt) }
    }
    static func region(_ name: String = VM.hangzhou, instances: Int, listedAt: Date? = t0, listing: Bool = false)
        -> Region
    {
        Region(name: name, instances: instances, listedAt: listedAt, isListing: listing)
    }

    @Test func listingPeriodsGrowWithTheRegionUpToThirtyIntervals() {
        #expect(RefreshScheduler.listingPeriod(instances: 0, interval: 30) == 30)
        #expect(RefreshScheduler.listingPeriod(instances: 100, interval: 30) == 30)
        #expect(RefreshScheduler.listingPeriod(instances: 101, interval: 30) == 60)
        #expect(RefreshScheduler.listingPeriod(instances: 1_000, interval: 30) == 300)
        #expect(RefreshScheduler.listingPeriod(instances: 33_334, interval: 30) == 900)
    }

    @Test func rowsOnScreenOfALargeRegionAreReadByIdEachInterval() {
        var s = RefreshScheduler()
        let large = [Self.region(instances: 10_000)]
        var screen = Self.rows(1...3)
        #expect(
            s.plan(now: Self.at(29), interval: 30, onScreen: screen, inTransition: [], regions: large)
                == RefreshScheduler.Plan(relist: [], calls: [], nextDue: Self.at(30)))
        let due = s.plan(now: Self.at(30), interval: 30, onScreen: screen, inTransition: [], regions: large)
        #expect(due.calls == [RefreshScheduler.Call(region: VM.hangzhou, ids: ["i-r1", "i-r2", "i-r3"])])
        #expect(due.relist.isEmpty)
        // Asked and not answered: not asked again within the interval.
        #expect(
            s.plan(now: Self.at(31), interval: 30, onScreen: screen, inTransition: [], regions: large).calls.isEmpty)
        s.answered(["i-r1", "i-r2", "i-r3"])
        screen = Self.rows(1...3, readAt: Self.at(31))
        let next = s.plan(now: Self.at(32), interval: 30, onScreen: screen, inTransition: [], regions: large)
        #expect(next.calls.isEmpty)
        #expect(next.nextDue == Self.at(61))
    }

    @Test func anUnansweredCallIsAskedAgainOneIntervalLater() {
        var s = RefreshScheduler()
        let large = [Self.region(instances: 10_000)]
        let screen = Self.rows(1...2)
        #expect(
            s.plan(now: Self.at(30), interval: 30, onScreen: screen, inTransition: [], regions: large).calls.count == 1)
        #expect(
            s.plan(now: Self.at(59), interval: 30, onScreen: screen, inTransition: [], regions: large).calls.isEmpty)
        #expect(
            s.plan(now: Self.at(60), interval: 30, onScreen: screen, inTransition: [], regions: large).calls
                == [RefreshScheduler.Call(region: VM.hangzhou, ids: ["i-r1", "i-r2"])])
    }

    @Test func aSmallRegionIsReListedEachIntervalInsteadOfReadById() {
        var s = RefreshScheduler()
        let small = [Self.region(instances: 80)]
        let early = s.plan(
            now: Self.at(10), interval: 30, onScreen: Self.rows(1...3, readAt: Self.t0), inTransition: [],
            regions: small)
        #expect(early == RefreshScheduler.Plan(relist: [], calls: [], nextDue: Self.at(30)))
        let due = s.plan(
            now: Self.at(30), interval: 30, onScreen: Self.rows(1...3, readAt: Self.t0), inTransition: [],
            regions: small)
        #expect(due.relist == [VM.hangzhou])
        #expect(due.calls.isEmpty)
    }

    @Test func aLargeRegionIsReListedRarelyAndNeverReadByIdWhileListing() {
        var s = RefreshScheduler()
        let screen = Self.rows(1...2, readAt: Self.t0)
        #expect(
            s.plan(
                now: Self.at(899), interval: 30, onScreen: [], inTransition: [],
                regions: [Self.region(instances: 33_334)]
            ).relist.isEmpty)
        #expect(
            s.plan(
                now: Self.at(900), interval: 30, onScreen: screen, inTransition: [],
                regions: [Self.region(instances: 33_334)])
                == RefreshScheduler.Plan(relist: [VM.hangzhou], calls: [], nextDue: nil))
        let listing = [Self.region(instances: 33_334, listedAt: nil, listing: true)]
        #expect(
            s.plan(now: Self.at(960), interval: 30, onScreen: screen, inTransition: screen, regions: listing).calls
                .isEmpty)
        // A region never listed is listed at once.
        #expect(
            s.plan(
                now: Self.at(1), interval: 30, onScreen: [], inTransition: [],
                regions: [Self.region(instances: 0, listedAt: nil)]
            ).relist
                == [VM.hangzhou])
    }

    @Test func transitionsAreReadEveryFiveSecondsThenLessOften() {
        var s = RefreshScheduler()
        // A small region: only transitions are read by ID.
        func plan(_ t: TimeInterval, readAt: TimeInterval) -> RefreshScheduler.Plan {
            s.plan(
                now: Self.at(t), interval: 30, onScreen: [],
                inTransition: [Row(id: "i-m", region: VM.hangzhou, refreshedAt: Self.at(readAt))],
                regions: [Self.region(instances: 80, listedAt: Self.at(t))])
        }
        #expect(plan(1, readAt: 1).calls.isEmpty) // first seen in transition at 1 s
        #expect(s.transitionSince == ["i-m": Self.at(1)])
        #expect(plan(5, readAt: 1).calls.isEmpty)
        #expect(plan(6, readAt: 1).calls == [RefreshScheduler.Call(region: VM.hangzhou, ids: ["i-m"])])
        s.answered(["i-m"])
        #expect(plan(10, readAt: 6).calls.isEmpty)
        #expect(plan(11, readAt: 6).calls.count == 1)
        s.answered(["i-m"])
        // A quarter of the time spent in transition (26.5 s at 106 s), up to the interval after 120 s.
        #expect(plan(106, readAt: 80).calls.isEmpty)
        #expect(plan(107, readAt: 80).calls.count == 1)
        s.answered(["i-m"])
        #expect(RefreshScheduler.transitionPeriod(after: 0, interval: 30) == 5)
        #expect(RefreshScheduler.transitionPeriod(after: 100, interval: 30) == 25)
        #expect(RefreshScheduler.transitionPeriod(after: 600, interval: 30) == 30)
        // Out of transition: forgotten.
        _ = s.plan(
            now: Self.at(200), interval: 30, onScreen: [], inTransition: [],
            regions: [Self.region(instances: 80, listedAt: Self.at(200))])
        #expect(s.transitionSince.isEmpty)
    }

    @Test func callsCarryAHundredIdsPerRegionAndAreCapped() {
        var s = RefreshScheduler()
        let regions = [Self.region(VM.hangzhou, instances: 50_000), Self.region(VM.shanghai, instances: 50_000)]
        let moving = Self.rows(1...1_150, readAt: nil) + Self.rows(2_001...2_050, region: VM.shanghai, readAt: nil)
        let first = s.plan(
            now: Self.at(60), interval: 30, onScreen: Self.rows(2_001...2_003, region: VM.shanghai),
            inTransition: moving,
            regions: regions)
        #expect(first.calls.count == RefreshScheduler.maxCallsPerPlan)
        #expect(first.calls[0] == RefreshScheduler.Call(region: VM.shanghai, ids: (2_001...2_050).map { "i-r\($0)" }))
        #expect(first.calls.dropFirst().allSatisfy { $0.region == VM.hangzhou && $0.ids.count == 100 })
        #expect(first.nextDue == Self.at(60)) // more is due
        let second = s.plan(now: Self.at(61), interval: 30, onScreen: [], inTransition: moving, regions: regions)
        #expect(second.calls.map(\.ids.count) == [100, 100, 50])
        #expect(Set(first.calls.flatMap(\.ids) + second.calls.flatMap(\.ids)).count == 1_200)
    }

    /// 100,000 instances in three regions, 56 rows on screen, nothing in transition, for 10 minutes after the
    /// first listing: the calls are at most a tenth of re-listing every region every 30 s.
    @Test func tenIdleMinutesAtAHundredThousandStayWithinATenthOfFullSweeps() {
        var s = RefreshScheduler()
        let regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing"]
        let counts = [33_334, 33_333, 33_333]
        var listedAt: [String: Date] = Dictionary(uniqueKeysWithValues: regions.map { ($0, Self.t0) })
        var readAt: [String: Date] = [:]
        var calls = 0
        let screen = (1...56).map { ("i-s\($0)", regions[$0 % 3]) }
        for second in 1...600 {
            let now = Self.at(TimeInterval(second))
            let rows = screen.map { Row(id: $0.0, region: $0.1, refreshedAt: readAt[$0.0] ?? Self.t0) }
            let plan = s.plan(
                now: now, interval: 30, onScreen: rows, inTransition: [],
                regions: zip(regions, counts).map {
                    Region(name: $0.0, instances: $0.1, listedAt: listedAt[$0.0], isListing: false)
                })
            for r in plan.relist {
                calls += (counts[regions.firstIndex(of: r)!] + 99) / 100
                listedAt[r] = now
                for row in rows where row.region == r { readAt[row.id] = now }
            }
            for call in plan.calls {
                calls += 1
                for id in call.ids { readAt[id] = now }
                s.answered(call.ids)
            }
        }
        let fullSweeps = 20 * counts.reduce(0) { $0 + ($1 + 99) / 100 }
        #expect(calls * 10 <= fullSweeps, "\(calls) calls")
        #expect(calls == 60) // the rows on screen, one call per region every 30 s; no region due for listing yet
    }
}
