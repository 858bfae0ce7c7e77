import ECSAPI
import ECSClient
import ECSSimulator
import Foundation
import Testing

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The retry rules (notes section 5): what is retried, how long the client waits, and that every try is signed afresh.
@Suite("ECSClient retries and fault injection")
struct ClientRetryTests {
    static let versions: [ECSClient.SignatureVersion] = [.v3, .v1]
    static let endpoint = Endpoint(scheme: "http", host: "127.0.0.1", port: 9)

    /// A client reaching `sim` in process through a scripted transport.
    func scripted(
        _ sim: SimAccount, _ version: ECSClient.SignatureVersion = .v3, retry: RetryPolicy = RetryPolicy(),
        sleeps: SleepLog = SleepLog(),
        _ script: @escaping @Sendable (Int, TransportRequest) -> ScriptedTransport.Step
    ) -> (ECSClient, ScriptedTransport) {
        let transport = ScriptedTransport(GatewayTransport(gateway: sim.gateway), script: script)
        return (
            makeClient(
                Self.endpoint, credentials: sim.credentials, signature: version, transport: transport, retry: retry,
                sleeps: sleeps), transport
        )
    }

    /// Each request carries its own nonce and a signing time of now.
    func expectFreshlySigned(_ requests: [TransportRequest], sourceLocation: SourceLocation = #_sourceLocation) {
        let nonces = requests.compactMap(\.nonce)
        #expect(nonces.count == requests.count, sourceLocation: sourceLocation)
        #expect(Set(nonces).count == nonces.count, "every try has a new nonce", sourceLocation: sourceLocation)
        for r in requests {
            let skew = abs(r.signedAt?.timeIntervalSinceNow ?? 999)
            #expect(skew < 5, "every try is signed with the time it is sent", sourceLocation: sourceLocation)
        }
    }

    @Test("Throttled Describe* is retried no sooner than x-acs-retry-after says", arguments: versions)
    func throttledDescribe(_ version: ECSClient.SignatureVersion) async throws {
        let sim = SimAccount([makeInstance("i-a")])
        let sleeps = SleepLog()
        let (client, transport) = scripted(sim, version, sleeps: sleeps) { n, _ in
            switch n {
            case 0: return .respond(errorAnswer(400, "Throttling.User", retryAfterMs: 1500))
            case 1: return .respond(errorAnswer(400, "Throttling.Api", retryAfterMs: 700))
            default: return .forward
            }
        }
        let answer = try await client.send(DescribeInstancesRequest(regionId: home))
        #expect(answer.instances.count == 1)
        #expect(transport.requests.count == 3)
        #expect(sleeps.durations.count == 2)
        #expect(sleeps.durations[0] >= .milliseconds(1500))
        #expect(sleeps.durations[1] >= .milliseconds(700))
        #expect(sleeps.durations.allSatisfy { $0 <= .seconds(60) })
        expectFreshlySigned(transport.requests)
    }

    @Test("A throttled Describe* is not lost: throttled answers are not attempts, so it is tried past maxAttempts")
    func throttledNeverLost() async throws {
        let sim = SimAccount([makeInstance("i-a")])
        let (client, transport) = scripted(sim) { n, _ in
            n < 10 ? .respond(errorAnswer(400, "Throttling.User", retryAfterMs: 100)) : .forward
        }
        let answer = try await client.send(DescribeInstancesRequest(regionId: home))
        #expect(answer.instances.count == 1)
        #expect(transport.requests.count == 11)
        expectFreshlySigned(transport.requests)
    }

    @Test("A service that keeps throttling fails the call once maxThrottledAnswers are spent")
    func throttledBudget() async throws {
        let sim = SimAccount([makeInstance("i-a")])
        let (client, transport) = scripted(sim, retry: RetryPolicy(maxThrottledAnswers: 5)) { _, _ in
            .respond(errorAnswer(400, "Throttling.User", retryAfterMs: 100))
        }
        let error = await callError { try await client.send(DescribeInstancesRequest(regionId: home)) }
        #expect(error?.apiError?.code == "Throttling.User")
        #expect(transport.requests.count == 6)
    }

