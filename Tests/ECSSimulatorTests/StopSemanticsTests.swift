import ECSAPI
import ECSSimulator
import Foundation
import Testing

/// A small region: three running instances, one stopped, one security-locked, one Pending, one elsewhere.
func mixedFleet() -> [Instance] {
    [
        makeInstance("i-run1"), makeInstance("i-run2"), makeInstance("i-run3"), makeInstance("i-stop1", .stopped),
        locked("security").renamed("i-lock1"), makeInstance("i-pend1", .pending),
        makeInstance("i-sh1", region: "cn-shanghai"),
    ]
}

extension Instance {
    func renamed(_ id: String) -> Instance {
        var i = self
        i.instanceId = id
        i.instanceName = id
        return i
    }
}

@Suite("StopInstances and StartInstances semantics")
struct StopSemanticsTests {
    // MARK: AllTogether

    @Test("AllTogether success: 200, one InstanceResponse per instance, Code \"200\", Running → Stopping")
    func allTogetherSuccess() async {
        let sim = Sim(mixedFleet())
        let reply = await sim.stop(["i-run1", "i-run2"])
        #expect(reply.status == 200)
        #expect(reply.header("content-type") == "application/json;charset=utf-8")
        let rows = reply.instanceResponses
        #expect(rows.map { $0["InstanceId"]?.stringValue } == ["i-run1", "i-run2"])
        for row in rows {
            #expect(row["Code"] == .string("200"))
            #expect(row["Message"]?.stringValue == "success")
            #expect(row["PreviousStatus"]?.stringValue == "Running")
            #expect(row["CurrentStatus"]?.stringValue == "Stopping")
        }
        #expect(await sim.status("i-run1") == .stopping)
        #expect(await sim.status("i-run2") == .stopping)
        #expect(await sim.status("i-run3") == .running)
    }

    @Test(
        "AllTogether is the default and atomic: one failing instance and nothing changes",
        arguments: [
            (["i-run1", "i-run2", "i-stop1"], "IncorrectInstanceStatus", 403),
            (["i-run1", "i-nothere1", "i-stop1"], "InvalidInstanceId.NotFound", 404),
            (["i-run1", "i-stop1", "i-nothere1"], "IncorrectInstanceStatus", 403),
            (["i-run1", "bad_id", "i-lock1"], "Abs.InvalidInstanceIds.MalFormed", 403),
            (["i-run1", "i-lock1", "bad_id"], "InstanceLockedForSecurity", 403),
            (["i-pend1", "i-lock1", "i-run2"], "InstanceNotReady", 403),
            (["i-run1", "i-sh1"], "InvalidInstanceId.NotFound", 404),
        ])
    func allTogetherAtomic(_ ids: [String], _ code: String, _ http: Int) async {
        for explicit in [false, true] {
            let sim = Sim(mixedFleet())
            let before = await sim.statuses()
            let reply = await sim.stop(ids, explicit ? [("BatchOptimization", "AllTogether")] : [])
            #expect(reply.code == code, "first failing instance in request order: \(ids)")
            #expect(reply.status == http)
            #expect(reply.instanceResponses.isEmpty)
            #expect(await sim.statuses() == before)
        }
    }

    @Test("AllTogether start is atomic too")
    func allTogetherStartAtomic() async {
        let sim = Sim([makeInstance("i-s1", .stopped), makeInstance("i-s2", .stopped), makeInstance("i-r1")])
        let reply = await sim.start(["i-s1", "i-r1", "i-s2"])
        #expect(reply.code == "IncorrectInstanceStatus")
        #expect(await sim.status("i-s1") == .stopped)
        #expect(await sim.status("i-s2") == .stopped)
        let ok = await sim.start(["i-s1", "i-s2"])
        #expect(ok.status == 200)
        #expect(ok.instanceResponses.map { $0["CurrentStatus"]?.stringValue } == ["Starting", "Starting"])
    }

    // MARK: SuccessFirst

