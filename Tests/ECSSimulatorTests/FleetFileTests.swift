import ECSAPI
import Foundation
import Testing

@testable import ECSSimulator

/// A fleet file as dumped from a real account, with fields this product does not model.
let dumpedFleet = #"""
    {"RequestId":"E2A9-dump","TotalCount":2,"PageSize":10,"PageNumber":1,
     "Instances":{"Instance":[
      {"InstanceId":"i-bp1dump0001","InstanceName":"生产-网关-01","Status":"Running","RegionId":"cn-hangzhou","ZoneId":"cn-hangzhou-h",
       "InstanceChargeType":"PostPaid","InstanceNetworkType":"vpc","LocalStorageAmount":0,"StoppedMode":"KeepCharging",
       "VpcAttributes":{"VpcId":"vpc-1","VSwitchId":"vsw-1","PrivateIpAddress":{"IpAddress":["172.16.0.1"]},"NatIpAddress":""},
       "Tags":{"Tag":[{"TagKey":"env","TagValue":"prod"}]},
       "GPUAmount":0,"DeviceAvailable":true,"CpuOptions":{"CoreCount":2,"ThreadsPerCore":2,"Numa":""},
       "ImageId":"aliyun_3_x64_20G_alibase_20240819.vhd","Recyclable":false,"MetadataOptions":{"HttpTokens":"optional"}},
      {"InstanceId":"i-bp1dump0002","Status":"Stopped","StoppedMode":"StopCharging","RegionId":"cn-hangzhou",
       "OperationLocks":{"LockReason":[]},"SaleCycle":"","NetworkInterfaces":{"NetworkInterface":[{"Type":"Primary"}]}}
     ]}}
    """#

@Suite("Fleet files, state and generator")
struct FleetFileTests {
    @Test("A dumped fleet round-trips with its unknown fields kept")
    func roundTrip() async throws {
        let dir = TempDir()
        let path = dir.write("dump.json", dumpedFleet)
        let loaded = try FleetFile.load(path: path)
        #expect(loaded.map(\.instanceId) == ["i-bp1dump0001", "i-bp1dump0002"])
        #expect(loaded[0].otherFields["GPUAmount"] == .int(0))
        #expect(loaded[0].otherFields["CpuOptions"]?["CoreCount"] == .int(2))
        #expect(loaded[1].otherFields["NetworkInterfaces"] != nil)
        // Written out and read again: nothing lost.
        let again = try FleetFile.load(path: dir.write("again.json", JSONValue.array(loaded.map(\.json)).jsonText()))
        #expect(again == loaded)
        // Served by the simulator, the unknown fields are still there.
        let clock = ManualClock()
        let gateway = try await Simulator.makeGateway(
            source: .file(path), configuration: SimulatorConfiguration(), clock: clock)
        let reply = await Sim(gateway: gateway, clock: clock).describe()
        #expect(reply.instanceIds == ["i-bp1dump0001", "i-bp1dump0002"])
        let first = try #require(reply.instances.first)
        #expect(first["ImageId"]?.stringValue == "aliyun_3_x64_20G_alibase_20240819.vhd")
        #expect(first["MetadataOptions"]?["HttpTokens"]?.stringValue == "optional")
        #expect(first["InstanceName"]?.stringValue == "生产-网关-01")
        #expect(reply.instances.last?["StoppedMode"]?.stringValue == "StopCharging")
    }

    @Test("A bare array of instances is accepted")
    func bareArray() throws {
        let dir = TempDir()
        let path = dir.write("bare.json", #"[{"InstanceId":"i-one","RegionId":"cn-beijing","Status":"Pending"}]"#)
        let loaded = try FleetFile.load(path: path)
        #expect(loaded.map(\.status) == [.pending])
    }

    @Test(
        "Bad fleet files give a one-line ConfigurationError naming the problem",
        arguments: [
            ("not JSON", "{\"Instances\": [", "invalid JSON"),
            ("not JSON at all", "hello", "invalid JSON"),
            ("wrong shape", #"{"Items":[]}"#, "Instances"),
            ("missing RegionId", #"[{"InstanceId":"i-a","Status":"Running"}]"#, "i-a has no RegionId"),
            ("empty RegionId", #"[{"InstanceId":"i-a","RegionId":"","Status":"Running"}]"#, "RegionId"),
            (
                "unknown Status", #"[{"InstanceId":"i-a","RegionId":"cn-hangzhou","Status":"Deleted"}]"#,
                "unknown Status 'Deleted'"
            ),
            (
                "duplicate ID",
                #"[{"InstanceId":"i-a","RegionId":"cn-hangzhou"},{"InstanceId":"i-a","RegionId":"cn-beijing"}]"#,
                "i-a appears twice"
            ),
            (
                "no InstanceId", #"[{"RegionId":"cn-hangzhou"},{"InstanceId":"i-b","RegionId":"cn-hangzhou"}]"#,
                "instance 1"
            ),
            ("instance not an object", #"{"Instances":{"Instance":[3]}}"#, "instance 1"),
        ])
    func badFiles(_ name: String, _ text: String, _ mention: String) throws {
        let dir = TempDir()
        let path = dir.write("bad.json", text)
        do {
            _ = try FleetFile.load(path: path)
            Issue.record("\(name): loaded")
        } catch {
            #expect(error.description.contains(mention), "\(name): \(error.description)")
            #expect(error.description.contains(path), "names the file")
            #expect(!error.description.contains("\n"), "one line")
        }
    }

    @Test("A missing fleet file is reported, also by makeGateway")
    func missingFile() async {
        let path = NSTemporaryDirectory() + "no-such-fleet-\(UUID().uuidString).json"
        #expect(throws: ConfigurationError.self) { try FleetFile.load(path: path) }
        await #expect(throws: ConfigurationError.self) {
            _ = try await Simulator.makeGateway(
                source: .file(path), configuration: SimulatorConfiguration(), clock: ManualClock())
        }
    }

    // MARK: State store

    @Test("A stopped instance stays stopped across a restart, and an in-flight transition survives and settles")
    func stateSurvivesRestart() async throws {
        let dir = TempDir()
        let fleetPath = dir.write(
            "fleet.json",
            JSONValue.array([
                makeInstance("i-a").json, makeInstance("i-b").json,
                makeInstance("i-c", .stopped).json,
            ]).jsonText())
        var configuration = SimulatorConfiguration()
        configuration.statePath = dir.file("state.json")
        configuration.stopDelay = DelayRange(min: 4, max: 4)
        configuration.startDelay = DelayRange(min: 3, max: 3)
        let clock = ManualClock()
        let first = Sim(
            gateway: try await Simulator.makeGateway(
                source: .file(fleetPath), configuration: configuration, clock: clock), clock: clock)
        #expect(FileManager.default.fileExists(atPath: dir.file("state.json")), "written at once")
        #expect(await first.stop(["i-a"], [("StoppedMode", "StopCharging")]).status == 200)
        clock.advance(by: 5)
        #expect(await first.stop(["i-b"]).status == 200)
        #expect(await first.start(["i-c"]).status == 200)
        clock.advance(by: 1)

        let second = Sim(
            gateway: try await Simulator.makeGateway(
                source: .file(fleetPath), configuration: configuration, clock: clock), clock: clock)
        #expect(await second.status("i-a") == .stopped)
        #expect(await second.stoppedMode("i-a") == "StopCharging")
        #expect(await second.status("i-b") == .stopping)
        #expect(await second.status("i-c") == .starting)
        clock.advance(by: 2)
        #expect(await second.status("i-c") == .running)
        #expect(await second.status("i-b") == .stopping)
        clock.advance(by: 1)
        #expect(await second.status("i-b") == .stopped)

        // A generated source is replaced by the saved state too.
        var generated = configuration
        generated.statePath = dir.file("state.json")
        let third = Sim(
            gateway: try await Simulator.makeGateway(
                source: .generated(count: 3, regions: ["cn-beijing"]),
                configuration: generated, clock: clock), clock: clock)
        #expect(await third.status("i-a") == .stopped)
    }

    @Test("A state file the simulator did not write is refused with a clear error")
    func foreignState() async {
        let dir = TempDir()
        var configuration = SimulatorConfiguration()
        configuration.statePath = dir.write("state.json", "this is not state")
        do {
            _ = try await Simulator.makeGateway(
                source: .generated(count: 2, regions: []), configuration: configuration, clock: ManualClock())
            Issue.record("accepted a foreign state file")
        } catch {
            #expect(error.description.contains("state file"))
            #expect(error.description.contains(dir.file("state.json")))
        }
    }

    // MARK: Generator

    @Test("The same seed gives the same fleet; another seed another one")
    func generatorSeed() {
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        let a = FleetGenerator.generate(count: 300, seed: 42, now: now)
        #expect(a == FleetGenerator.generate(count: 300, seed: 42, now: now))
        #expect(a != FleetGenerator.generate(count: 300, seed: 43, now: now))
        #expect(a.count == 300)
        #expect(FleetGenerator.generate(count: 0, seed: 1, now: now).isEmpty)
    }

    @Test("A generated fleet is realistic: unique well-formed IDs and the whole mix", arguments: [1, 7])
    func generatorMix(_ seed: UInt64) {
        let regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"]
        let fleet = FleetGenerator.generate(
            count: 2000, regions: regions, seed: seed, now: Date(timeIntervalSince1970: 1_767_225_600))
        #expect(fleet.count == 2000)
        #expect(Set(fleet.map(\.instanceId)).count == 2000)
        #expect(fleet.allSatisfy { PowerCheck.isWellFormed($0.instanceId) })
        #expect(Set(fleet.map(\.regionId)) == Set(regions))
        #expect(fleet.allSatisfy { $0.status.isKnown })
        #expect(Set(fleet.map(\.status)) == Set(InstanceStatus.all))
        #expect(
            fleet.contains { $0.instanceName.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } },
            "CJK names")
        #expect(fleet.contains { $0.hasSecurityLock })
        #expect(fleet.contains { $0.hasFinancialLock })
        #expect(fleet.contains { $0.instanceChargeType == "PrePaid" })
        #expect(fleet.contains { $0.localStorageAmount > 0 })
        #expect(fleet.contains { $0.instanceNetworkType == "classic" })
        #expect(fleet.contains { $0.spotStrategy != "NoSpot" })
        #expect(fleet.contains { $0.instanceName.count > 100 }, "very long names")
        #expect(fleet.allSatisfy { ["KeepCharging", "StopCharging", "Not-applicable"].contains($0.stoppedMode) })
        #expect(fleet.filter { !$0.isEconomicalModeEligible }.allSatisfy { $0.stoppedMode == "Not-applicable" })
        #expect(fleet.filter { $0.status == .running }.allSatisfy { $0.stoppedMode != "StopCharging" })
    }

    @Test("makeGateway serves a generated fleet over the requested regions")
    func generatedGateway() async throws {
        let clock = ManualClock()
        var configuration = SimulatorConfiguration()
        configuration.seed = 5
        let gateway = try await Simulator.makeGateway(
            source: .generated(count: 50, regions: ["cn-shenzhen", "us-west-1"]),
            configuration: configuration, clock: clock)
        #expect(await gateway.fleet.count == 50)
        #expect(await gateway.fleet.fleetRegions == ["cn-shenzhen", "us-west-1"])
        let sim = Sim(gateway: gateway, clock: clock)
        let page = await sim.describe([("MaxResults", "100")], region: "cn-shenzhen")
        #expect(page.instances.count == 25)
    }

    @Test(
        "A generated fleet's Stopping, Starting and Pending instances arrive after the delays; a fleet file's stay stuck"
    )
    func generatedTransitionsFinish() async throws {
        let clock = ManualClock()
        var configuration = SimulatorConfiguration()
        configuration.seed = 5
        configuration.stopDelay = DelayRange(min: 5, max: 10)
        configuration.startDelay = DelayRange(min: 5, max: 10)
        let gateway = try await Simulator.makeGateway(
            source: .generated(count: 400, regions: ["cn-shenzhen"]), configuration: configuration, clock: clock)
        let moving: Set<InstanceStatus> = [.stopping, .starting, .pending]
        let before = await gateway.fleet.snapshot().filter { moving.contains($0.status) }
        #expect(!before.isEmpty, "the generator makes some transitional instances")
        clock.advance(by: 11)
        let after = await gateway.fleet.snapshot()
        #expect(!after.contains { moving.contains($0.status) })
        for i in before {
            let now = after.first { $0.instanceId == i.instanceId }?.status
            #expect(
                now == (i.status == .stopping ? .stopped : .running),
                "\(i.instanceId) was \(i.status), is \(String(describing: now))")
        }
        // The same instances from a fleet file model stuck ones.
        let stuck = SimulatedFleet(instances: before, configuration: configuration, clock: clock)
        clock.advance(by: 100)
        #expect(await stuck.snapshot().map(\.status) == before.map(\.status))
    }
}
