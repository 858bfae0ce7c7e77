import ECSAPI
import ECSSimulator
import Foundation
import Testing

/// One instance with a problem, and the error every stop (or start) of it must give.
struct VerdictCase: Sendable, CustomTestStringConvertible {
    var name: String
    var instance: Instance
    /// The ID sent (defaults to the instance's).
    var sentId: String?
    var code: String
    var http: Int
    var testDescription: String { name }

    var id: String { sentId ?? instance.instanceId }

    init(_ name: String, _ instance: Instance, sent: String? = nil, _ code: String, _ http: Int) {
        self.name = name
        self.instance = instance
        sentId = sent
        self.code = code
        self.http = http
    }
}

func locked(_ reasons: String..., status: InstanceStatus = .running) -> Instance {
    makeInstance("i-target", status) { $0.operationLocks = reasons.map { .init(lockReason: $0) } }
}

/// The checks table of docs/ECS-SEMANTICS.md#stop-and-start-checks for stops, one row (or variant) per case.
let stopRows: [VerdictCase] = [
    .init("Stopped", makeInstance("i-target", .stopped), "IncorrectInstanceStatus", 403),
    .init("Stopping", makeInstance("i-target", .stopping), "IncorrectInstanceStatus", 403),
    .init("Starting", makeInstance("i-target", .starting), "IncorrectInstanceStatus", 403),
    .init("Pending", makeInstance("i-target", .pending), "InstanceNotReady", 403),
    .init("security lock", locked("security"), "InstanceLockedForSecurity", 403),
    .init("financial lock", locked("financial"), "InstanceExpiredOrInArrears", 403),
    .init(
        "PrePaid past ExpiredTime",
        makeInstance("i-target") {
            $0.instanceChargeType = "PrePaid"
            $0.expiredTime = "2020-01-01T00:00Z"
        },
        "InstanceExpiredOrInArrears", 403),
    .init("dedicatedhostfinancial lock", locked("dedicatedhostfinancial"), "InstanceExpiredOrInArrears", 403),
    .init("refunded lock", locked("refunded"), "InstanceExpiredOrInArrears", 403),
    .init("recycling lock", locked("recycling"), "IncorrectInstanceStatus", 403),
    .init("ID not in the fleet", makeInstance("i-target"), sent: "i-nowhere1", "InvalidInstanceId.NotFound", 404),
    .init("ID in another region", makeInstance("i-target", region: "cn-shanghai"), "InvalidInstanceId.NotFound", 404),
    .init(
        "well-formed i-TestID, not found", makeInstance("i-target"), sent: "i-TestID", "InvalidInstanceId.NotFound", 404
    ),
    .init(
        "malformed: no i- prefix", makeInstance("i-target"), sent: "x-target", "Abs.InvalidInstanceIds.MalFormed", 403),
    .init("malformed: bare i-", makeInstance("i-target"), sent: "i-", "Abs.InvalidInstanceIds.MalFormed", 403),
    .init("malformed: underscore", makeInstance("i-target"), sent: "i-abc_1", "Abs.InvalidInstanceIds.MalFormed", 403),
    .init("malformed: second dash", makeInstance("i-target"), sent: "i-abc-1", "Abs.InvalidInstanceIds.MalFormed", 403),
    .init(
        "malformed: non-ASCII letter", makeInstance("i-target"), sent: "i-abcü1", "Abs.InvalidInstanceIds.MalFormed",
        403),
    .init("malformed: space", makeInstance("i-target"), sent: "i-abc 1", "Abs.InvalidInstanceIds.MalFormed", 403),
]

/// The precedence order: malformed, not found, security lock, other locks or expiry, Pending, wrong status, Hibernate.
let precedenceRows: [VerdictCase] = [
    .init(
        "security beats financial, Pending", locked("financial", "security", status: .pending),
        "InstanceLockedForSecurity", 403),
    .init("security beats Stopped", locked("security", status: .stopped), "InstanceLockedForSecurity", 403),
    .init("financial beats Pending", locked("financial", status: .pending), "InstanceExpiredOrInArrears", 403),
    .init(
        "expiry beats Stopped",
        makeInstance("i-target", .stopped) {
            $0.instanceChargeType = "PrePaid"
            $0.expiredTime = "2020-01-01T00:00Z"
        },
        "InstanceExpiredOrInArrears", 403),
    .init(
        "recycling (other lock) beats Pending", locked("recycling", status: .pending), "IncorrectInstanceStatus", 403),
    .init("financial beats recycling", locked("recycling", "financial"), "InstanceExpiredOrInArrears", 403),
    .init(
        "not found beats the instance's locks (other region)",
        locked("security", status: .pending).withRegion("cn-beijing"),
        "InvalidInstanceId.NotFound", 404),
]

