import ECSAPI
import ECSClient
import ECSSimulator
import FleetCore
import Foundation
import Testing

/// "Never re-send a stop blindly": after a stop whose answer was lost, the engine re-reads status first.
@Suite("OperationEngine: lost answers")
struct EngineRecoveryTests {
    @Test(
        "droplate=1 (applied, answer lost): status is re-read, instances accepted then stopped, StopInstances sent once",
        arguments: [ECSClient.SignatureVersion.v3, .v1])
    func dropLate(_ version: ECSClient.SignatureVersion) async throws {
        var faults = FaultSpec()
        faults.dropLate = 1
        let rig = try EngineRig([makeInstance("i-a"), makeInstance("i-b")], stopFaults: faults, signature: version)
        let plan = try await rig.plan(.stop, ["i-a", "i-b"])
        let report = await rig.engine().run(plan, wait: true)
        #expect(rig.stopCalls() == 1)
        for id in ["i-a", "i-b"] {
            #expect(report.result(id)?.outcome == .stopped)
            #expect(report.result(id)?.message.contains("answer was lost") == true)
        }
        #expect(!rig.transport.requests(ECSAction.describeInstanceStatus).isEmpty)
        let records = try rig.records()
        #expect(records.contains { $0.event == .answer && $0.note.contains("re-reading status") })
        #expect(records.filter { $0.event == .send }.count == 1)
        #expect(records.contains { $0.event == .outcome && $0.results.allSatisfy { $0.outcome == .accepted } })
    }

    @Test(
        "droplate=1 over HTTP (V1 signing, StopInstances routed to a faulty server over the same fleet): sent once, then stopped"
    )
    func dropLateOverHTTP() async throws {
        var faults = FaultSpec()
        faults.dropLate = 1
        let rig = try EngineRig(
            [makeInstance("i-a"), makeInstance("i-b"), makeInstance("i-off", .stopped)], stopFaults: faults)
        let plan = try await rig.plan(.stop, ["i-a", "i-b", "i-off"], OperationOptions(batch: .successFirst))
        let stopGateway = try #require(rig.stopGateway)
        let (report, transport) = try await withServer(rig.gateway) { main in
            try await withServer(stopGateway) { faulty in
                let transport = ScriptedTransport(RoutingTransport(AsyncHTTPTransport(), from: main, stopsTo: faulty))
                let client = EngineRig.client(main, transport: transport, signature: .v1)
                var engine = rig.engine()
                engine.service = ClientService(client: client)
                let report = await engine.run(plan, wait: true)
                await client.shutdown()
                return (report, transport)
            }
        }
        #expect(transport.requests(ECSAction.stopInstances).count == 1)
        #expect(!transport.requests(ECSAction.describeInstanceStatus).isEmpty)
        #expect(report.result("i-a")?.outcome == .stopped)
        #expect(report.result("i-b")?.outcome == .stopped)
        #expect(report.result("i-off")?.outcome == .skipped)
        #expect(await rig.status("i-a") == .stopped)
    }

    @Test("A connection lost before the stop was applied: status shows Running, so it is re-sent exactly once")
    func lostBeforeApplied() async throws {
        let rig = try EngineRig(
            [makeInstance("i-a"), makeInstance("i-b")],
            script: { n, request in
                // Only the first StopInstances is lost (nothing reached the simulator).
                request.action == ECSAction.stopInstances && n == 0
                    ? .fail(.connectionLost("reset before sending")) : .forward
            })
        let report = await rig.engine().run(try await rig.plan(.stop, ["i-a", "i-b"]), wait: true)
        let calls = rig.transport.requests(ECSAction.stopInstances)
        #expect(calls.count == 2)
        #expect(calls.last?.instanceIds == ["i-a", "i-b"])
        #expect(report.results.allSatisfy { $0.outcome == .stopped })
        #expect(try rig.records().filter { $0.event == .send }.count == 2, "the re-send is journaled before it is sent")
    }

