import ECSAPI
import ECSClient
import ECSSimulator
import FleetCore
import Foundation
import Synchronization
import Testing

/// `OperationEngine.run` against the simulator through the real client, with tracking on the manual clock.
@Suite("OperationEngine: real runs")
struct EngineRunTests {
    static let mixedFleet: [Instance] = [
        makeInstance("i-run1"), makeInstance("i-run2"),
        makeInstance("i-classic") {
            $0.instanceNetworkType = "classic"
            $0.vpcAttributes = nil
        },
        makeInstance("i-off", .stopped),
        locked("i-sec", "security"), locked("i-fin", "financial"),
    ]
    static let mixedIds = [
        "i-run1", "i-off", "i-sec", "i-fin", "i-missing", "bad_id!", "i-classic", "i-run2", "i-run1",
    ]

    @Test(
        "A mixed stop (SuccessFirst, StopCharging, wait) over HTTP: right outcome per instance, journaled before sending, no secrets"
    )
    func mixedStopOverHTTP() async throws {
        let rig = try EngineRig(Self.mixedFleet)
        let plan = try await rig.plan(
            .stop, Self.mixedIds, OperationOptions(stoppedMode: .stopCharging, batch: .successFirst))
        #expect(plan.targets.count == 8, "the repeated ID is planned once")
        #expect(plan.batches.map(\.instanceIds) == [["i-run1", "i-classic", "i-run2"]])

        // At the moment each StopInstances leaves, the journal already holds its `send` record.
        let lastEventAtSend = Mutex<[String]>([])
        let path = rig.journalPath
        let updates = Mutex(0)
        let report = try await rig.overHTTP(before: { request in
            guard request.action == ECSAction.stopInstances else { return }
            let last = (try? Journal.read(path: path))?.last
            lastEventAtSend.withLock { $0.append("\(last?.event.rawValue ?? "none") \(last?.action ?? "")") }
        }) { engine, transport in
            let report = await engine.run(plan, wait: true) { _ in updates.withLock { $0 += 1 } }
            #expect(transport.requests(ECSAction.stopInstances).count == 1)
            #expect(transport.requests(ECSAction.stopInstances).first?.instanceIds == plan.batches[0].instanceIds)
            return report
        }
        #expect(lastEventAtSend.withLock { $0 } == ["send StopInstances"])
        #expect(updates.withLock { $0 } > 2)

        #expect(report.results.map(\.instanceId) == plan.targets.map(\.instanceId))
        let expected: [(String, Outcome, String)] = [
            ("i-run1", .stopped, "200"), ("i-run2", .stopped, "200"), ("i-classic", .stopped, "200"),
            ("i-off", .skipped, ErrorCode.incorrectInstanceStatus),
            ("i-sec", .skipped, ErrorCode.instanceLockedForSecurity),
            ("i-fin", .skipped, ErrorCode.instanceExpiredOrInArrears),
            ("i-missing", .failed, ErrorCode.invalidInstanceIdNotFound),
            ("bad_id!", .failed, ErrorCode.instanceIdMalformed),
        ]
        for (id, outcome, code) in expected {
            let r = report.result(id)
            #expect(r?.outcome == outcome, "\(id)")
            #expect(r?.code == code, "\(id)")
        }
        #expect(report.result("i-run1")?.previousStatus == "Running")
        #expect(report.result("i-run1")?.currentStatus == "Stopped")
        #expect(report.result("i-off")?.message.contains("already") == true)
        #expect(await rig.fleet.instance("i-run1")?.stoppedMode == "StopCharging")
        #expect(await rig.fleet.instance("i-classic")?.stoppedMode == "Not-applicable")
        for id in ["i-off", "i-sec", "i-fin"] { #expect(await rig.status(id) == (id == "i-off" ? .stopped : .running)) }

        let records = try rig.records()
        let events = records.map(\.event)
        #expect(events.first == .begin)
        #expect(events.last == .end)
        #expect(Set(events) == [.begin, .send, .answer, .outcome, .end])
        #expect(events.firstIndex(of: .send)! < events.firstIndex(of: .answer)!)
        #expect(records.allSatisfy { $0.operation == plan.id && $0.profile == "test-profile" })
        let send = try #require(records.first { $0.event == .send })
        #expect(send.action == ECSAction.stopInstances)
        #expect(send.region == home)
        let params = Dictionary(send.parameters, uniquingKeysWith: { a, _ in a })
        #expect(params["BatchOptimization"] == "SuccessFirst")
        #expect(params["StoppedMode"] == "StopCharging")
        #expect(params["InstanceId.1"] == plan.batches[0].instanceIds[0])
        let answer = try #require(records.first { $0.event == .answer })
        #expect(!answer.requestId.isEmpty)
        #expect(answer.results.map(\.outcome).allSatisfy { $0 == .accepted })
        #expect(
            records.filter { $0.event == .outcome }.flatMap(\.results).map(\.instanceId).sorted() == [
                "i-classic", "i-run1", "i-run2",
            ])
        #expect(records.last?.note == "3 skipped, 3 stopped, 2 failed")

        let text = rig.journalText()
        #expect(!text.contains(testCredentials.accessKeySecret))
        #expect(!text.contains(testCredentials.accessKeyId))
        #expect(!text.contains("Signature"))
        #expect(!text.contains("Authorization") && !text.contains("ACS3-HMAC"))
        let mode = try FileManager.default.attributesOfItem(atPath: rig.journalPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("SuccessFirst: an instance the API refuses after planning fails on its own; the others stop")
    func successFirstPartialFailure() async throws {
        let rig = try EngineRig(["i-a", "i-b", "i-c"].map { makeInstance($0) })
        let plan = try await rig.plan(.stop, ["i-a", "i-b", "i-c"], OperationOptions(batch: .successFirst))
        try await rig.stopNow(["i-b"])
        let report = await rig.engine().run(plan, wait: true)
        #expect(report.result("i-a")?.outcome == .stopped)
        #expect(report.result("i-c")?.outcome == .stopped)
        #expect(report.result("i-b")?.outcome == .failed)
        #expect(report.result("i-b")?.code == ErrorCode.incorrectInstanceStatus)
        #expect(report.result("i-b")?.previousStatus == "Stopping")
    }

    @Test("AllTogether: when the API refuses the call, every instance of it fails with the shared code and none stops")
    func allTogetherFailure() async throws {
        let rig = try EngineRig(["i-a", "i-b", "i-c"].map { makeInstance($0) })
        let plan = try await rig.plan(.stop, ["i-a", "i-b", "i-c"])
        #expect(plan.targets.allSatisfy { $0.preflight.verdict == .proceed })
        try await rig.stopNow(["i-b"])
        let report = await rig.engine().run(plan, wait: true)
        for id in ["i-a", "i-b", "i-c"] {
            #expect(report.result(id)?.outcome == .failed)
            #expect(report.result(id)?.code == ErrorCode.incorrectInstanceStatus)
        }
        #expect(await rig.status("i-a") == .running)
        #expect(await rig.status("i-c") == .running)
        let answer = try #require(try rig.records().first { $0.event == .answer })
        #expect(answer.results.count == 3)
        #expect(!answer.requestId.isEmpty, "the failed call's request id is journaled")
    }

    @Test("More than 100 instances: several calls, per region, at most 100 each; all stop")
    func manyInstances() async throws {
        let ids = (1...230).map { "i-m\($0)" }
        let far = (1...5).map { "i-far\($0)" }
        let rig = try EngineRig(ids.map { makeInstance($0) } + far.map { makeInstance($0, region: "cn-shanghai") })
        let plan = try await rig.plan(.stop, ids)
        #expect(plan.batches.map(\.instanceIds.count) == [100, 100, 30])
        let report = await rig.engine().run(plan, wait: true)
        #expect(report.results.count == 230)
        #expect(report.results.allSatisfy { $0.outcome == .stopped })
        let calls = rig.transport.requests(ECSAction.stopInstances)
        #expect(calls.count == 3)
        #expect(calls.allSatisfy { $0.instanceIds.count <= 100 })
        #expect(Set(calls.flatMap(\.instanceIds)) == Set(ids))
        #expect(try rig.records().filter { $0.event == .send }.count == 3)
        for id in far { #expect(await rig.status(id) == .running) }
    }

    @Test("Tracking gives up after the timeout: the instances are `timeout`, not stopped")
    func trackingTimeout() async throws {
        let rig = try EngineRig([makeInstance("i-slow")]) { $0.stopDelay = DelayRange(min: 100_000, max: 100_000) }
        let plan = try await rig.plan(.stop, ["i-slow"])
        let started = rig.clock.now()
        let report = await rig.engine(timeout: .seconds(30)).run(plan, wait: true)
        #expect(report.result("i-slow")?.outcome == .timeout)
        #expect(report.result("i-slow")?.code == "Timeout")
        #expect(report.result("i-slow")?.currentStatus == "Stopping")
        let waited = rig.clock.now().timeIntervalSince(started)
        #expect(waited >= 30 && waited < 60, "tracked on the manual clock for \(waited) s")
        #expect(try rig.records().contains { $0.event == .outcome && $0.results.first?.outcome == .timeout })
    }

    @Test(
        "Without wait, accepted instances stay `accepted`; a start plan starts stopped instances and skips running ones"
    )
    func noWaitAndStart() async throws {
        let rig = try EngineRig([makeInstance("i-a"), makeInstance("i-off", .stopped)])
        let stop = await rig.engine().run(try await rig.plan(.stop, ["i-a"]), wait: false)
        #expect(stop.result("i-a")?.outcome == .accepted)
        #expect(stop.result("i-a")?.currentStatus == "Stopping")
        let start = await rig.engine().run(try await rig.plan(.start, ["i-off", "i-a"]), wait: true)
        #expect(start.result("i-off")?.outcome == .started)
        #expect(start.result("i-off")?.currentStatus == "Running")
        #expect(start.result("i-a")?.outcome == .skipped)
        #expect(start.result("i-a")?.code == ErrorCode.incorrectInstanceStatus)
        #expect(rig.transport.requests(ECSAction.startInstances).first?.instanceIds == ["i-off"])
    }

    @Test("A journal that cannot be written stops the engine from sending anything")
    func journalUnavailable() async throws {
        let rig = try EngineRig([makeInstance("i-a")])
        let plan = try await rig.plan(.stop, ["i-a"])
        var engine = rig.engine()
        engine.journal = try Journal(path: "/dev/full")
        let report = await engine.run(plan, wait: true)
        #expect(report.result("i-a")?.outcome == .failed)
        #expect(report.result("i-a")?.code == "JournalUnavailable")
        #expect(rig.stopCalls() == 0)
        #expect(await rig.status("i-a") == .running)
    }
}
