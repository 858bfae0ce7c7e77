import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Synchronization
import Testing

/// Helpers for the view-model tests, in one namespace so they never collide with other test files.
enum VM {
    static let t0 = Date(timeIntervalSince1970: 1_760_000_000)
    static let hangzhou = "cn-hangzhou"
    static let shanghai = "cn-shanghai"

    /// `i-a01`... : Running, pay-as-you-go, VPC, no local disks, in Hangzhou; name `web-01`...
    static func instance(
        _ n: Int, _ status: InstanceStatus = .running, region: String = hangzhou,
        _ configure: (inout Instance) -> Void = { _ in }
    ) -> Instance {
        var i = Instance(instanceId: id(n))
        i.regionId = region
        i.zoneId = region + (n % 2 == 0 ? "-h" : "-i")
        i.status = status
        i.instanceName = String(format: "web-%02d", n)
        i.instanceType = n % 3 == 0 ? "ecs.c7.large" : "ecs.g7.large"
        i.instanceChargeType = "PostPaid"
        i.vpcAttributes = .init(vpcId: "vpc-main", privateIpAddresses: ["172.16.0.\(n)"])
        configure(&i)
        return i
    }

    static func id(_ n: Int) -> String { String(format: "i-a%02d", n) }
    static func ids(_ ns: ClosedRange<Int>) -> [String] { ns.map(id) }
    static func ids(_ ns: [Int]) -> [String] { ns.map(id) }

    /// A state showing Hangzhou with instances 1...count loaded; operation IDs `t-...`.
    static func state(
        _ count: Int = 10, readOnly: Bool = false, safety: PowerSafety = .allowAll,
        _ configure: (Int, inout Instance) -> Void = { _, _ in }
    ) -> FleetState {
        let list = (1...max(1, count)).prefix(count).map { n in instance(n) { configure(n, &$0) } }
        return FleetState(
            profile: "test", regions: .only([hangzhou]), instances: list, readOnly: readOnly, safety: safety,
            autoRefreshInterval: 60, operationIdPrefix: "t-")
    }

    /// Reduces at `t0` (or `now`).
    @discardableResult
    static func reduce(_ s: inout FleetState, _ action: FleetAction, now: Date = t0) -> [FleetEffect] {
        FleetReducer.reduce(&s, action, now: now)
    }

    /// Reduces several actions, returning all effects.
    @discardableResult
    static func reduce(_ s: inout FleetState, _ actions: [FleetAction], now: Date = t0) -> [FleetEffect] {
        actions.flatMap { FleetReducer.reduce(&s, $0, now: now) }
    }

    /// A whole load of `region` in one page (a refresh as the runner would report it).
    @discardableResult
    static func load(_ s: inout FleetState, _ list: [Instance], region: String = hangzhou, now: Date = t0)
        -> [FleetEffect]
    {
        var effects = reduce(&s, .refreshNow, now: now)
        let generation = s.loads[region]!.generation
        effects += reduce(
            &s,
            .instancesLoaded(
                InstancePage(
                    region: region, generation: generation, instances: list,
                    loaded: list.count, total: list.count, isLast: true)), now: now)
        return effects
    }

    /// The open stop/start dialog.
    static func dialog(_ s: FleetState) -> PowerDialogState? { s.dialog.power }

    /// The policy decision of a policy with one rule.
    static func safety(_ pattern: String, _ action: SafetyPolicy.Action) -> PowerSafety {
        PowerSafety(
            policy: SafetyPolicy(
                enabled: true, rules: [.init(pattern: pattern, action: action)], source: "test-policy.json"))
    }
}

