import ECSAPI
import Foundation
import Testing

@testable import ECSClient

/// What an unreachable endpoint looks like to the caller: failures before the request can have left are
/// `connectFailed` (nothing applied, the endpoint or network is to blame), described in a few plain words,
/// never with the HTTP stack's raw text (BoringSSL's carries a source path of the build machine).
@Suite("Transport failures: DNS, TLS and refused connections are connect failures with short descriptions")
struct TransportFailureTests {
    static func send(_ url: String) async -> TransportError? {
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        do {
            _ = try await transport.send(TransportRequest(method: "POST", url: url, headers: []), timeout: .seconds(10))
            await transport.shutdown()
            return nil
        } catch {
            await transport.shutdown()
            return error
        }
    }

    static func hasNoPath(_ text: String) -> Bool {
        !text.contains("/") && !text.contains(".cc") && !text.contains(".build")
    }

    @Test("A host name that does not resolve (.invalid never does): connectFailed, says DNS")
    func dnsFailure() async {
        let error = await Self.send("https://ecs-sim.invalid/?Action=DescribeRegions")
        guard case .connectFailed(let why) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(why.contains("could not be resolved") && why.contains("ecs-sim.invalid"), "\(why)")
        #expect(error?.mayHaveBeenApplied == false)
    }

    @Test("https:// to a plain-HTTP port: connectFailed 'TLS handshake failed', with no BoringSSL source path")
    func tlsToPlainHTTP() async throws {
        let sim = SimAccount([makeInstance("i-tls1")])
        let error = try await withServer(sim.gateway) { endpoint in
            await Self.send("https://\(endpoint.authority)/?Action=DescribeRegions")
        }
        guard case .connectFailed(let why) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(why.contains("TLS handshake failed"), "\(why)")
        #expect(Self.hasNoPath(error?.description ?? "/"), "\(String(describing: error))")
        #expect(error?.mayHaveBeenApplied == false)
    }

    @Test("A closed port: connectFailed 'connection refused'")
    func refused() async throws {
        // A port the simulator served on and no longer does.
        let sim = SimAccount([makeInstance("i-closed1")])
        let authority = try await withServer(sim.gateway) { $0.authority }
        let error = await Self.send("http://\(authority)/?Action=DescribeRegions")
        #expect(error == .connectFailed("connection refused"), "\(String(describing: error))")
    }

    @Test("Unknown errors keep their words but lose absolute paths and excess length")
    func scrubbing() {
        struct Odd: Error, CustomStringConvertible {
            var description: String
        }
        let lost = TransportFailure.classify(
            Odd(
                description:
                    "sslError([error:100000f7:SSL routines:WRONG_VERSION_NUMBER at /work/main/.build/checkouts/swift-nio-ssl/Sources/CNIOBoringSSL/ssl/tls_record.cc:127])"
            ))
        guard case .connectionLost(let why) = lost else {
            Issue.record("got \(lost)")
            return
        }
        #expect(why.contains("WRONG_VERSION_NUMBER") && !why.contains("/work") && !why.contains("tls_record"), "\(why)")
        #expect(TransportFailure.scrubbed("HTTP/1.1 framing") == "HTTP/1.1 framing")
        #expect(TransportFailure.scrubbed(String(repeating: "x", count: 500)).count == 200)
    }

    @Test("Through the client: a DNS failure is a noAnswer that cannot have been applied, so no stop is ever in doubt")
    func clientSeesConnectFailure() async throws {
        let endpoint = try Endpoint(parsing: "https://ecs-sim.invalid", insecureHTTP: false)
        let client = makeClient(
            endpoint, credentials: Credentials(accessKeyId: "a", accessKeySecret: "b"), retry: .none)
        let error = await #expect(throws: ECSCallError.self) {
            try await using(client) { try await $0.send(DescribeRegionsRequest()) }
        }
        guard case .noAnswer(let why, let applied, _) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(!applied)
        #expect(why.contains("could not be resolved"), "\(why)")
    }
}
