import ECSAPI
import Foundation
import Testing

@testable import ECSSimulator

/// Transitions advance on the simulator's clock: the tests move a `ManualClock` and never sleep.
@Suite("Lifecycle on the manual clock")
struct LifecycleTests {
    @Test("Running → Stopping → Stopped after the stop delay")
    func stopDelay() async {
        let sim = Sim([makeInstance("i-a")])
        #expect(await sim.stop(["i-a"]).status == 200)
        #expect(await sim.status("i-a") == .stopping)
        sim.clock.advance(by: 3.9)
        #expect(await sim.status("i-a") == .stopping)
        sim.clock.advance(by: 0.1)
        #expect(await sim.status("i-a") == .stopped)
        // DescribeInstances and DescribeInstanceStatus agree.
        #expect(await sim.describe().instances.first?["Status"]?.stringValue == "Stopped")
        let status = await sim.call("DescribeInstanceStatus", [("RegionId", home)])
        #expect(status.statuses.first?["Status"]?.stringValue == "Stopped")
    }

    @Test("ForceStop takes half the delay", arguments: ["StopInstances", "StopInstance"])
    func forceStop(_ action: String) async {
        let sim = Sim([makeInstance("i-a")])
        let params =
            action == "StopInstances"
            ? [("RegionId", home), ("InstanceId.1", "i-a"), ("ForceStop", "true")]
            : [("InstanceId", "i-a"), ("ForceStop", "True")]
        #expect(await sim.call(action, params).status == 200)
        sim.clock.advance(by: 1.9)
        #expect(await sim.status("i-a") == .stopping)
        sim.clock.advance(by: 0.1)
        #expect(await sim.status("i-a") == .stopped)
    }

    @Test("Stopped → Starting → Running after the start delay, with a new StartTime")
    func startDelay() async {
        let sim = Sim([makeInstance("i-a", .stopped) { $0.startTime = "2020-01-01T00:00Z" }])
        let reply = await sim.start(["i-a"])
        #expect(reply.instanceResponses.first?["PreviousStatus"]?.stringValue == "Stopped")
        #expect(reply.instanceResponses.first?["CurrentStatus"]?.stringValue == "Starting")
        sim.clock.advance(by: 2.9)
        #expect(await sim.status("i-a") == .starting)
        sim.clock.advance(by: 0.1)
        #expect(await sim.status("i-a") == .running)
        #expect(await sim.instance("i-a")?.startTime == ECSTime.formatMinutes(sim.clock.now()))
    }

    @Test("StartInstance (single) starts too")
    func startSingle() async {
        let sim = Sim([makeInstance("i-a", .stopped)])
        #expect(await sim.call("StartInstance", [("InstanceId", "i-a")]).status == 200)
        #expect(await sim.status("i-a") == .starting)
        sim.clock.advance(by: 3)
        #expect(await sim.status("i-a") == .running)
    }

    @Test("A full cycle, and calls during a transition are IncorrectInstanceStatus")
    func fullCycle() async {
        let sim = Sim([makeInstance("i-a")])
        #expect(await sim.stop(["i-a"]).status == 200)
        #expect(await sim.stop(["i-a"]).code == "IncorrectInstanceStatus")
        #expect(await sim.start(["i-a"]).code == "IncorrectInstanceStatus")
        sim.clock.advance(by: 4)
        #expect(await sim.stop(["i-a"]).code == "IncorrectInstanceStatus")
        #expect(await sim.start(["i-a"]).status == 200)
        #expect(await sim.start(["i-a"]).code == "IncorrectInstanceStatus")
        sim.clock.advance(by: 3)
        #expect(await sim.stop(["i-a"]).status == 200)
        sim.clock.advance(by: 4)
        #expect(await sim.status("i-a") == .stopped)
    }

    @Test("Delays are drawn from the configured range")
    func delayRange() async {
        let sim = Sim((1...20).map { makeInstance("i-r\($0)") }) { $0.stopDelay = DelayRange(min: 2, max: 6) }
        #expect(await sim.stop((1...20).map { "i-r\($0)" }).status == 200)
        sim.clock.advance(by: 1.99)
        #expect(await sim.statuses().values.allSatisfy { $0 == .stopping })
        sim.clock.advance(by: 4.02)
        #expect(await sim.statuses().values.allSatisfy { $0 == .stopped })
    }

    @Test(
        "Instances loaded in Stopping, Starting or Pending stay there",
        arguments: [
            InstanceStatus.stopping, .starting, .pending,
        ])
    func stuckInstances(_ status: InstanceStatus) async throws {
        let dir = TempDir()
        let fleet = JSONValue.object([
            (
                "Instances",
                .object([
                    (
                        "Instance",
                        .array([
                            makeInstance("i-stuck", status).json, makeInstance("i-ok").json,
                        ])
                    )
                ])
            )
        ])
        let path = dir.write("fleet.json", fleet.jsonText())
        let clock = ManualClock()
        var configuration = SimulatorConfiguration()
        configuration.stopDelay = DelayRange(min: 1, max: 1)
        let gateway = try await Simulator.makeGateway(source: .file(path), configuration: configuration, clock: clock)
        let sim = Sim(gateway: gateway, clock: clock)
        #expect(await sim.stop(["i-ok"]).status == 200)
        clock.advance(by: 86_400 * 30)
        #expect(await sim.status("i-stuck") == status)
        #expect(await sim.status("i-ok") == .stopped)
        #expect(await sim.describe([("Status", status.rawValue)]).instanceIds == ["i-stuck"])
        // Still refused after a month.
        let code = await sim.stop(["i-stuck"]).code
        #expect(code == (status == .pending ? "InstanceNotReady" : "IncorrectInstanceStatus"))
    }

    @Test("Hand-made instances in transitional states stay there too")
    func stuckHandMade() async {
        let sim = Sim([makeInstance("i-a", .stopping), makeInstance("i-b", .starting), makeInstance("i-c", .pending)])
        sim.clock.advance(by: 1_000_000)
        #expect(await sim.statuses() == ["i-a": .stopping, "i-b": .starting, "i-c": .pending])
    }

    @Test("Transitions of many instances settle independently")
    func independent() async {
        let sim = Sim([makeInstance("i-a"), makeInstance("i-b"), makeInstance("i-c", .stopped)])
        #expect(await sim.stop(["i-a"]).status == 200)
        sim.clock.advance(by: 2)
        #expect(await sim.stop(["i-b"], [("ForceStop", "true")]).status == 200)
        #expect(await sim.start(["i-c"]).status == 200)
        sim.clock.advance(by: 1.5)
        #expect(await sim.statuses() == ["i-a": .stopping, "i-b": .stopping, "i-c": .starting])
        sim.clock.advance(by: 0.5)
        #expect(await sim.statuses() == ["i-a": .stopped, "i-b": .stopped, "i-c": .starting])
        sim.clock.advance(by: 1)
        #expect(await sim.statuses() == ["i-a": .stopped, "i-b": .stopped, "i-c": .running])
    }

    @Test(
        "DelayRange parses MIN-MAX and N, and refuses the rest",
        arguments: [
            ("2-6", DelayRange(min: 2, max: 6)), ("0.2-0.4", DelayRange(min: 0.2, max: 0.4)),
            ("3", DelayRange(min: 3, max: 3)),
            ("6-2", nil), ("-1", nil), ("a-b", nil), ("1-2-3", nil), ("", nil), ("inf", nil),
        ] as [(String, DelayRange?)])
    func delayRangeParsing(_ text: String, _ expected: DelayRange?) {
        #expect(DelayRange(parsing: text) == expected)
    }
}
