import ECSAPI
import ECSClient
import ECSSimulator
import Foundation
import Logging
import Synchronization
import Testing

/// Log lines, kept for inspection.
final class LogSink: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let sink: LogSink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) { sink.append(event.message.description) }
}

/// A transport that answers after a short real wait and records how many requests were in flight at once.
final class ConcurrencyProbe: HTTPTransport {
    let inner: any HTTPTransport
    private let state = Mutex<(now: Int, max: Int)>((0, 0))
    init(_ inner: any HTTPTransport) { self.inner = inner }
    var maxInFlight: Int { state.withLock { $0.max } }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        state.withLock {
            $0.now += 1
            $0.max = max($0.max, $0.now)
        }
        defer { state.withLock { $0.now -= 1 } }
        try? await Task.sleep(for: .milliseconds(5))
        return try await inner.send(request, timeout: timeout)
    }

    func shutdown() async {}
}

@Suite("ECSClient behaviour: endpoints, logging, answers, concurrency")
struct ClientBehaviourTests {
    static let local = Endpoint(scheme: "http", host: "127.0.0.1", port: 9)

    @Test("Endpoints: the override wins; otherwise the public rule until DescribeRegions teaches better")
    func endpoints() async {
        let creds = Credentials(accessKeyId: "k", accessKeySecret: "s")
        let overridden = ECSClient(
            configuration: .init(credentials: creds, defaultRegion: home, endpointOverride: Self.local))
        #expect(overridden.endpoint(for: "cn-beijing") == Self.local)
        let plain = ECSClient(configuration: .init(credentials: creds, defaultRegion: home))
        #expect(plain.endpoint(for: "cn-hangzhou").baseURL == "https://ecs.aliyuncs.com")
        #expect(plain.endpoint(for: "eu-west-1").baseURL == "https://ecs.eu-west-1.aliyuncs.com")
        plain.learnEndpoints([
            .init(regionId: "eu-west-1", localName: "London", regionEndpoint: "ECS.EU-WEST-1.example.com"),
            .init(regionId: "cn-beijing", localName: "", regionEndpoint: ""),
        ])
        #expect(plain.endpoint(for: "eu-west-1").baseURL == "https://ecs.eu-west-1.example.com")
        #expect(plain.endpoint(for: "cn-beijing").baseURL == "https://ecs.cn-beijing.aliyuncs.com")
        await overridden.shutdown()
        await plain.shutdown()
    }

    @Test(
        "Each request is logged with action, region, status and request id; never a secret or a signature",
        arguments: [ECSClient.SignatureVersion.v3, .v1])
    func logging(_ version: ECSClient.SignatureVersion) async throws {
        let sts = Credentials(
            accessKeyId: "STS.NLogTest99", accessKeySecret: "log-secret-zz", securityToken: "log-token-yy")
        let sim = SimAccount([makeInstance("i-a")]) { $0.credentials = sts }
        let sink = LogSink()
        var config = ECSClient.Configuration(credentials: sts, defaultRegion: home, endpointOverride: Self.local)
        config.signature = version
        let client = ECSClient(
            configuration: config, transport: GatewayTransport(gateway: sim.gateway),
            logger: Logger(label: "test") { _ in CapturingLogHandler(sink: sink) }, sleep: { _ in })
        let answer = try await client.send(DescribeInstancesRequest(regionId: home))
        _ = await callError { try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-zz"])) }
        let lines = sink.all
        #expect(lines.count == 2)
        #expect(lines.first?.contains("DescribeInstances") == true)
        #expect(lines.first?.contains("region=\(home)") == true)
        #expect(lines.first?.contains("status=200") == true)
        #expect(lines.first?.contains(answer.requestId) == true)
        #expect(lines.last?.contains("status=404") == true)
        let text = lines.joined(separator: "\n")
        for secret in ["log-secret-zz", "log-token-yy", "Signature", "ACS3-HMAC"] {
            #expect(!text.contains(secret), "\(secret)")
        }
    }

    @Test(
        "Answers that are not the API's JSON: an error body becomes HTTP<status>; a 200 that cannot be read is invalidResponse"
    )
    func oddAnswers() async throws {
        let sim = SimAccount([])
        let html = ScriptedTransport(GatewayTransport(gateway: sim.gateway)) { _, _ in
            .respond(
                TransportResponse(
                    status: 403, headers: ["x-acs-request-id": "RID-9"],
                    body: Array("<html>denied by proxy</html>".utf8)))
        }
        let e = await callError {
            try await makeClient(Self.local, credentials: sim.credentials, transport: html).send(
                DescribeRegionsRequest())
        }
        #expect(e?.apiError?.code == "HTTP403")
        #expect(e?.apiError?.message.contains("denied by proxy") == true)
        #expect(e?.apiError?.requestId == "RID-9")
        #expect(html.requests.count == 1)

        let garbage = ScriptedTransport(GatewayTransport(gateway: sim.gateway)) { _, _ in
            .respond(TransportResponse(status: 200, headers: [:], body: Array("not json".utf8)))
        }
        let g = await callError {
            try await makeClient(Self.local, credentials: sim.credentials, transport: garbage).send(
                DescribeRegionsRequest())
        }
        guard case .invalidResponse? = g else {
            Issue.record("expected .invalidResponse, got \(String(describing: g))")
            return
        }
        #expect(g?.code == "InvalidResponse")
    }

    @Test("Calls of one API in one region never exceed the concurrency ceiling")
    func concurrencyLimit() async throws {
        let sim = SimAccount(manyInstances(3))
        let probe = ConcurrencyProbe(GatewayTransport(gateway: sim.gateway))
        var config = ECSClient.Configuration(
            credentials: sim.credentials, defaultRegion: home, endpointOverride: Self.local)
        config.concurrency = .init(initial: 2, ceiling: 3)
        let client = ECSClient(configuration: config, transport: probe, sleep: { _ in })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { _ = try await client.send(DescribeInstanceStatusRequest(regionId: home)) }
            }
            try await group.waitForAll()
        }
        #expect(probe.maxInFlight <= 3)
        #expect(probe.maxInFlight >= 2, "calls do run concurrently, from the initial window on")
    }
}