extension Instance {
    func withRegion(_ region: String) -> Instance {
        var i = self
        i.regionId = region
        return i
    }
}

@Suite("Decisions table")
struct DecisionTableTests {
    @Test(
        "StopInstances (AllTogether) answers the table's code and status and changes nothing",
        arguments: stopRows + precedenceRows)
    func stopInstancesRow(_ row: VerdictCase) async {
        let sim = Sim([row.instance, makeInstance("i-bystander")])
        let before = await sim.statuses()
        let reply = await sim.stop([row.id])
        #expect(reply.code == row.code)
        #expect(reply.status == row.http)
        #expect(await sim.statuses() == before)
    }

    @Test("StopInstance answers the same code and status", arguments: stopRows + precedenceRows)
    func stopInstanceRow(_ row: VerdictCase) async {
        let sim = Sim([row.instance])
        let before = await sim.statuses()
        // The region is sent only where it matters (the other-region rows), as the older SDK does.
        var params = [("InstanceId", row.id)]
        if row.instance.regionId != home { params.append(("RegionId", home)) }
        let reply = await sim.call("StopInstance", params)
        #expect(reply.code == row.code)
        #expect(reply.status == row.http)
        #expect(await sim.statuses() == before)
    }

    @Test(
        "StartInstances follows the same rows with 'not Stopped'",
        arguments: [
            VerdictCase("Running", makeInstance("i-target"), "IncorrectInstanceStatus", 403),
            VerdictCase("Stopping", makeInstance("i-target", .stopping), "IncorrectInstanceStatus", 403),
            VerdictCase("Starting", makeInstance("i-target", .starting), "IncorrectInstanceStatus", 403),
            VerdictCase("Pending", makeInstance("i-target", .pending), "InstanceNotReady", 403),
            VerdictCase("security lock", locked("security", status: .stopped), "InstanceLockedForSecurity", 403),
            VerdictCase("financial lock", locked("financial", status: .stopped), "InstanceExpiredOrInArrears", 403),
            VerdictCase("refunded lock", locked("refunded", status: .stopped), "InstanceExpiredOrInArrears", 403),
            VerdictCase("recycling lock", locked("recycling", status: .stopped), "IncorrectInstanceStatus", 403),
            VerdictCase(
                "not found", makeInstance("i-target", .stopped), sent: "i-nowhere1", "InvalidInstanceId.NotFound", 404),
            VerdictCase(
                "malformed", makeInstance("i-target", .stopped), sent: "i_target", "Abs.InvalidInstanceIds.MalFormed",
                403),
        ])
    func startRow(_ row: VerdictCase) async {
        let sim = Sim([row.instance])
        let before = await sim.statuses()
        let batch = await sim.start([row.id])
        #expect(batch.code == row.code)
        #expect(batch.status == row.http)
        let single = await sim.call("StartInstance", [("InstanceId", row.id)])
        #expect(single.code == row.code)
        #expect(single.status == row.http)
        #expect(await sim.statuses() == before)
    }

    @Test(
        "Parameter errors are InvalidParameter (400)",
        arguments: [
            ("no InstanceId.N", [("RegionId", home)]),
            ("101 IDs", [("RegionId", home)] + idParams((1...101).map { "i-n\($0)" })),
            ("InstanceId.101", [("RegionId", home), ("InstanceId.101", "i-target")]),
            ("InstanceId.0", [("RegionId", home), ("InstanceId.0", "i-target")]),
            ("InstanceId.x", [("RegionId", home), ("InstanceId.x", "i-target")]),
            (
                "StoppedMode=Not-applicable",
                [("RegionId", home), ("InstanceId.1", "i-target"), ("StoppedMode", "Not-applicable")]
            ),
            (
                "StoppedMode=stopcharging",
                [("RegionId", home), ("InstanceId.1", "i-target"), ("StoppedMode", "stopcharging")]
            ),
            ("StoppedMode=Bogus", [("RegionId", home), ("InstanceId.1", "i-target"), ("StoppedMode", "Bogus")]),
            (
                "BatchOptimization=Bogus",
                [("RegionId", home), ("InstanceId.1", "i-target"), ("BatchOptimization", "Bogus")]
            ),
            ("ForceStop=yes", [("RegionId", home), ("InstanceId.1", "i-target"), ("ForceStop", "yes")]),
            ("DryRun=1", [("RegionId", home), ("InstanceId.1", "i-target"), ("DryRun", "1")]),
        ])
    func parameterErrors(_ name: String, _ params: [(String, String)]) async {
        let sim = Sim([makeInstance("i-target")])
        let reply = await sim.call("StopInstances", params)
        #expect(reply.code == "InvalidParameter", "\(name)")
        #expect(reply.status == 400)
        #expect(await sim.status("i-target") == .running)
    }

