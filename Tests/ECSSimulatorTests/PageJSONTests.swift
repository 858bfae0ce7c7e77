import ECSAPI
import Foundation
import Testing

@testable import ECSSimulator

/// The fast `DescribeInstances` path (each instance's JSON cached and spliced into the page) must write exactly
/// the bytes the tree path writes, before and after instances change.
@Suite("DescribeInstances pages from cached JSON")
struct PageJSONTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    /// A request decoded from parameters, as the gateway does.
    static func request(_ params: [(String, String)]) throws -> DescribeInstancesRequest {
        try DescribeInstancesRequest(parameters: Parameters(params.map { (name: $0.0, value: $0.1) }))
    }

    /// Both paths' bytes for one request; `Issue.record`s a difference with its first differing offset.
    static func expectSameBytes(
        _ fleet: SimulatedFleet, _ params: [(String, String)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let r = try request(params)
        let fast = try await fleet.describeInstancesJSON(r, requestId: "req-1").bytes()
        let tree = try await fleet.describeInstances(r, requestId: "req-1").json.jsonBytes()
        let at =
            zip(fast, tree).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(fast.count, tree.count)
        #expect(
            fast == tree, "\(params): first difference at byte \(at) of \(tree.count)", sourceLocation: sourceLocation)
    }

    static let requests: [[(String, String)]] = [
        [("RegionId", "cn-hangzhou")],
        [("RegionId", "cn-hangzhou"), ("MaxResults", "100")],
        [("RegionId", "cn-shanghai"), ("MaxResults", "37"), ("Status", "Running")],
        [("RegionId", "cn-hangzhou"), ("PageNumber", "2"), ("PageSize", "50")],
        [("RegionId", "cn-hangzhou"), ("PageNumber", "99"), ("PageSize", "100")],
        [("RegionId", "cn-beijing"), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("PageSize", "100")],
        [("RegionId", "cn-beijing"), ("InstanceName", "*-api-*"), ("MaxResults", "100")],
        [("RegionId", "ap-southeast-1")],
    ]

    @Test("A generated fleet's pages are byte for byte the tree's, lazily rendered or prerendered")
    func generatedFleet() async throws {
        let instances = FleetGenerator.generate(count: 600, seed: 7, now: Self.now)
        let lazy = SimulatedFleet(instances: instances, configuration: SimulatorConfiguration(), clock: ManualClock())
        for params in Self.requests { try await Self.expectSameBytes(lazy, params) }
        let warm = SimulatedFleet(instances: instances, configuration: SimulatorConfiguration(), clock: ManualClock())
        await warm.prerender()
        for params in Self.requests { try await Self.expectSameBytes(warm, params) }
    }

    @Test("Escapes, CJK, emoji and unknown fields from a fleet file come out the same")
    func oddStrings() async throws {
        var odd = makeInstance("i-odd") {
            $0.instanceName = "ctl\u{1}\u{1F}\"quote\\back\nnew\ttab\r 订单 😀 \u{7F}"
            $0.description = "</script>&<>'"
            $0.tags = [.init(key: "k\"ey", value: "v\\al")]
            $0.operationLocks = [.init(lockReason: "security", lockMsg: "locked\n")]
        }
        odd.otherFields = [
            "ZExtra": .object([("Nested", .array([.number("1.50"), .null, .bool(true)]))]), "AKind": .string("x"),
        ]
        let fleet = SimulatedFleet(
            instances: [odd, makeInstance("i-plain")], configuration: SimulatorConfiguration(), clock: ManualClock())
        try await Self.expectSameBytes(fleet, [("RegionId", home)])
        await fleet.prerender()
        try await Self.expectSameBytes(fleet, [("RegionId", home), ("MaxResults", "100")])
    }

    @Test("A page shows each change: stop, the end of Stopping, start (with a new public IP), the end of Starting")
    func changesReachThePage() async throws {
        let sim = Sim([makeInstance("i-a") { $0.publicIpAddresses = ["39.1.2.3"] }, makeInstance("i-b")])
        await sim.fleet.prerender()
        func shown(_ id: String) async -> JSONValue? {
            await sim.describe([("MaxResults", "100")]).instances.first { $0["InstanceId"]?.stringValue == id }
        }
        #expect(await shown("i-a")?["Status"]?.stringValue == "Running")

        #expect(await sim.stop(["i-a"], [("StoppedMode", "StopCharging")]).status == 200)
        #expect(await shown("i-a")?["Status"]?.stringValue == "Stopping")
        #expect(await shown("i-a")?["StoppedMode"]?.stringValue == "StopCharging")
        try await Self.expectSameBytes(sim.fleet, [("RegionId", home)])

        sim.clock.advance(by: 5)
        #expect(await shown("i-a")?["Status"]?.stringValue == "Stopped")
        #expect(await shown("i-b")?["Status"]?.stringValue == "Running", "the other instance is untouched")

        #expect(await sim.start(["i-a"]).status == 200)
        let starting = await shown("i-a")
        #expect(starting?["Status"]?.stringValue == "Starting")
        let ip = starting?["PublicIpAddress"]?.unwrappedList("IpAddress").first?.stringValue
        #expect(ip != nil && ip != "39.1.2.3", "economical mode gave a new public IP")
        try await Self.expectSameBytes(sim.fleet, [("RegionId", home)])

        sim.clock.advance(by: 4)
        #expect(await shown("i-a")?["Status"]?.stringValue == "Running")
        #expect(await shown("i-a")?["StoppedMode"]?.stringValue == "KeepCharging")
        try await Self.expectSameBytes(sim.fleet, [("RegionId", home)])
    }

    @Test("Filtered token paging: the next page starts at the next match, TotalCount counts every match")
    func filteredTokenPaging() async throws {
        // Every third instance is stopped; a status filter pages through the running ones only.
        let sim = Sim(bigFleet(95))
        let expected = bigFleet(95).filter { $0.status == .running }.map(\.instanceId)
        var ids: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let reply = await sim.describe(
                [("Status", "Running"), ("MaxResults", "10")] + (token.map { [("NextToken", $0)] } ?? []))
            #expect(reply.totalCount == expected.count)
            ids += reply.instanceIds
            token = reply.nextToken
            pages += 1
        } while token != nil && pages < 100
        #expect(ids == expected)
        #expect(pages == (expected.count + 9) / 10)
    }
}