/// Engine time that moves on when waited on.
final class VMClock: EngineClock {
    let time = Mutex(VM.t0)
    func now() -> Date { time.withLock { $0 } }
    func sleep(for duration: Duration) async throws {
        time.withLock {
            $0 = $0.addingTimeInterval(
                Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        await Task.yield()
    }
}

/// A tiny ECS for the effect runner: pages `DescribeInstances` by `NextToken` or `PageNumber`, accepts stops (the instances go
/// to `Stopped` at once), answers status and region lists, says dry runs passed, and refuses denied regions.
final class VMFakeECS: ECSService {
    let fleet: Mutex<[String: [Instance]]>
    let calls = Mutex<[String]>([])
    /// Regions where the account may not list instances (`Forbidden.RAM`).
    let denied: Set<String>

    init(_ fleet: [String: [Instance]], denied: Set<String> = []) {
        self.fleet = Mutex(fleet)
        self.denied = denied
    }

    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response {
        calls.withLock { $0.append(R.action) }
        if let region = request.regionId, denied.contains(region) {
            throw .api(
                APIError(
                    code: "Forbidden.RAM", message: "User not authorized to operate on the specified resource.",
                    httpStatus: 403))
        }
        switch request {
        case let r as DescribeInstancesRequest:
            if r.dryRun == true {
                throw .dryRunPassed(APIError(code: ErrorCode.dryRunOperation, message: "passed", httpStatus: 400))
            }
            let all = fleet.withLock { f in
                (f[r.region] ?? []).filter { i in r.instanceIds.map { $0.contains(i.instanceId) } ?? true }
            }
            let size = r.pageSize ?? r.maxResults ?? 10
            let start = r.pageNumber.map { ($0 - 1) * size } ?? Int(r.nextToken ?? "0") ?? 0
            let page = Array(all.dropFirst(start).prefix(size))
            let next = start + page.count < all.count ? String(start + page.count) : nil
            return DescribeInstancesResponse(
                requestId: "req", instances: page, nextToken: next, totalCount: all.count,
                pageNumber: nil, pageSize: nil) as! R.Response
        case let r as StopInstancesRequest:
            let answers = fleet.withLock { f in
                r.instanceIds.map { id -> InstanceResponse in
                    guard let i = f[r.region]?.firstIndex(where: { $0.instanceId == id }) else {
                        return InstanceResponse(
                            instanceId: id, code: ErrorCode.invalidInstanceIdNotFound, message: "not found",
                            previousStatus: "", currentStatus: "")
                    }
                    f[r.region]![i].status = .stopped
                    return InstanceResponse(
                        instanceId: id, code: "200", message: "success", previousStatus: "Running",
                        currentStatus: "Stopping")
                }
            }
            return InstanceResponsesResponse(requestId: "req-stop", instanceResponses: answers) as! R.Response
        case let r as DescribeInstanceStatusRequest:
            let entries = fleet.withLock { f in
                (f[r.region] ?? []).filter { r.instanceIds.contains($0.instanceId) }.map {
                    DescribeInstanceStatusResponse.Entry(instanceId: $0.instanceId, status: $0.status)
                }
            }
            return DescribeInstanceStatusResponse(
                requestId: "req", statuses: entries, totalCount: entries.count, pageNumber: 1, pageSize: 50)
                as! R.Response
        case is DescribeRegionsRequest:
            let regions = fleet.withLock { $0.keys.sorted() }.map {
                DescribeRegionsResponse.Region(regionId: $0, localName: $0, regionEndpoint: "")
            }
            return DescribeRegionsResponse(requestId: "req", regions: regions) as! R.Response
        default:
            throw .configuration("the fake does not answer \(R.action)")
        }
    }
}

/// `VMFakeECS` answering numbered `DescribeInstances` page `held` only once `until` other pages have been answered.
final class VMOutOfOrderECS: ECSService {
    let inner: VMFakeECS
    let held: Int
    let until: Int
    let pagesAsked = Mutex<[Int]>([])
    private let answered = Mutex<(count: Int, waiting: CheckedContinuation<Void, Never>?)>((0, nil))

    init(_ inner: VMFakeECS, holding held: Int, until: Int) {
        self.inner = inner
        self.held = held
        self.until = until
    }

    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response {
        guard let number = (request as? DescribeInstancesRequest)?.pageNumber else {
            return try await inner.send(request)
        }
        pagesAsked.withLock { $0.append(number) }
        if number == held {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let ready = answered.withLock { a -> Bool in
                    if a.count >= until { return true }
                    a.waiting = c
                    return false
                }
                if ready { c.resume() }
            }
            return try await inner.send(request)
        }
        let answer = try await inner.send(request)
        if number != 1 {
            let waiting = answered.withLock { a -> CheckedContinuation<Void, Never>? in
                a.count += 1
                guard a.count >= until, let c = a.waiting else { return nil }
                a.waiting = nil
                return c
            }
            waiting?.resume()
        }
        return answer
    }
}

/// Collects the actions a runner sends back.
final class VMActionLog: Sendable {
    private let log = Mutex<[FleetAction]>([])
    var actions: [FleetAction] { log.withLock { $0 } }
    var send: @Sendable (FleetAction) -> Void { { action in self.log.withLock { $0.append(action) } } }
}
