import ECSAPI
import FleetCore
import Foundation
import Testing

/// Preflight verdicts (the API's decision table, judged locally) and how a plan groups its calls.
@Suite("Preflight and OperationPlan")
struct PreflightTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z

    func judge(
        _ instance: Instance?, id: String? = nil, _ action: PowerAction = .stop,
        _ options: OperationOptions = OperationOptions()
    ) -> Preflight.Verdict {
        Preflight.judge(
            instance, id: id ?? instance?.instanceId ?? "i-x", action: action, options: options, now: Self.now
        ).verdict
    }

    func skipCode(_ v: Preflight.Verdict) -> String? {
        if case .skip(let code, _) = v { return code }
        return nil
    }

    func reason(_ v: Preflight.Verdict) -> String {
        switch v {
        case .proceed: return ""
        case .standardModeOnly(let r), .skip(_, let r): return r
        }
    }

    @Test(
        "Stop verdicts, one per row of the decision table",
        arguments: [
            ("running", InstanceStatus.running, "", "PostPaid", "2099-01-01T00:00Z", nil as String?),
            ("stopped", .stopped, "", "PostPaid", "2099-01-01T00:00Z", ErrorCode.incorrectInstanceStatus),
            ("stopping", .stopping, "", "PostPaid", "2099-01-01T00:00Z", ErrorCode.incorrectInstanceStatus),
            ("starting", .starting, "", "PostPaid", "2099-01-01T00:00Z", ErrorCode.incorrectInstanceStatus),
            ("pending", .pending, "", "PostPaid", "2099-01-01T00:00Z", ErrorCode.instanceNotReady),
            ("security", .running, "security", "PostPaid", "2099-01-01T00:00Z", ErrorCode.instanceLockedForSecurity),
            ("financial", .running, "financial", "PostPaid", "2099-01-01T00:00Z", ErrorCode.instanceExpiredOrInArrears),
            (
                "dedicated-host financial", .running, "dedicatedhostfinancial", "PostPaid", "2099-01-01T00:00Z",
                ErrorCode.instanceExpiredOrInArrears
            ),
            ("refunded", .running, "refunded", "PostPaid", "2099-01-01T00:00Z", ErrorCode.instanceExpiredOrInArrears),
            ("recycling", .running, "recycling", "PostPaid", "2099-01-01T00:00Z", ErrorCode.incorrectInstanceStatus),
            ("expired PrePaid", .running, "", "PrePaid", "2025-12-31T23:59Z", ErrorCode.instanceExpiredOrInArrears),
            ("PrePaid not expired", .running, "", "PrePaid", "2026-01-01T00:01Z", nil),
            ("PostPaid with a past ExpiredTime", .running, "", "PostPaid", "2020-01-01T00:00Z", nil),
            (
                "security beats financial and Pending", .pending, "Security", "PrePaid", "2020-01-01T00:00Z",
                ErrorCode.instanceLockedForSecurity
            ),
            (
                "financial beats Pending", .pending, "financial", "PostPaid", "2099-01-01T00:00Z",
                ErrorCode.instanceExpiredOrInArrears
            ),
        ])
    func stopVerdicts(
        _ name: String, _ status: InstanceStatus, _ lock: String, _ charge: String, _ expires: String, _ code: String?
    ) {
        var i = Instance(instanceId: "i-case")
        i.status = status
        i.instanceChargeType = charge
        i.expiredTime = expires
        if !lock.isEmpty { i.operationLocks = [.init(lockReason: lock)] }
        let v = judge(i)
        #expect(skipCode(v) == code, "\(name)")
        if code == nil {
            #expect(v == .proceed, "\(name)")
        } else {
            #expect(!reason(v).isEmpty, "\(name): a reason in plain words")
        }
    }

    @Test("Not found and malformed IDs; malformed wins over not found")
    func unknownIds() {
        #expect(skipCode(judge(nil, id: "i-nothere")) == ErrorCode.invalidInstanceIdNotFound)
        #expect(skipCode(judge(nil, id: "vm-1")) == ErrorCode.instanceIdMalformed)
        #expect(skipCode(judge(Instance(instanceId: "i-a_b"), id: "i-a_b")) == ErrorCode.instanceIdMalformed)
        for bad in ["", "i-", "I-abc", "i-abc-1", "i-abc 1", "i-é1", "i-abc\n"] {
            #expect(!Preflight.isWellFormed(bad), "\(bad)")
        }
        for good in ["i-abc123", "i-TestID", "i-0", "i-bp67acfmxazb4ph1"] {
            #expect(Preflight.isWellFormed(good), "\(good)")
        }
    }

    @Test("Lock reasons in any case, and the reasons that behave like a financial lock")
    func lockReasonsInAnyCase() {
        for (reasonGiven, code) in [
            ("Security", ErrorCode.instanceLockedForSecurity), ("FINANCIAL", ErrorCode.instanceExpiredOrInArrears),
            ("DedicatedHostFinancial", ErrorCode.instanceExpiredOrInArrears),
            ("refunded", ErrorCode.instanceExpiredOrInArrears), ("Recycling", ErrorCode.incorrectInstanceStatus),
        ] {
            var i = Instance(instanceId: "i-lock")
            i.operationLocks = [.init(lockReason: reasonGiven)]
            #expect(skipCode(judge(i)) == code, "\(reasonGiven)")
        }
        // A past end date matters only for a subscription.
        var payg = Instance(instanceId: "i-payg")
        payg.expiredTime = "2020-01-01T00:00Z"
        #expect(judge(payg) == .proceed)
        payg.instanceChargeType = "PrePaid"
        #expect(reason(judge(payg)) == "subscription expired")
    }

    @Test("Start verdicts: from Stopped only; running is `already Running`")
    func startVerdicts() {
        var off = Instance(instanceId: "i-off")
        off.status = .stopped
        #expect(judge(off, .start) == .proceed)
        let on = Instance(instanceId: "i-on")
        #expect(skipCode(judge(on, .start)) == ErrorCode.incorrectInstanceStatus)
        #expect(reason(judge(on, .start)).contains("already"))
        var stopping = Instance(instanceId: "i-s")
        stopping.status = .stopping
        #expect(reason(judge(stopping, .start)).contains("Stopping"))
        #expect(judge(off, .start, OperationOptions(stoppedMode: .stopCharging)) == .proceed)
    }

    @Test("Already in the wanted state beats a lock: a locked or expired Running instance is `already Running`")
    func alreadyThereBeatsLocks() {
        var locked = Instance(instanceId: "i-locked")
        locked.operationLocks = [.init(lockReason: "security")]
        #expect(skipCode(judge(locked, .start)) == ErrorCode.incorrectInstanceStatus)
        #expect(reason(judge(locked, .start)) == "already Running (also locked for security reasons)")
        var expired = Instance(instanceId: "i-expired")
        expired.instanceChargeType = "PrePaid"
        expired.expiredTime = "2025-12-31T23:59Z"
        #expect(reason(judge(expired, .start)) == "already Running (also subscription expired)")
        var stoppedLocked = Instance(instanceId: "i-stopped")
        stoppedLocked.status = .stopped
        stoppedLocked.operationLocks = [.init(lockReason: "financial")]
        #expect(reason(judge(stoppedLocked, .stop)) == "already Stopped (also financial lock (overdue payment))")
        // Not yet there: the lock is still the reason.
        #expect(skipCode(judge(locked, .stop)) == ErrorCode.instanceLockedForSecurity)
    }

    @Test("StopCharging on classic, PrePaid or local-disk instances: standard mode only, still sent")
    func standardModeOnly() {
        let economical = OperationOptions(stoppedMode: .stopCharging)
        var classic = Instance(instanceId: "i-classic")
        classic.instanceNetworkType = "classic"
        var prepaid = Instance(instanceId: "i-prepaid")
        prepaid.instanceChargeType = "PrePaid"
        prepaid.expiredTime = "2099-01-01T00:00Z"
        var disks = Instance(instanceId: "i-disks")
        disks.localStorageAmount = 2
        for (i, word) in [(classic, "classic"), (prepaid, "PrePaid"), (disks, "local disks")] {
            let v = judge(i, .stop, economical)
            guard case .standardModeOnly(let why) = v else {
                Issue.record("\(i.instanceId): \(v)")
                continue
            }
            #expect(why.contains(word))
            #expect(Preflight.judge(i, id: i.instanceId, action: .stop, options: economical, now: Self.now).willSend)
            #expect(judge(i, .stop, OperationOptions(stoppedMode: .keepCharging)) == .proceed)
            #expect(judge(i) == .proceed)
        }
        var vpc = Instance(instanceId: "i-vpc")
        vpc.instanceNetworkType = "VPC"
        #expect(judge(vpc, .stop, economical) == .proceed)
    }

    func running(_ id: String, _ region: String) -> Instance {
        var i = Instance(instanceId: id)
        i.regionId = region
        return i
    }

    @Test("Plans: at most 100 a call, grouped by region in first-seen order, repeated IDs once, skipped ones not sent")
    func batches() {
        let a = (1...230).map { "i-a\($0)" }
        let b = (1...120).map { "i-b\($0)" }
        var targets: [(instanceId: String, regionId: String, instance: Instance?)] = []
        for n in 0..<230 {
            targets.append((a[n], "cn-hangzhou", running(a[n], "cn-hangzhou")))
            if n < 120 { targets.append((b[n], "cn-shanghai", running(b[n], "cn-shanghai"))) }
        }
        targets += [
            (a[0], "cn-hangzhou", running(a[0], "cn-hangzhou")), ("i-gone", "cn-hangzhou", nil),
            ("bad", "cn-shanghai", nil),
        ]
        let plan = OperationPlan(action: .stop, options: OperationOptions(), targets: targets, now: Self.now)
        #expect(plan.targets.count == 352)
        #expect(plan.targets.filter { $0.instanceId == a[0] }.count == 1)
        #expect(
            plan.batches.map(\.regionId) == ["cn-hangzhou", "cn-hangzhou", "cn-hangzhou", "cn-shanghai", "cn-shanghai"])
        #expect(plan.batches.map(\.instanceIds.count) == [100, 100, 30, 100, 20])
        #expect(plan.batches.flatMap(\.instanceIds) == a + b, "request order kept within a region")
        #expect(plan.sendCount == 350)
        #expect(plan.callCount == 5)
        #expect(!plan.id.isEmpty)
        let dry = OperationPlan(
            action: .stop, options: OperationOptions(batch: .successFirst, dryRun: true), targets: targets,
            now: Self.now)
        #expect(dry.callCount == 350)
        #expect(
            OperationPlan(
                action: .stop, options: OperationOptions(), targets: [("i-gone", "cn-hangzhou", nil)], now: Self.now
            ).batches.isEmpty)
    }

    @Test("cliEquivalents: the aliyun CLI command for each call")
    func cliEquivalents() {
        let targets: [(instanceId: String, regionId: String, instance: Instance?)] = [
            ("i-a", "cn-hangzhou", running("i-a", "cn-hangzhou")),
            ("i-b", "cn-hangzhou", running("i-b", "cn-hangzhou")),
            ("i-c", "cn-beijing", running("i-c", "cn-beijing")),
        ]
        let stop = OperationPlan(
            action: .stop,
            options: OperationOptions(forceStop: true, stoppedMode: .stopCharging, batch: .successFirst, dryRun: true),
            targets: targets, now: Self.now)
        #expect(
            stop.cliEquivalents == [
                "aliyun ecs StopInstances --RegionId cn-hangzhou --InstanceId.1 i-a --InstanceId.2 i-b --ForceStop true --StoppedMode StopCharging --BatchOptimization SuccessFirst --DryRun true",
                "aliyun ecs StopInstances --RegionId cn-beijing --InstanceId.1 i-c --ForceStop true --StoppedMode StopCharging --BatchOptimization SuccessFirst --DryRun true",
            ])
        var off = running("i-off", "cn-hangzhou")
        off.status = .stopped
        let start = OperationPlan(
            action: .start, options: OperationOptions(forceStop: true, stoppedMode: .keepCharging),
            targets: [("i-off", "cn-hangzhou", off)], now: Self.now)
        #expect(
            start.cliEquivalents == [
                "aliyun ecs StartInstances --RegionId cn-hangzhou --InstanceId.1 i-off --BatchOptimization AllTogether"
            ])
    }
}
