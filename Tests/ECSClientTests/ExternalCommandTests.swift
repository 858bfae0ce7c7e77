import ECSAPI
import ECSClient
import Foundation
import Testing

/// `External` profiles: the command's JSON, and a command that fails, prints rubbish or hangs.
@Suite("External command")
struct ExternalCommandTests {
    func run(_ command: String, timeout: Duration = .seconds(30)) async -> Result<Credentials, CredentialError> {
        var fetcher = makeFetcher(FakeServices { _ throws(TransportError) in throw .connectFailed("unused") })
        fetcher.externalTimeout = timeout
        let provider = fetcher.provider(.external(command: command), source: CredentialSource("profile ext (External)"))
        do { return .success(try await provider.credentials()) } catch { return .failure(error) }
    }

    @Test("AK and StsToken output")
    func output() async throws {
        let ak = try await run(#"printf '{"mode":"AK","access_key_id":"LTAIext","access_key_secret":"ext-secret"}'"#)
            .get()
        #expect(ak == Credentials(accessKeyId: "LTAIext", accessKeySecret: "ext-secret"))
        let sts = try await run(
            #"echo '{"mode":"StsToken","access_key_id":"STS.x","access_key_secret":"s","sts_token":"t","expiration":"2030-01-01T00:00:00Z"}'"#
        ).get()
        #expect(sts.securityToken == "t")
    }

    @Test("A failing command, output that is not JSON, a wrong mode: errors that never quote the output")
    func failures() async {
        let failing = await run("echo secret-on-stdout; echo secret-on-stderr >&2; exit 3")
        guard case .failure(let e) = failing else {
            Issue.record("expected a failure")
            return
        }
        #expect(
            e.description
                == "profile ext (External): process_command exited with status 3; run it yourself to see why (its output is not shown: it holds secrets)"
        )
        guard case .failure(let notJSON) = await run("echo secret-text") else {
            Issue.record("expected a failure")
            return
        }
        #expect(notJSON.description.contains("not JSON") && !notJSON.description.contains("secret-text"))
        guard case .failure(let mode) = await run(#"echo '{"mode":"RamRoleArn"}'"#) else {
            Issue.record("expected a failure")
            return
        }
        #expect(mode.description.contains("mode 'RamRoleArn'"))
    }

    @Test("A command that does not finish in time is stopped, with an error saying so")
    func slow() async {
        guard case .failure(let e) = await run("sleep 30", timeout: .milliseconds(200)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(
            e.description == "profile ext (External): process_command did not finish within 0.2 seconds; it was stopped"
        )
    }
}
