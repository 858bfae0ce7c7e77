import ECSAPI
import ECSClient
import ECSSimulator
import Foundation
import Synchronization
import Testing

/// A call answered `InvalidSecurityToken.Expired` renews the credentials once and is sent again.
@Suite("Expired token")
struct ExpiredTokenTests {
    /// Hands out the simulator's key; counts renewals.
    final class CountingProvider: CredentialProvider {
        let key: Credentials
        let renewals = Mutex(0)
        init(_ key: Credentials) { self.key = key }
        func credentials() async throws(CredentialError) -> Credentials { key }
        func renew(rejected: Credentials) async throws(CredentialError) -> Credentials {
            renewals.withLock { $0 += 1 }
            return key
        }
    }

    func client(_ sim: SimAccount, provider: any CredentialProvider, expiredAnswers: Int) -> (
        ECSClient, ScriptedTransport
    ) {
        let transport = ScriptedTransport(GatewayTransport(gateway: sim.gateway)) { n, _ in
            n < expiredAnswers ? .respond(errorAnswer(400, ErrorCode.invalidSecurityTokenExpired)) : .forward
        }
        var c = ECSClient.Configuration(
            credentials: sim.credentials, defaultRegion: home,
            endpointOverride: Endpoint(scheme: "http", host: "127.0.0.1", port: 1))
        c.credentialProvider = provider
        return (ECSClient(configuration: c, transport: transport, sleep: { _ in }), transport)
    }

    @Test("Renewed once and re-sent, a stop included: the service refused it before acting")
    func renewedAndResent() async throws {
        let sim = SimAccount([makeInstance("i-a")])
        let provider = CountingProvider(sim.credentials)
        let (client, transport) = client(sim, provider: provider, expiredAnswers: 1)
        _ = try await client.send(StopInstancesRequest(regionId: home, instanceIds: ["i-a"]))
        #expect(provider.renewals.withLock { $0 } == 1)
        #expect(transport.requests("StopInstances").count == 2)
    }

    @Test("Expired again after the renewal: the error stands (no loop)")
    func onlyOnce() async {
        let sim = SimAccount([makeInstance("i-a")])
        let provider = CountingProvider(sim.credentials)
        let (client, transport) = client(sim, provider: provider, expiredAnswers: 5)
        let error = await callError { try await client.send(DescribeInstancesRequest(regionId: home)) }
        #expect(error?.code == ErrorCode.invalidSecurityTokenExpired)
        #expect(provider.renewals.withLock { $0 } == 1)
        #expect(transport.requests.count == 2)
    }

    @Test("A token given as it is cannot be renewed: a configuration error that says so")
    func fixedToken() async {
        let sim = SimAccount([makeInstance("i-a")])
        let (client, _) = client(sim, provider: FixedCredentials(sim.credentials), expiredAnswers: 1)
        let error = await callError { try await client.send(DescribeInstancesRequest(regionId: home)) }
        guard case .configuration(let why)? = error else {
            Issue.record("expected a configuration error, got \(String(describing: error))")
            return
        }
        #expect(why.contains("cannot renew it"))
    }
}