    @Test("Lost twice: failed with NoAnswer after exactly two sends, never a third")
    func lostTwice() async throws {
        let rig = try EngineRig(
            [makeInstance("i-a")],
            script: { _, request in
                request.action == ECSAction.stopInstances ? .fail(.timedOut) : .forward
            })
        let report = await rig.engine().run(try await rig.plan(.stop, ["i-a"]), wait: true)
        #expect(rig.stopCalls() == 2)
        #expect(report.result("i-a")?.outcome == .failed)
        #expect(report.result("i-a")?.code == "NoAnswer")
        #expect(report.result("i-a")?.message.contains("twice") == true)
        #expect(await rig.status("i-a") == .running)
    }

    @Test("Answer lost and status unreadable: failed with NoAnswer, never re-sent")
    func statusUnreadable() async throws {
        let rig = try EngineRig(
            [makeInstance("i-a")],
            script: { _, request in
                request.action == ECSAction.describeInstances ? .forward : .fail(.connectionLost("gone"))
            })
        let report = await rig.engine(timeout: .seconds(30)).run(try await rig.plan(.stop, ["i-a"]), wait: true)
        #expect(rig.stopCalls() == 1)
        #expect(
            rig.transport.requests(ECSAction.describeInstanceStatus).count > 4,
            "re-read again and again (each a retried Describe*) until the timeout")
        #expect(report.result("i-a")?.outcome == .failed)
        #expect(report.result("i-a")?.code == "NoAnswer")
        #expect(report.result("i-a")?.message.contains("check the instances") == true)
        #expect(report.result("i-a")?.currentStatus == "", "the status is unknown, not the one from before the stop")
    }

    @Test(
        "Answer lost, then the status re-read fails for a while: it is read again until it answers, and the stop is tracked to Stopped"
    )
    func statusReadableLater() async throws {
        var faults = FaultSpec()
        faults.dropLate = 1
        let rig = try EngineRig(
            [makeInstance("i-a")], stopFaults: faults,
            script: { n, request in
                switch request.action {
                case ECSAction.stopInstances: return n == 0 ? .forward : .fail(.connectionLost("unexpected re-send"))
                case ECSAction.describeInstanceStatus: return n < 10 ? .fail(.connectionLost("gone")) : .forward
                default: return .forward
                }
            })
        let report = await rig.engine().run(try await rig.plan(.stop, ["i-a"]), wait: true)
        #expect(rig.stopCalls() == 1)
        #expect(report.result("i-a")?.outcome == .stopped, "\(String(describing: report.result("i-a")))")
    }

    @Test("A refused connection (nothing sent) is retried by the client, not by the engine")
    func connectFailedRetriedByClient() async throws {
        let rig = try EngineRig(
            [makeInstance("i-a")],
            script: { n, request in
                request.action == ECSAction.stopInstances && n < 2 ? .fail(.connectFailed("refused")) : .forward
            })
        let report = await rig.engine().run(try await rig.plan(.stop, ["i-a"]), wait: true)
        #expect(rig.stopCalls() == 3)
        #expect(report.result("i-a")?.outcome == .stopped)
        #expect(try rig.records().filter { $0.event == .send }.count == 1)
    }
}

/// Sends `StopInstances` to another server (V1 signatures do not cover the host, so the request stays valid).
struct RoutingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let from: Endpoint
    let stopsTo: Endpoint

    init(_ inner: any HTTPTransport, from: Endpoint, stopsTo: Endpoint) {
        self.inner = inner
        self.from = from
        self.stopsTo = stopsTo
    }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        var r = request
        if r.action == ECSAction.stopInstances, r.url.hasPrefix(from.baseURL) {
            r.url = stopsTo.baseURL + r.url.dropFirst(from.baseURL.count)
        }
        return try await inner.send(r, timeout: timeout)
    }

    func shutdown() async { await inner.shutdown() }
}
