import ECSAPI
import Foundation
import Testing

/// The default chain's order and switches, as `AccountResolver` lays out the steps.
@Suite("Chain order")
struct ChainOrderTests {
    /// A home with an aliyun CLI config and a credentials.ini (either may be left out).
    struct Home {
        let dir = NSTemporaryDirectory() + "chain-\(UUID().uuidString)"
        var config: String { dir + "/config.json" }
        var ini: String { dir + "/credentials.ini" }

        init(config: String?, ini: String?, mode: Int = 0o600) {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            if let config {
                _ = FileManager.default.createFile(
                    atPath: self.config, contents: Data(config.utf8), attributes: [.posixPermissions: mode])
            }
            if let ini {
                _ = FileManager.default.createFile(
                    atPath: self.ini, contents: Data(ini.utf8), attributes: [.posixPermissions: mode])
            }
        }

        func resolve(_ env: [String: String], profile: String? = nil) throws(AccountError) -> Account {
            try AccountResolver.resolve(
                profile: profile, region: "cn-hangzhou", environment: env, configPath: config, credentialsPath: ini)
        }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    static let config =
        #"{"current": "ops", "profiles": [{"name": "ops", "mode": "AK", "access_key_id": "LTAIcli", "access_key_secret": "s"}]}"#
    static let ini = "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = s\n"
    static let oidc = [
        "ALIBABA_CLOUD_ROLE_ARN": "acs:ram::1:role/ci", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "acs:ram::1:oidc-provider/x",
        "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "/t",
    ]

    func used(_ a: Account) -> String {
        guard case .use(let source, _)? = a.steps.last?.outcome else { return "nothing" }
        return source.description
    }

    @Test(
        "Environment keys, then OIDC, then the CLI profile, then credentials.ini, then the instance role, then the URI")
    func order() throws {
        let both = Home(config: Self.config, ini: Self.ini)
        defer { both.remove() }
        #expect(
            used(
                try both.resolve(
                    ["ALIBABA_CLOUD_ACCESS_KEY_ID": "a", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "b"].merging(Self.oidc) {
                        a, _ in a
                    })) == "environment")
        #expect(used(try both.resolve(Self.oidc)) == "OIDC from the environment → acs:ram::…:role/ci")
        let cli = try both.resolve([:])
        #expect(used(cli) == "profile ops (AK)" && cli.profile == "ops")
        let ini = try both.resolve(["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true"])
        #expect(used(ini) == "credentials file [default] (access_key)" && ini.profile == "environment")
        let onlyINI = Home(config: nil, ini: Self.ini)
        defer { onlyINI.remove() }
        #expect(used(try onlyINI.resolve([:])) == "credentials file [default] (access_key)")
        let none = Home(config: nil, ini: nil)
        defer { none.remove() }
        let probe = try none.resolve(["ALIBABA_CLOUD_ECS_METADATA": "fleet-instance"])
        #expect(
            probe.steps.map(\.name) == [
                "environment", "OIDC (environment)", "aliyun CLI profile", "credentials file", "instance RAM role",
                "credentials URI",
            ])
        #expect(probe.steps[4].outcome == .instanceRoleProbe(name: "fleet-instance"))
        let uri = try none.resolve(["ALIBABA_CLOUD_CREDENTIALS_URI": "http://127.0.0.1:1/c"])
        #expect(used(uri) == "credentials URI")
    }

    @Test("OIDC needs all three variables; a part is skipped, saying which are missing")
    func partialOIDC() throws {
        let none = Home(config: nil, ini: nil)
        defer { none.remove() }
        let a = try none.resolve(["ALIBABA_CLOUD_ROLE_ARN": "acs:ram::1:role/ci"])
        #expect(
            a.steps[1].outcome
                == .skipped(
                    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE not set (all three are needed)"))
    }

    @Test("ALIBABA_CLOUD_CREDENTIALS_FILE that cannot be read is an error; ALIBABA_CLOUD_PROFILE picks the section")
    func credentialsFile() throws {
        let none = Home(config: nil, ini: nil)
        defer { none.remove() }
        #expect(throws: AccountError.self) {
            try none.resolve(["ALIBABA_CLOUD_CREDENTIALS_FILE": "/nonexistent/credentials.ini"])
        }
        let h = Home(config: nil, ini: Self.ini + "[ops]\ntype = ecs_ram_role\nrole_name = box\n")
        defer { h.remove() }
        #expect(
            used(try h.resolve(["ALIBABA_CLOUD_PROFILE": "ops"]))
                == "credentials file [ops] (ecs_ram_role → instance role box)")
    }

    @Test("A file other users can read gets one warning line naming it; a private one none")
    func openPermissions() throws {
        let open = Home(config: Self.config, ini: nil, mode: 0o644)
        defer { open.remove() }
        let warnings = try open.resolve([:]).warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(open.config) == true && warnings.first?.contains("chmod 600") == true)
        let closed = Home(config: Self.config, ini: Self.ini)
        defer { closed.remove() }
        #expect(try closed.resolve([:]).warnings.isEmpty)
    }

    @Test("Environment keys work beside a CLI config that is not JSON; the chain reaching it reports it")
    func brokenConfigAfterEnvironment() throws {
        let h = Home(config: "{not json", ini: nil)
        defer { h.remove() }
        #expect(
            used(try h.resolve(["ALIBABA_CLOUD_ACCESS_KEY_ID": "a", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "b"]))
                == "environment")
        #expect(throws: AccountError.self) { try h.resolve([:]) }
    }
}