    @Test(
        "An unknown region is InvalidRegionId.NotFound (404) for every call",
        arguments: [
            "StopInstances", "StartInstances", "DescribeInstances", "DescribeInstanceStatus",
        ])
    func unknownRegion(_ action: String) async {
        let sim = Sim([makeInstance("i-target")])
        let reply = await sim.call(action, [("RegionId", "xx-nowhere-9")] + idParams(["i-target"]))
        #expect(reply.code == "InvalidRegionId.NotFound")
        #expect(reply.status == 404)
        let single = await sim.call("StopInstance", [("InstanceId", "i-target"), ("RegionId", "xx-nowhere-9")])
        #expect(single.code == "InvalidRegionId.NotFound")
        #expect(single.status == 404)
    }

    @Test("A missing RegionId is MissingParameter (400)")
    func missingRegion() async {
        let sim = Sim([makeInstance("i-target")])
        let reply = await sim.call("StopInstances", idParams(["i-target"]))
        #expect(reply.code == "MissingParameter")
        #expect(reply.status == 400)
    }

    @Test("StopInstance: Hibernate, ConfirmStop and RegionId")
    func stopInstanceOptions() async {
        let sim = Sim([
            makeInstance("i-plain"), makeInstance("i-hiber") { $0.hibernationConfigured = true },
            makeInstance("i-confirm"), makeInstance("i-region"), makeInstance("i-stopped", .stopped),
        ])
        let notEnabled = await sim.call("StopInstance", [("InstanceId", "i-plain"), ("Hibernate", "true")])
        #expect(notEnabled.code == "HibernationConfigured.NotEnabled")
        #expect(notEnabled.status == 403)
        #expect(await sim.status("i-plain") == .running)
        // Wrong status comes before Hibernate.
        let stopped = await sim.call("StopInstance", [("InstanceId", "i-stopped"), ("Hibernate", "true")])
        #expect(stopped.code == "IncorrectInstanceStatus")
        // So do Pending and the locks (Hibernate is last in the order).
        let pending = Sim([makeInstance("i-p", .pending), locked("security").renamed("i-s")])
        #expect(
            await pending.call("StopInstance", [("InstanceId", "i-p"), ("Hibernate", "true")]).code
                == "InstanceNotReady")
        #expect(
            await pending.call("StopInstance", [("InstanceId", "i-s"), ("Hibernate", "true")]).code
                == "InstanceLockedForSecurity")

        let hibernate = await sim.call("StopInstance", [("InstanceId", "i-hiber"), ("Hibernate", "True")])
        #expect(hibernate.status == 200)
        #expect(hibernate.json["RequestId"]?.stringValue == hibernate.header("x-acs-request-id"))
        #expect(await sim.status("i-hiber") == .stopping)

        let confirm = await sim.call("StopInstance", [("InstanceId", "i-confirm"), ("ConfirmStop", "true")])
        #expect(confirm.status == 200)
        #expect(await sim.status("i-confirm") == .stopping)

        let wrongRegion = await sim.call("StopInstance", [("InstanceId", "i-region"), ("RegionId", "cn-shanghai")])
        #expect(wrongRegion.code == "InvalidInstanceId.NotFound")
        #expect(wrongRegion.status == 404)
        #expect(await sim.status("i-region") == .running)
        let rightRegion = await sim.call("StopInstance", [("InstanceId", "i-region"), ("RegionId", home)])
        #expect(rightRegion.status == 200)
        #expect(await sim.status("i-region") == .stopping)

        let missing = await sim.call("StopInstance", [("RegionId", home)])
        #expect(missing.code == "MissingParameter")
        #expect(missing.status == 400)
    }

    @Test("A PrePaid instance before its ExpiredTime stops normally")
    func prePaidNotExpired() async {
        let sim = Sim([
            makeInstance("i-prepaid") {
                $0.instanceChargeType = "PrePaid"
                $0.expiredTime = "2030-01-01T00:00Z"
            }
        ])
        let reply = await sim.stop(["i-prepaid"])
        #expect(reply.status == 200)
        #expect(await sim.status("i-prepaid") == .stopping)
    }
}
