import ECSAPI
import Foundation
import Testing

@testable import ECSSimulator

/// Instances that can and cannot use economical mode.
enum Eligibility: String, CaseIterable, Sendable {
    case eligible, spot, prePaid, classic, localDisks

    var instance: Instance {
        makeInstance("i-mode") { i in
            switch self {
            case .eligible: break
            case .spot: i.spotStrategy = "SpotAsPriceGo"
            case .prePaid:
                i.instanceChargeType = "PrePaid"
                i.expiredTime = "2099-01-01T00:00Z"
            case .classic:
                i.instanceNetworkType = "classic"
                i.vpcAttributes = nil
                i.innerIpAddresses = ["10.0.0.5"]
            case .localDisks:
                i.localStorageAmount = 2
                i.localStorageCapacity = 11922
            }
        }
    }

    var isEligible: Bool { self == .eligible || self == .spot }
}

/// The `StoppedMode` a stop must leave (docs/ECS-SEMANTICS.md#lifecycle).
func expectedMode(_ kind: Eligibility, requested: String?, economicalDefault: Bool) -> String {
    guard kind.isEligible else { return "Not-applicable" }
    switch requested {
    case "StopCharging"?: return "StopCharging"
    case "KeepCharging"?: return "KeepCharging"
    default: return economicalDefault ? "StopCharging" : "KeepCharging"
    }
}

@Suite("StoppedMode")
struct StoppedModeTests {
    @Test(
        "eligible/ineligible × StopCharging/KeepCharging/omitted × economical default, by StopInstances",
        arguments: Eligibility.allCases, [Optional("StopCharging"), Optional("KeepCharging"), nil])
    func batchOutcome(_ kind: Eligibility, _ requested: String?) async {
        for economicalDefault in [false, true] {
            let sim = Sim([kind.instance]) { $0.economicalDefault = economicalDefault }
            let extra = requested.map { [("StoppedMode", $0)] } ?? []
            let reply = await sim.stop(["i-mode"], extra)
            #expect(reply.status == 200, "an ineligible instance stops in standard mode, it does not fail")
            let want = expectedMode(kind, requested: requested, economicalDefault: economicalDefault)
            // Already set while Stopping...
            #expect(await sim.status("i-mode") == .stopping)
            #expect(
                await sim.stoppedMode("i-mode") == want,
                "\(kind) \(requested ?? "omitted") default=\(economicalDefault)")
            let during = await sim.describe()
            #expect(during.instances.first?["StoppedMode"]?.stringValue == want)
            // ...and kept once Stopped.
            sim.clock.advance(by: 10)
            let after = await sim.describe()
            #expect(after.instances.first?["Status"]?.stringValue == "Stopped")
            #expect(after.instances.first?["StoppedMode"]?.stringValue == want)
        }
    }

    @Test("StopInstance applies the same rule", arguments: Eligibility.allCases)
    func singleOutcome(_ kind: Eligibility) async {
        for (requested, economicalDefault) in [
            ("StopCharging", false), ("KeepCharging", true), (nil, true), (nil, false),
        ] as [(String?, Bool)] {
            let sim = Sim([kind.instance]) { $0.economicalDefault = economicalDefault }
            let reply = await sim.call(
                "StopInstance", [("InstanceId", "i-mode")] + (requested.map { [("StoppedMode", $0)] } ?? []))
            #expect(reply.status == 200)
            #expect(
                await sim.stoppedMode("i-mode")
                    == expectedMode(kind, requested: requested, economicalDefault: economicalDefault))
        }
    }

    @Test("A Running instance reports KeepCharging, or Not-applicable when it cannot use economical mode (fleet file)")
    func runningFromFleetFile() async throws {
        let items = Eligibility.allCases.map { kind -> JSONValue in
            var i = kind.instance
            i.instanceId = "i-\(kind.rawValue.lowercased())"
            i.stoppedMode = ""
            return i.json
        }
        let dir = TempDir()
        let path = dir.write(
            "fleet.json", JSONValue.object([("Instances", .object([("Instance", .array(items))]))]).jsonText())
        let loaded = try FleetFile.load(path: path)
        let fleet = SimulatedFleet(instances: loaded, configuration: SimulatorConfiguration(), clock: ManualClock())
        for (kind, instance) in zip(Eligibility.allCases, loaded) {
            let served = await fleet.instance(instance.instanceId)
            #expect(served?.stoppedMode == (kind.isEligible ? "KeepCharging" : "Not-applicable"), "\(kind)")
        }
    }

    @Test("A Running instance reports KeepCharging or Not-applicable through DescribeInstances (hand-made fleet)")
    func runningHandMade() async {
        let sim = Sim([Eligibility.eligible.instance.renamed("i-yes"), Eligibility.localDisks.instance.renamed("i-no")])
        let reply = await sim.describe()
        let modes = Dictionary(
            uniqueKeysWithValues: reply.instances.map {
                ($0["InstanceId"]?.stringValue ?? "", $0["StoppedMode"]?.stringValue ?? "<absent>")
            })
        #expect(modes["i-yes"] == "KeepCharging")
        #expect(modes["i-no"] == "Not-applicable")
    }

    @Test(
        "After a restart a Running instance reports KeepCharging/Not-applicable again", arguments: Eligibility.allCases)
    func runningAfterRestart(_ kind: Eligibility) async {
        let sim = Sim([kind.instance])
        #expect(await sim.stop(["i-mode"], [("StoppedMode", "StopCharging")]).status == 200)
        sim.clock.advance(by: 4)
        #expect(await sim.start(["i-mode"]).status == 200)
        #expect(await sim.status("i-mode") == .starting)
        sim.clock.advance(by: 3)
        #expect(await sim.status("i-mode") == .running)
        #expect(await sim.stoppedMode("i-mode") == (kind.isEligible ? "KeepCharging" : "Not-applicable"))
    }

    @Test("A restart after an economical stop may change a public IP without EIP; KeepCharging and EIPs keep theirs")
    func publicIpAfterEconomicalStop() async {
        let sim = Sim([
            makeInstance("i-eco") { $0.publicIpAddresses = ["39.1.2.3"] },
            makeInstance("i-keep") { $0.publicIpAddresses = ["39.1.2.4"] },
            makeInstance("i-eip") { $0.eipAddress = .init(allocationId: "eip-1", ipAddress: "47.0.0.1", bandwidth: 5) },
        ])
        #expect(await sim.stop(["i-eco", "i-eip"], [("StoppedMode", "StopCharging")]).status == 200)
        #expect(await sim.stop(["i-keep"], [("StoppedMode", "KeepCharging")]).status == 200)
        sim.clock.advance(by: 4)
        #expect(await sim.start(["i-eco", "i-keep", "i-eip"]).status == 200)
        sim.clock.advance(by: 3)
        #expect(await sim.instance("i-eco")?.publicIpAddresses != ["39.1.2.3"])
        #expect(await sim.instance("i-eco")?.publicIpAddresses.count == 1)
        #expect(await sim.instance("i-keep")?.publicIpAddresses == ["39.1.2.4"])
        #expect(await sim.instance("i-eip")?.eipAddress?.ipAddress == "47.0.0.1")
    }
}