    @Test("The simulator's rate limit over HTTP: the client waits what x-acs-retry-after says, then gets through")
    func rateLimitOverHTTP() async throws {
        let sim = SimAccount([makeInstance("i-a")]) { $0.rateLimit = 1 }
        let clock = sim.clock
        let sleeps = SleepLog { d in clock.advance(by: d.seconds) }
        try await withServer(sim.gateway) { endpoint in
            let transport = ScriptedTransport(AsyncHTTPTransport()) { _, _ in .forward }
            try await using(makeClient(endpoint, credentials: sim.credentials, transport: transport, sleeps: sleeps)) {
                client in
                _ = try await client.send(DescribeRegionsRequest())
                _ = try await client.send(DescribeRegionsRequest())
            }
        }
        #expect(sleeps.durations.count == 1)
        #expect(
            sleeps.durations.first.map { $0 >= .milliseconds(1000) } == true, "the bucket refills after 1 s at 1 call/s"
        )
    }

    @Test(
        "Describe* is retried on 500, 502, 503, 504 and every transport error, with a fresh nonce each time",
        arguments: [
            ScriptedTransport.Step.forwardThenRespond(errorAnswer(500, "InternalError")),
            .forwardThenRespond(errorAnswer(502, "BadGateway")),
            .forwardThenRespond(
                TransportResponse(status: 502, headers: [:], body: Array("<html>bad gateway</html>".utf8))),
            .forwardThenRespond(errorAnswer(503, "ServiceUnavailable")),
            .forwardThenRespond(errorAnswer(504, "GatewayTimeout")),
            .forwardThenFail(.timedOut),
            .forwardThenFail(.connectionLost("reset")),
            .fail(.connectFailed("refused")),
        ])
    func describeRetried(_ fault: ScriptedTransport.Step) async throws {
        // The gateway saw the first try's nonce, so a reused nonce would fail with SignatureNonceUsed.
        for version in Self.versions {
            let sim = SimAccount([makeInstance("i-a")])
            let (client, transport) = scripted(sim, version) { n, _ in n == 0 ? fault : .forward }
            let answer = try await client.send(DescribeInstanceStatusRequest(regionId: home, instanceIds: ["i-a"]))
            #expect(answer.statuses.map(\.status) == [.running])
            #expect(transport.requests.count == 2)
            expectFreshlySigned(transport.requests)
        }
    }

    @Test(
        "StopInstances is retried on throttling, 503 and a failed connection (nothing happened)",
        arguments: [
            ScriptedTransport.Step.respond(errorAnswer(400, "Throttling.User", retryAfterMs: 200)),
            .respond(errorAnswer(400, "Throttling")),
            .respond(errorAnswer(503, "ServiceUnavailable")),
            .fail(.connectFailed("refused")),
        ])
    func stopRetriedWhenSafe(_ fault: ScriptedTransport.Step) async throws {
        let sim = SimAccount([makeInstance("i-a")])
        let (client, transport) = scripted(sim) { n, _ in n == 0 ? fault : .forward }
        let answer = try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
        #expect(answer.instanceResponses.first?.succeeded == true)
        #expect(transport.requests(ECSAction.stopInstances).count == 2)
        expectFreshlySigned(transport.requests)
        #expect(await sim.status("i-a") == .stopping)
    }

    @Test(
        "StopInstances is NOT retried on a timeout or a lost connection: one try, .noAnswer(mayHaveBeenApplied: true)",
        arguments: [
            TransportError.timedOut, .connectionLost("reset by peer"),
        ])
    func stopNotRetriedAfterMaybeApplied(_ fault: TransportError) async throws {
        for version in Self.versions {
            let sim = SimAccount([makeInstance("i-a")])
            let sleeps = SleepLog()
            let (client, transport) = scripted(sim, version, sleeps: sleeps) { _, _ in .forwardThenFail(fault) }
            let error = await callError {
                try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
            }
            #expect(error?.noAnswerDetails?.applied == true)
            #expect(error?.noAnswerDetails?.attempts == 1)
            #expect(error?.code == "NoAnswer")
            #expect(transport.requests.count == 1)
            #expect(sleeps.durations.isEmpty)
            #expect(await sim.status("i-a") == .stopping, "the stop was applied; its answer was lost")
        }
    }

    @Test("StopInstances, StopInstance and StartInstances are NOT retried on 500 (it may have been applied)")
    func stopNotRetriedOn500() async throws {
        let sim = SimAccount([makeInstance("i-a"), makeInstance("i-off", .stopped)])
        let (client, transport) = scripted(sim) { _, _ in .respond(errorAnswer(500, "InternalError")) }
        let e1 = await callError { try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"])) }
        let e2 = await callError { try await client.send(StopInstanceRequest(instanceId: "i-a")) }
        let e3 = await callError {
            try await client.send(StartInstancesRequest(regionId: home, instanceIds: ["i-off"]))
        }
        for e in [e1, e2, e3] {
            #expect(e?.apiError?.code == ErrorCode.internalError)
            #expect(e?.apiError?.httpStatus == 500)
        }
        #expect(transport.requests.count == 3)
    }

    @Test("maxAttempts is respected for API errors and transport errors")
    func maxAttempts() async throws {
        let sim = SimAccount([makeInstance("i-a")])
        let sleeps = SleepLog()
        let (client, transport) = scripted(
            sim, retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(1)),
            sleeps: sleeps
        ) { _, _ in .respond(errorAnswer(503, "ServiceUnavailable")) }
        let e = await callError { try await client.send(DescribeRegionsRequest()) }
        #expect(e?.apiError?.code == ErrorCode.serviceUnavailable)
        #expect(transport.requests.count == 3)
        #expect(sleeps.durations.count == 2)
        #expect(sleeps.durations[0] <= .milliseconds(100))
        #expect(sleeps.durations[1] <= .milliseconds(200))

        let (once, onceTransport) = scripted(sim, retry: .none) { _, _ in
            .respond(errorAnswer(503, "ServiceUnavailable"))
        }
        _ = await callError { try await once.send(DescribeRegionsRequest()) }
        #expect(onceTransport.requests.count == 1)

        let (refused, refusedTransport) = scripted(sim) { _, _ in .fail(.connectFailed("refused")) }
        let stop = await callError {
            try await refused.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
        }
        #expect(stop?.noAnswerDetails?.applied == false)
        #expect(stop?.noAnswerDetails?.attempts == 4)
        #expect(refusedTransport.requests.count == 4)
        #expect(stop?.description.contains("after 4 attempts") == true)
    }

    @Test(
        "Backoff: full jitter under a doubling ceiling, capped, never below x-acs-retry-after (itself capped at 60 s)")
    func backoffDelays() {
        let p = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(200), maxDelay: .seconds(5))
        #expect(p.delay(afterAttempt: 1, retryAfterMs: nil, random: 1) == .milliseconds(200))
        #expect(p.delay(afterAttempt: 2, retryAfterMs: nil, random: 1) == .milliseconds(400))
        #expect(p.delay(afterAttempt: 3, retryAfterMs: nil, random: 0.5) == .milliseconds(400))
        #expect(p.delay(afterAttempt: 10, retryAfterMs: nil, random: 1) == .seconds(5))
        #expect(p.delay(afterAttempt: 1, retryAfterMs: nil, random: 0) == .zero)
        #expect(p.delay(afterAttempt: 1, retryAfterMs: 1500, random: 0.1) == .milliseconds(1500))
        #expect(p.delay(afterAttempt: 5, retryAfterMs: 10, random: 1) == .milliseconds(3200))
        #expect(p.delay(afterAttempt: 1, retryAfterMs: 3_600_000, random: 0) == .seconds(60))
    }

    @Test("An unreachable endpoint (closed loopback port) gives a clear .noAnswer, marked as not applied")
    func unreachable() async throws {
        let endpoint = Endpoint(scheme: "http", host: "127.0.0.1", port: closedLoopbackPort())
        let credentials = Credentials(accessKeyId: "k", accessKeySecret: "s")
        // The product's transport with its defaults; two tries for Describe*, one for the stop, to keep a slow failure short.
        let describer = makeClient(endpoint, credentials: credentials, retry: RetryPolicy(maxAttempts: 2))
        let stopper = makeClient(endpoint, credentials: credentials, retry: .none)
        let describe = await callError { try await describer.send(DescribeRegionsRequest()) }
        let stop = await callError {
            try await stopper.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
        }
        await describer.shutdown()
        await stopper.shutdown()
        #expect(describe?.noAnswerDetails?.attempts == 2)
        #expect(stop?.noAnswerDetails?.attempts == 1)
        for e in [describe, stop] {
            #expect(e?.noAnswerDetails?.applied == false, "nothing can have reached a closed port")
            #expect(e?.description.contains("cannot connect") == true, "\(String(describing: e))")
        }
    }

    @Test(
        "Over HTTP: a stop whose answer is late (timeout) or lost (droplate) is not retried; drop is retried for Describe*"
    )
    func httpFaults() async throws {
        var late = FaultSpec()
        late.latency = DelayRange(min: 1500, max: 1500)
        var dropLate = FaultSpec()
        dropLate.dropLate = 1
        for faults in [late, dropLate] {
            let sim = SimAccount([makeInstance("i-a")]) { $0.faults = faults }
            try await withServer(sim.gateway) { endpoint in
                let transport = ScriptedTransport(AsyncHTTPTransport()) { _, _ in .forward }
                var c = ECSClient.Configuration(
                    credentials: sim.credentials, defaultRegion: home, endpointOverride: endpoint)
                c.requestTimeout = .milliseconds(300)
                let client = ECSClient(configuration: c, transport: transport, sleep: { _ in })
                let e = await callError {
                    try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
                }
                #expect(e?.noAnswerDetails?.applied == true)
                #expect(e?.noAnswerDetails?.attempts == 1)
                #expect(transport.requests.count == 1)
                #expect(await sim.status("i-a") == .stopping)
                await client.shutdown()
            }
        }
        var drop = FaultSpec()
        drop.drop = 1
        let sim = SimAccount([makeInstance("i-a")]) { $0.faults = drop }
        try await withServer(sim.gateway) { endpoint in
            let transport = ScriptedTransport(AsyncHTTPTransport()) { _, _ in .forward }
            let client = makeClient(endpoint, credentials: sim.credentials, transport: transport)
            let e = await callError { try await client.send(DescribeRegionsRequest()) }
            #expect(e?.noAnswerDetails?.attempts == 4)
            #expect(transport.requests.count == 4)
            await client.shutdown()
        }
    }
}