    @Test("SuccessFirst answers each instance on its own")
    func successFirst() async {
        let sim = Sim(mixedFleet())
        let ids = ["i-run1", "i-nothere1", "i-stop1", "i-run1", "bad_id", "i-lock1", "i-sh1", "i-run2"]
        let reply = await sim.stop(ids, [("BatchOptimization", "SuccessFirst")])
        #expect(reply.status == 200)
        let rows = reply.instanceResponses
        #expect(
            rows.map { $0["InstanceId"]?.stringValue ?? "" } == [
                "i-run1", "i-nothere1", "i-stop1", "bad_id", "i-lock1", "i-sh1", "i-run2",
            ],
            "a repeated ID is answered once, in request order")
        let byId = Dictionary(rows.map { ($0["InstanceId"]?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byId["i-run1"]?["Code"] == .string("200"))
        #expect(byId["i-run1"]?["Message"]?.stringValue == "success")
        #expect(byId["i-run1"]?["PreviousStatus"]?.stringValue == "Running")
        #expect(byId["i-run1"]?["CurrentStatus"]?.stringValue == "Stopping")
        #expect(byId["i-run2"]?["Code"] == .string("200"))
        #expect(byId["i-nothere1"]?["Code"]?.stringValue == "InvalidInstanceId.NotFound")
        #expect(byId["i-nothere1"]?["PreviousStatus"]?.stringValue == "")
        #expect(byId["i-nothere1"]?["CurrentStatus"]?.stringValue == "")
        #expect(byId["i-sh1"]?["Code"]?.stringValue == "InvalidInstanceId.NotFound")
        #expect(byId["i-sh1"]?["PreviousStatus"]?.stringValue == "")
        #expect(byId["i-stop1"]?["Code"]?.stringValue == "IncorrectInstanceStatus")
        #expect(byId["bad_id"]?["Code"]?.stringValue == "Abs.InvalidInstanceIds.MalFormed")
        #expect(byId["i-lock1"]?["Code"]?.stringValue == "InstanceLockedForSecurity")
        for row in rows { #expect(row["Message"]?.stringValue?.isEmpty == false) }
        #expect(await sim.status("i-run1") == .stopping)
        #expect(await sim.status("i-run2") == .stopping)
        #expect(await sim.status("i-run3") == .running)
        #expect(await sim.status("i-stop1") == .stopped)
        #expect(await sim.status("i-sh1") == .running)
    }

    @Test("SuccessFirst with every instance failing still answers 200")
    func successFirstAllFail() async {
        let sim = Sim(mixedFleet())
        let reply = await sim.stop(["i-stop1", "i-nothere1"], [("BatchOptimization", "SuccessFirst")])
        #expect(reply.status == 200)
        #expect(reply.instanceResponses.count == 2)
        #expect(!reply.instanceResponses.contains { $0["Code"] == .string("200") })
    }

    @Test("AllTogether answers a repeated ID once")
    func allTogetherRepeated() async {
        let sim = Sim(mixedFleet())
        let reply = await sim.stop(["i-run1", "i-run1", "i-run2"])
        #expect(reply.status == 200)
        #expect(reply.instanceResponses.map { $0["InstanceId"]?.stringValue } == ["i-run1", "i-run2"])
    }

    @Test("InstanceId.N are taken in N order and gaps are allowed")
    func gapsInN() async {
        let sim = Sim(mixedFleet())
        let reply = await sim.call(
            "StopInstances",
            [
                ("RegionId", home), ("InstanceId.7", "i-run3"),
                ("InstanceId.2", "i-run1"), ("InstanceId.100", "i-run2"),
            ])
        #expect(reply.status == 200)
        #expect(reply.instanceResponses.map { $0["InstanceId"]?.stringValue } == ["i-run1", "i-run3", "i-run2"])
    }

    @Test("100 IDs are allowed in one call")
    func hundredIds() async {
        let fleet = (1...100).map { makeInstance("i-bulk\($0)") }
        let sim = Sim(fleet)
        let reply = await sim.stop(fleet.map(\.instanceId))
        #expect(reply.status == 200)
        #expect(reply.instanceResponses.count == 100)
    }

    // MARK: Dry runs

    @Test("Batch dry run that passes: 400 DRYRUN.SUCCESS, nothing changes", arguments: ["true", "True", "TRUE"])
    func batchDryRunPasses(_ flag: String) async {
        let sim = Sim(mixedFleet())
        let before = await sim.statuses()
        let stop = await sim.stop(["i-run1", "i-run2"], [("DryRun", flag)])
        #expect(stop.status == 400)
        #expect(stop.code == "DRYRUN.SUCCESS")
        #expect(stop.message?.isEmpty == false)
        let start = await sim.start(["i-stop1"], [("DryRun", flag)])
        #expect(start.status == 400)
        #expect(start.code == "DRYRUN.SUCCESS")
        #expect(await sim.statuses() == before)
    }

    @Test("AllTogether dry run with a failing instance answers that instance's error")
    func allTogetherDryRunFails() async {
        let sim = Sim(mixedFleet())
        let reply = await sim.stop(["i-run1", "i-stop1"], [("DryRun", "true")])
        #expect(reply.code == "IncorrectInstanceStatus")
        #expect(reply.status == 403)
        #expect(await sim.status("i-run1") == .running)
    }

    @Test("SuccessFirst dry run is DRYRUN.SUCCESS whatever the instances")
    func successFirstDryRun() async {
        let sim = Sim(mixedFleet())
        let before = await sim.statuses()
        let reply = await sim.stop(
            ["i-run1", "i-stop1", "i-nothere1", "bad_id", "i-lock1"],
            [("DryRun", "true"), ("BatchOptimization", "SuccessFirst")])
        #expect(reply.status == 400)
        #expect(reply.code == "DRYRUN.SUCCESS")
        #expect(await sim.statuses() == before)
    }

    @Test(
        "Parameters are validated before the dry-run rule",
        arguments: [
            [("DryRun", "true"), ("BatchOptimization", "SuccessFirst")],
            [("DryRun", "true")],
        ])
    func dryRunValidatesFirst(_ extra: [(String, String)]) async {
        let sim = Sim(mixedFleet())
        let tooMany = await sim.stop((1...101).map { "i-many\($0)" }, extra)
        #expect(tooMany.code == "InvalidParameter")
        #expect(tooMany.status == 400)
        let badMode = await sim.stop(["i-run1"], extra + [("StoppedMode", "Sometimes")])
        #expect(badMode.code == "InvalidParameter")
        let none = await sim.call("StopInstances", [("RegionId", home)] + extra)
        #expect(none.code == "InvalidParameter")
    }

    @Test(
        "Single-instance dry runs answer 400 DryRunOperation",
        arguments: [
            ("StopInstance", "i-run1"), ("StartInstance", "i-stop1"),
        ])
    func singleDryRun(_ action: String, _ id: String) async {
        let sim = Sim(mixedFleet())
        let before = await sim.statuses()
        let reply = await sim.call(action, [("InstanceId", id), ("DryRun", "true")])
        #expect(reply.status == 400)
        #expect(reply.code == "DryRunOperation")
        #expect(reply.message == "Request validation has been passed with DryRun flag set.")
        #expect(await sim.statuses() == before)
        // A dry run of a call that would fail answers the failure.
        let failing = await sim.call(action, [("InstanceId", "i-pend1"), ("DryRun", "true")])
        #expect(failing.code == "InstanceNotReady")
    }

    @Test("DescribeInstances dry run answers 400 DryRunOperation")
    func describeDryRun() async {
        let sim = Sim(mixedFleet())
        let reply = await sim.describe([("DryRun", "true")])
        #expect(reply.status == 400)
        #expect(reply.code == "DryRunOperation")
        #expect(reply.instances.isEmpty)
    }
}
