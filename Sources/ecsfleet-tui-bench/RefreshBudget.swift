import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Synchronization

/// ECS in memory for the refresh budget: `DescribeInstances` by pages (`MaxResults` and `NextToken`, or `PageNumber`) or by
/// `InstanceIds`, and every call counted. `setStatus` is another tool changing an instance.
final class CountingECS: ECSService {
    private struct Fleet {
        var regions: [String: [Instance]] = [:]
        var place: [String: (region: String, index: Int)] = [:]
        var calls: [String: Int] = [:]
    }

    private let fleet: Mutex<Fleet>

    init(_ instances: [Instance]) {
        var f = Fleet()
        for i in instances {
            f.place[i.instanceId] = (i.regionId, f.regions[i.regionId, default: []].count)
            f.regions[i.regionId, default: []].append(i)
        }
        fleet = Mutex(f)
    }

    /// Calls so far, by action.
    var calls: [String: Int] { fleet.withLock { $0.calls } }
    var totalCalls: Int { calls.values.reduce(0, +) }

    func setStatus(_ id: String, _ status: InstanceStatus) {
        fleet.withLock { f in
            guard let p = f.place[id] else { return }
            f.regions[p.region]![p.index].status = status
        }
    }

    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response {
        let answer: any Sendable = try fleet.withLock { (f: inout Fleet) throws(ECSCallError) -> any Sendable in
            f.calls[R.action, default: 0] += 1
            guard let r = request as? DescribeInstancesRequest else {
                throw .configuration("the bench answers DescribeInstances only, not \(R.action)")
            }
            let all = f.regions[r.region] ?? []
            if let ids = r.instanceIds {
                let found = ids.compactMap { id in f.place[id].flatMap { $0.region == r.region ? all[$0.index] : nil } }
                return DescribeInstancesResponse(
                    requestId: "bench", instances: found, nextToken: nil, totalCount: found.count, pageNumber: nil,
                    pageSize: nil)
            }
            let size = min(100, r.pageSize ?? r.maxResults ?? 10)
            let start = r.pageNumber.map { ($0 - 1) * size } ?? Int(r.nextToken ?? "0") ?? 0
            let page = Array(all.dropFirst(start).prefix(size))
            let next = start + page.count < all.count ? String(start + page.count) : nil
            return DescribeInstancesResponse(
                requestId: "bench", instances: page, nextToken: next, totalCount: all.count, pageNumber: nil,
                pageSize: nil)
        }
        guard let response = answer as? R.Response else {
            throw .configuration("the bench answered \(R.action) with the wrong type")
        }
        return response
    }
}

/// Time that moves only when the bench says so.
final class ManualClock: EngineClock {
    private let time: Mutex<Date>
    init(_ start: Date) { time = Mutex(start) }
    func now() -> Date { time.withLock { $0 } }
    func set(_ date: Date) { time.withLock { $0 = date } }
    func sleep(for duration: Duration) async throws {
        time.withLock {
            $0 = $0.addingTimeInterval(
                Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
    }
}

/// What a simulated session of the screen cost.
struct RefreshBudget {
    /// Calls in all, and those of the first listing.
    var calls = 0
    var firstListingCalls = 0
    var byAction: [String: Int] = [:]
    /// Calls of one listing of every region (pages of 100).
    var listingCalls = 0
    var seconds = 0
    /// Seconds from another tool's stop of a row on screen to the screen showing it `Stopping`.
    var stopSeenAfter: Double?

    /// What re-listing every region every `interval` would cost over the same time (the first listing included).
    func fullSweepCalls(interval: TimeInterval) -> Int { Int((Double(seconds) / interval).rounded(.up)) * listingCalls }
}

/// The actions the runner sends back, until the loop takes them.
final class Inbox: Sendable {
    private let actions = Mutex<[FleetAction]>([])
    func send(_ action: FleetAction) { actions.withLock { $0.append(action) } }
    func take() -> [FleetAction] {
        actions.withLock { a in
            defer { a = [] }
            return a
        }
    }
}

/// Simulation results handed from the task that runs them to the bench's main thread.
final class BudgetResults: Sendable {
    private let results = Mutex<[RefreshBudget]>([])
    func add(_ budget: RefreshBudget) { results.withLock { $0.append(budget) } }
    var all: [RefreshBudget] { results.withLock { $0 } }
}

/// Runs the screen's reducer and effect runner over `instances` for `seconds` of manual time, ticking every
/// second as the app loop does, with `rows` rows on screen. With `stopAt`, another tool stops the 11th row on
/// screen at that second (`Stopping` for 40 s, then `Stopped`).
func simulateRefresh(
    _ instances: [Instance], regions: [String], seconds: Int, interval: TimeInterval, rows: Int, stopAt: Int?,
    start: Date
) async -> RefreshBudget {
    let ecs = CountingECS(instances)
    let clock = ManualClock(start)
    let inbox = Inbox()
    let engine = OperationEngine(service: ecs, journal: nil, clock: clock, profile: "bench")
    let runner = FleetEffectRunner(service: ecs, journal: nil, clock: clock, engine: engine) { action in
        inbox.send(action)
    }
    var state = FleetState(
        profile: "bench", regions: .only(regions), knownRegions: regions, autoRefreshInterval: interval,
        operationIdPrefix: "bench-")

    func perform(_ first: [FleetEffect]) async {
        var effects = first
        while !effects.isEmpty {
            for effect in effects {
                switch effect {
                case .scheduleRefresh, .quit, .setTheme, .setMouse: continue // the loop below ticks every second
                default: await runner.run(effect)
                }
            }
            let actions = inbox.take()
            effects = actions.flatMap { FleetReducer.reduce(&state, $0, now: clock.now()) }
        }
    }

    var budget = RefreshBudget(seconds: seconds)
    await perform(FleetReducer.reduce(&state, .refreshNow, now: start))
    budget.firstListingCalls = ecs.totalCalls
    budget.listingCalls = ecs.totalCalls
    _ = FleetReducer.reduce(&state, .viewportChanged(ListViewport(first: 0, rows: rows)), now: start)
    var stopped: String?
    for second in 1...seconds {
        let now = start.addingTimeInterval(TimeInterval(second))
        clock.set(now)
        if second == stopAt, state.onScreenIds.count > 10 {
            stopped = state.onScreenIds[10]
            ecs.setStatus(stopped!, .stopping)
        }
        if let id = stopped, let at = stopAt, second == at + 40 { ecs.setStatus(id, .stopped) }
        await perform(FleetReducer.reduce(&state, .tick(now), now: now))
        if let id = stopped, let at = stopAt, budget.stopSeenAfter == nil, state.instance(id)?.status == .stopping {
            budget.stopSeenAfter = Double(second - at)
        }
    }
    budget.calls = ecs.totalCalls
    budget.byAction = ecs.calls
    return budget
}
