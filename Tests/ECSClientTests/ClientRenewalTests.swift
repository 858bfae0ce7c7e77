import ECSAPI
import ECSClient
import Foundation
import Synchronization
import Testing

/// The client signs each call with the provider's current key: 10-second role credentials (as `ecs-sim
/// --credential-ttl 10` hands out) are renewed as the clock moves, for as long as the session lasts.
@Suite("Client renewal")
struct ClientRenewalTests {
    @Test("Each call carries credentials that are still valid; renewed as time passes, once per renewal")
    func longSession() async throws {
        let clock = TestClock()
        let issued = Mutex(0)
        let services = FakeServices { r throws(TransportError) in
            if r.query("Action") == "AssumeRole" {
                let n = issued.withLock {
                    $0 += 1
                    return $0
                }
                return stsAnswer("STS.\(n)", expiration: ECSTime.formatSeconds(clock.now.addingTimeInterval(10)))
            }
            return jsonAnswer(#"{"RequestId":"r","Regions":{"Region":[]}}"#)
        }
        let fetcher = makeFetcher(services, clock: clock)
        let role = RoleRequest(roleArn: "acs:ram::1234567890123456:role/fleet-ops", sessionName: "s")
        let resolved = try await CredentialChain.resolve(
            [
                CredentialStep(
                    name: "aliyun CLI profile",
                    outcome: .use(
                        CredentialSource("profile ops (RamRoleArn)"),
                        .assumeRole(
                            source: .fixed(Credentials(accessKeyId: "LTAIops", accessKeySecret: "x")), role: role,
                            sts: STSLocation())))
            ],
            fetcher: fetcher)
        var c = ECSClient.Configuration(
            credentials: resolved.first, defaultRegion: home,
            endpointOverride: Endpoint(scheme: "http", host: "127.0.0.1", port: 1))
        c.signature = .v1
        c.credentialProvider = resolved.provider
        let client = ECSClient(configuration: c, transport: services, sleep: { _ in })
        func keyOfNextCall() async throws -> String? {
            _ = try await client.send(DescribeRegionsRequest())
            return services.requests.last?.query("AccessKeyId")
        }
        #expect(try await keyOfNextCall() == "STS.1")
        clock.advance(6)
        #expect(try await keyOfNextCall() == "STS.1")
        clock.advance(1)
        #expect(try await keyOfNextCall() == "STS.2")
        // A wait far longer than a lifetime (a stop --wait of half an hour): the next call still gets fresh ones.
        clock.advance(1800)
        #expect(try await keyOfNextCall() == "STS.3")
        #expect(services.requests.last?.query("SecurityToken") == "STS.3-token")
        #expect(issued.withLock { $0 } == 3)
    }
}
