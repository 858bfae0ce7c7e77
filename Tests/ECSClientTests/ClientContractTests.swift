import ECSAPI
import ECSClient
import ECSSimulator
import Foundation
import Testing

/// Every operation through a real `ECSClient` and `AsyncHTTPTransport` against `ecs-sim` on loopback, signed V3 and V1.
@Suite("ECSClient contract against ecs-sim over HTTP")
struct ClientContractTests {
    static let versions: [ECSClient.SignatureVersion] = [.v3, .v1]

    @Test("DescribeRegions lists the fleet's region with its endpoint", arguments: versions)
    func describeRegions(_ version: ECSClient.SignatureVersion) async throws {
        let sim = SimAccount([makeInstance("i-a")]) { $0.extraRegions = ["xx-test-1"] }
        try await withHTTPClient(sim, signature: version) { client in
            let answer = try await client.send(DescribeRegionsRequest())
            #expect(!answer.requestId.isEmpty)
            let ids = answer.regions.map(\.regionId)
            #expect(ids.contains(home))
            #expect(ids.contains("xx-test-1"))
            #expect(answer.regions.first { $0.regionId == home }?.regionEndpoint.isEmpty == false)
        }
    }

    @Test("A gateway made by Simulator.makeGateway from a fleet file serves the file's instances")
    func fleetFileGateway() async throws {
        let path = NSTemporaryDirectory() + "fleet-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fleet = [
            makeInstance("i-file1"), makeInstance("i-file2", .stopped), makeInstance("i-file3", region: "cn-shanghai"),
        ]
        let body = DescribeInstancesResponse(
            requestId: "dump", instances: fleet, nextToken: nil, totalCount: 3, pageNumber: 1, pageSize: 10)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(body.json.jsonBytes())))
        var configuration = SimulatorConfiguration()
        configuration.stopDelay = DelayRange(min: 1, max: 1)
        let clock = ManualClock(Date())
        let gateway = try await Simulator.makeGateway(source: .file(path), configuration: configuration, clock: clock)
        try await withServer(gateway) { endpoint in
            try await using(makeClient(endpoint, credentials: configuration.credentials)) { client in
                var ids: [String] = []
                for try await page in client.instancePages(DescribeInstancesRequest(regionId: home)) {
                    ids += page.instances.map(\.instanceId)
                }
                #expect(ids == ["i-file1", "i-file2"])
                _ = try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-file1"]))
                clock.advance(by: 2)
                let status = try await client.send(
                    DescribeInstanceStatusRequest(regionId: home, instanceIds: ["i-file1"]))
                #expect(status.statuses.first?.status == .stopped)
            }
        }
    }

    @Test("Both paging sequences visit every instance exactly once", arguments: versions)
    func paging(_ version: ECSClient.SignatureVersion) async throws {
        let fleet = manyInstances(230) + [makeInstance("i-elsewhere", region: "cn-shanghai")]
        let sim = SimAccount(fleet)
        let expected = Set(fleet.filter { $0.regionId == home }.map(\.instanceId))
        try await withHTTPClient(sim, signature: version) { client in
            var request = DescribeInstancesRequest(regionId: home)
            request.maxResults = 50
            var tokenIds: [String] = []
            var tokenPages = 0
            for try await page in client.instancePages(request) {
                tokenIds += page.instances.map(\.instanceId)
                tokenPages += 1
            }
            #expect(tokenPages == 5)
            #expect(tokenIds.count == 230)
            #expect(Set(tokenIds) == expected)

            var defaultIds: [String] = []
            for try await page in client.instancePages(DescribeInstancesRequest(regionId: home)) {
                defaultIds += page.instances.map(\.instanceId)
            }
            #expect(defaultIds == tokenIds)

            var numbered: [String] = []
            var pages = 0
            for try await page in client.numberedInstancePages(DescribeInstancesRequest(regionId: home), parallel: 2) {
                numbered += page.map(\.instanceId)
                pages += 1
            }
            #expect(pages == 3)
            #expect(numbered.count == 230)
            #expect(numbered == tokenIds, "numbered pages are yielded in order")
        }
    }

    @Test("DescribeInstances filters by IDs; DescribeInstanceStatus pages of at most 50", arguments: versions)
    func describeStatus(_ version: ECSClient.SignatureVersion) async throws {
        let fleet = manyInstances(60) + [makeInstance("i-off", .stopped)]
        let sim = SimAccount(fleet)
        try await withHTTPClient(sim, signature: version) { client in
            var r = DescribeInstancesRequest(regionId: home)
            r.instanceIds = ["i-off", "i-n0002", "i-missing"]
            let some = try await client.send(r)
            #expect(Set(some.instances.map(\.instanceId)) == ["i-off", "i-n0002"])
            #expect(some.instances.first { $0.instanceId == "i-off" }?.status == .stopped)

            let first = try await client.send(
                DescribeInstanceStatusRequest(regionId: home, pageNumber: 1, pageSize: 50))
            let second = try await client.send(
                DescribeInstanceStatusRequest(regionId: home, pageNumber: 2, pageSize: 50))
            #expect(first.totalCount == 61)
            #expect(first.statuses.count == 50)
            #expect(second.statuses.count == 11)
            #expect(Set((first.statuses + second.statuses).map(\.instanceId)) == Set(fleet.map(\.instanceId)))
            let picked = try await client.send(
                DescribeInstanceStatusRequest(regionId: home, instanceIds: ["i-off", "i-n0001"]))
            #expect(
                Dictionary(uniqueKeysWithValues: picked.statuses.map { ($0.instanceId, $0.status) }) == [
                    "i-off": .stopped, "i-n0001": .running,
                ])
        }
    }

    @Test("StopInstances and StartInstances in both batch modes, and the single-instance calls", arguments: versions)
    func powerCalls(_ version: ECSClient.SignatureVersion) async throws {
        let sim = SimAccount(
            ["i-a", "i-b", "i-c", "i-d", "i-e"].map { makeInstance($0) } + [makeInstance("i-off", .stopped)])
        try await withHTTPClient(sim, signature: version) { client in
            let together = try await client.send(
                StopInstancesRequest(regionId: home, instanceIds: ["i-a", "i-b"], batchOptimization: .allTogether))
            #expect(together.instanceResponses.map(\.instanceId) == ["i-a", "i-b"])
            #expect(
                together.instanceResponses.allSatisfy {
                    $0.succeeded && $0.previousStatus == "Running" && $0.currentStatus == "Stopping"
                })

            let first = try await client.send(
                StopInstancesRequest(
                    regionId: home, instanceIds: ["i-c", "i-off", "i-nope"],
                    stoppedMode: .stopCharging, batchOptimization: .successFirst))
            let byId = Dictionary(uniqueKeysWithValues: first.instanceResponses.map { ($0.instanceId, $0) })
            #expect(byId["i-c"]?.code == "200")
            #expect(byId["i-off"]?.code == ErrorCode.incorrectInstanceStatus)
            #expect(byId["i-nope"]?.code == ErrorCode.invalidInstanceIdNotFound)
            #expect(byId["i-nope"]?.previousStatus == "")

            let single = try await client.send(StopInstanceRequest(instanceId: "i-d"))
            #expect(!single.requestId.isEmpty)
            #expect(await sim.status("i-d") == .stopping)
            let withRegion = try await client.send(
                StopInstanceRequest(instanceId: "i-e", regionId: home, forceStop: true))
            #expect(!withRegion.requestId.isEmpty)

            sim.clock.advance(by: 5)
            #expect(await sim.fleet.instance("i-c")?.stoppedMode == "StopCharging")
            let start = try await client.send(StartInstancesRequest(regionId: home, instanceIds: ["i-a", "i-b"]))
            #expect(start.instanceResponses.allSatisfy { $0.succeeded && $0.currentStatus == "Starting" })
            let startFirst = try await client.send(
                StartInstancesRequest(
                    regionId: home, instanceIds: ["i-c", "i-e", "i-x1"], batchOptimization: .successFirst))
            #expect(startFirst.instanceResponses.map(\.code) == ["200", "200", ErrorCode.invalidInstanceIdNotFound])
            _ = try await client.send(StartInstanceRequest(instanceId: "i-d"))
            #expect(await sim.status("i-d") == .starting)
            sim.clock.advance(by: 4)
            for id in ["i-a", "i-b", "i-c", "i-d", "i-e"] { #expect(await sim.status(id) == .running) }
        }
    }

    @Test(
        "Dry runs come back as .dryRunPassed and dryRun() returns, never as failures; nothing changes",
        arguments: versions)
    func dryRuns(_ version: ECSClient.SignatureVersion) async throws {
        let sim = SimAccount([makeInstance("i-a"), makeInstance("i-b"), makeInstance("i-off", .stopped)])
        try await withHTTPClient(sim, signature: version) { client in
            let batch = StopInstancesRequest(regionId: home, instanceIds: ["i-a", "i-b"], dryRun: true)
            let thrown = await callError { try await client.send(batch) }
            guard case .dryRunPassed(let e)? = thrown else {
                Issue.record("expected .dryRunPassed, got \(String(describing: thrown))")
                return
            }
            #expect(e.code == ErrorCode.dryRunSuccess)
            #expect(e.httpStatus == 400)
            #expect(!e.requestId.isEmpty)
            let passed0 = try await client.dryRun(batch)
            #expect(!passed0.isEmpty)
            let passed1 = try await client.dryRun(StopInstanceRequest(instanceId: "i-a", dryRun: true))
            #expect(!passed1.isEmpty)
            let passed2 = try await client.dryRun(
                StartInstancesRequest(regionId: home, instanceIds: ["i-off"], dryRun: true))
            #expect(!passed2.isEmpty)
            let passed3 = try await client.dryRun(StartInstanceRequest(instanceId: "i-off", dryRun: true))
            #expect(!passed3.isEmpty)
            var describe = DescribeInstancesRequest(regionId: home)
            describe.dryRun = true
            let single = await callError { try await client.send(StopInstanceRequest(instanceId: "i-a", dryRun: true)) }
            #expect(single?.apiError?.code == ErrorCode.dryRunOperation)
            let passed4 = try await client.dryRun(describe)
            #expect(!passed4.isEmpty)

            // A dry run that fails its check is a real error.
            let failing = await callError {
                try await client.dryRun(
                    StopInstancesRequest(regionId: home, instanceIds: ["i-a", "i-off"], dryRun: true))
            }
            guard case .api(let f)? = failing else {
                Issue.record("expected .api, got \(String(describing: failing))")
                return
            }
            #expect(f.code == ErrorCode.incorrectInstanceStatus)
            #expect(await sim.status("i-a") == .running)
            #expect(await sim.status("i-b") == .running)
        }
    }

    @Test("API errors come back typed: code, HTTP status, request id, and are not retried", arguments: versions)
    func typedErrors(_ version: ECSClient.SignatureVersion) async throws {
        let sim = SimAccount([
            makeInstance("i-off", .stopped),
            makeInstance("i-lock") { $0.operationLocks = [.init(lockReason: "security")] },
        ])
        try await withServer(sim.gateway) { endpoint in
            let transport = ScriptedTransport(AsyncHTTPTransport()) { _, _ in .forward }
            let client = makeClient(endpoint, credentials: sim.credentials, signature: version, transport: transport)
            let cases: [(ECSCallError?, String, Int)] = [
                (
                    await callError {
                        try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-off"]))
                    }, ErrorCode.incorrectInstanceStatus, 403
                ),
                (
                    await callError { try await client.send(StopInstanceRequest(instanceId: "i-lock")) },
                    ErrorCode.instanceLockedForSecurity, 403
                ),
                (
                    await callError {
                        try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["bad id"]))
                    }, ErrorCode.instanceIdMalformed, 403
                ),
                (
                    await callError { try await client.send(DescribeInstancesRequest(regionId: "xx-nowhere-9")) },
                    ErrorCode.invalidRegionIdNotFound, 404
                ),
                (
                    await callError { try await client.send(StopInstanceRequest(instanceId: "i-gone")) },
                    ErrorCode.invalidInstanceIdNotFound, 404
                ),
            ]
            for (error, code, status) in cases {
                guard case .api(let e)? = error else {
                    Issue.record("expected .api(\(code)), got \(String(describing: error))")
                    continue
                }
                #expect(e.code == code)
                #expect(e.httpStatus == status)
                #expect(e.requestId.count >= 32)
                #expect(!e.message.isEmpty)
                #expect(error?.description.contains(e.requestId) == true)
            }
            #expect(transport.requests.count == cases.count, "4xx answers are never retried")
            await client.shutdown()

            let wrong = makeClient(
                endpoint, credentials: Credentials(accessKeyId: sim.credentials.accessKeyId, accessKeySecret: "wrong"),
                signature: version)
            let mismatch = await callError { try await wrong.send(DescribeRegionsRequest()) }
            #expect(mismatch?.apiError?.code == ErrorCode.signatureDoesNotMatch)
            #expect(mismatch?.apiError?.httpStatus == 400)
            await wrong.shutdown()
            let unknown = makeClient(
                endpoint, credentials: Credentials(accessKeyId: "LTAInobody", accessKeySecret: "x"), signature: version)
            #expect(
                await callError { try await unknown.send(DescribeRegionsRequest()) }?.apiError?.code
                    == ErrorCode.invalidAccessKeyIdNotFound)
            await unknown.shutdown()
        }
    }

    @Test("STS credentials: the token is sent and verified; without it the call is refused", arguments: versions)
    func sts(_ version: ECSClient.SignatureVersion) async throws {
        let sts = Credentials(
            accessKeyId: "STS.NTest1234", accessKeySecret: "sts-secret", securityToken: "CAIS+token/with=odd&chars")
        let sim = SimAccount([makeInstance("i-a")]) { $0.credentials = sts }
        try await withHTTPClient(sim, signature: version) { client in
            let answer = try await client.send(DescribeInstancesRequest(regionId: home))
            #expect(answer.instances.map(\.instanceId) == ["i-a"])
            _ = try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
            #expect(await sim.status("i-a") == .stopping)
        }
        let tokenless = Credentials(accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret)
        try await withHTTPClient(sim, signature: version, credentials: tokenless) { client in
            let error = await callError { try await client.send(DescribeRegionsRequest()) }
            #expect(error?.apiError?.code.hasPrefix("InvalidSecurityToken") == true)
            #expect(error?.apiError?.httpStatus == 400)
        }
    }
}