@Suite("Running pools for stop benchmarks")
struct RunningPoolTests {
    @Test("A pool is running, stoppable instances with new IDs, reproducible from the seed")
    func pool() {
        let now = PageJSONTests.now
        var used = Set(FleetGenerator.generate(count: 50, regions: ["cn-beijing"], seed: 1, now: now).map(\.instanceId))
        let before = used
        let pool = FleetGenerator.runningPool(count: 400, region: "cn-beijing", seed: 1, now: now, used: &used)
        #expect(pool.count == 400)
        #expect(Set(pool.map(\.instanceId)).count == 400)
        #expect(before.isDisjoint(with: pool.map(\.instanceId)))
        #expect(used.count == before.count + 400)
        for i in pool {
            #expect(i.regionId == "cn-beijing")
            #expect(PowerCheck.verdict(i, .stop, hibernate: false, now: now) == nil, "\(i.instanceId) can be stopped")
        }
        var again = before
        #expect(FleetGenerator.runningPool(count: 400, region: "cn-beijing", seed: 1, now: now, used: &again) == pool)
    }

    @Test("makeGateway adds the configured pools to the fleet")
    func gatewayAddsPools() async throws {
        var configuration = SimulatorConfiguration()
        configuration.runningPools = [(region: "cn-beijing", count: 30), (region: "cn-wulanchabu", count: 12)]
        let clock = ManualClock()
        let gateway = try await Simulator.makeGateway(
            source: .generated(count: 9, regions: ["cn-beijing"]),
            configuration: configuration, clock: clock)
        let sim = Sim(gateway: gateway, clock: clock)
        #expect(await sim.fleet.count == 9 + 30 + 12)
        #expect(await sim.describe(region: "cn-beijing").totalCount == 39)
        let pool = await sim.describe([("Status", "Running")], region: "cn-wulanchabu")
        #expect(pool.totalCount == 12)
        #expect(await sim.stop(Array(pool.instanceIds.prefix(5)), region: "cn-wulanchabu").status == 200)
    }
}
