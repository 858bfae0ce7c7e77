import Foundation
import Testing

@testable import ECSAPI

/// Every `aliyun` CLI profile mode read into a recipe, and the mistakes an operator can make in one.
@Suite("CLI profile modes")
struct CredentialProfileTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let config = #"""
        { "current": "ak", "profiles": [
          { "name": "ak", "mode": "AK", "access_key_id": "LTAIak", "access_key_secret": "ak-secret", "region_id": "cn-hangzhou" },
          { "name": "sts", "mode": "StsToken", "access_key_id": "STS.id", "access_key_secret": "sts-secret", "sts_token": "tok" },
          { "name": "ops", "mode": "RamRoleArn", "access_key_id": "LTAIops", "access_key_secret": "ops-secret",
            "ram_role_arn": "acs:ram::1234567890123456:role/fleet-ops", "ram_session_name": "me", "expired_seconds": 1800,
            "policy": "{}", "external_id": "ext", "sts_region": "cn-shanghai", "enable_vpc": true },
          { "name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "ops", "ram_role_arn": "acs:ram::1:role/second" },
          { "name": "loop1", "mode": "ChainableRamRoleArn", "source_profile": "loop2", "ram_role_arn": "acs:ram::1:role/a" },
          { "name": "loop2", "mode": "ChainableRamRoleArn", "source_profile": "loop1", "ram_role_arn": "acs:ram::1:role/b" },
          { "name": "self", "mode": "ChainableRamRoleArn", "source_profile": "self", "ram_role_arn": "acs:ram::1:role/c" },
          { "name": "orphan", "mode": "ChainableRamRoleArn", "source_profile": "gone", "ram_role_arn": "acs:ram::1:role/d" },
          { "name": "ecs", "mode": "EcsRamRole", "ram_role_name": "fleet-instance" },
          { "name": "ecs-any", "mode": "EcsRamRole" },
          { "name": "oidc", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/ci", "oidc_provider_arn": "acs:ram::1:oidc-provider/gh",
            "oidc_token_file": "/var/run/token" },
          { "name": "ext", "mode": "External", "process_command": "get-creds --json" },
          { "name": "sso", "mode": "CloudSSO", "access_key_id": "STS.sso", "access_key_secret": "sso-secret", "sts_token": "ssotok",
            "sts_expiration": 1800003600 },
          { "name": "sso-none", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin" },
          { "name": "weird", "mode": "Magic" },
          { "name": "norole", "mode": "RamRoleArn", "access_key_id": "LTAIx", "access_key_secret": "y" },
          { "name": "short", "mode": "RamRoleArn", "access_key_id": "LTAIx", "access_key_secret": "y", "ram_role_arn": "acs:ram::1:role/r",
            "expired_seconds": 60 }
        ] }
        """#

    func recipe(_ name: String, env: [String: String] = [:]) throws(AccountError) -> (
        CredentialRecipe, CredentialSource
    ) {
        let file = try CLIConfigFile.parse(Array(Self.config.utf8), path: "/home/op/.aliyun/config.json")
        return try file.recipe(profile: name, environment: env, now: Self.now)
    }

    func error(_ name: String) -> String {
        do {
            _ = try recipe(name)
            Issue.record("expected an error for \(name)")
            return ""
        } catch { return error.description }
    }

    @Test("AK and StsToken are fixed keys")
    func fixed() throws {
        #expect(try recipe("ak").0 == .fixed(Credentials(accessKeyId: "LTAIak", accessKeySecret: "ak-secret")))
        #expect(
            try recipe("sts").0
                == .fixed(Credentials(accessKeyId: "STS.id", accessKeySecret: "sts-secret", securityToken: "tok")))
        #expect(try recipe("ak").1.description == "profile ak (AK)")
    }

    @Test("RamRoleArn: every role field, the STS region and VPC endpoint")
    func ramRoleArn() throws {
        let (r, source) = try recipe("ops")
        let role = RoleRequest(
            roleArn: "acs:ram::1234567890123456:role/fleet-ops", sessionName: "me", durationSeconds: 1800, policy: "{}",
            externalId: "ext")
        #expect(
            r
                == .assumeRole(
                    source: .fixed(Credentials(accessKeyId: "LTAIops", accessKeySecret: "ops-secret")), role: role,
                    sts: STSLocation(region: "cn-shanghai", vpc: true)))
        #expect(source.description == "profile ops (RamRoleArn → acs:ram::…:role/fleet-ops)")
        #expect(STSLocation(region: "cn-shanghai", vpc: true).host == "sts-vpc.cn-shanghai.aliyuncs.com")
    }

    @Test("STS location: the environment when the profile names none")
    func stsLocation() {
        #expect(STSLocation.from(environment: [:]).host == "sts.aliyuncs.com")
        let env = ["ALIBABA_CLOUD_STS_REGION": "cn-beijing", "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED": "true"]
        #expect(STSLocation.from(environment: env).host == "sts-vpc.cn-beijing.aliyuncs.com")
        #expect(
            STSLocation.from(environment: env, region: "cn-shanghai", vpc: false).host == "sts.cn-shanghai.aliyuncs.com"
        )
    }

    @Test("ChainableRamRoleArn assumes a role with what its source profile yields; defaults for the session")
    func chainable() throws {
        let (r, source) = try recipe("chain")
        guard case .assumeRole(let inner, let role, _) = r, case .assumeRole = inner else {
            Issue.record("\(r)")
            return
        }
        #expect(role.roleArn == "acs:ram::1:role/second")
        #expect(role.sessionName == "ecsfleet-1800000000")
        #expect(role.durationSeconds == 3600)
        #expect(source.description.hasPrefix("profile chain (ChainableRamRoleArn"))
    }

    @Test("A source_profile that loops or does not exist is refused, naming the profiles")
    func loops() {
        let loop = error("loop1")
        #expect(loop.contains("loops"))
        #expect(loop.contains("loop1 → loop2 → loop1"))
        #expect(error("self").contains("loops"))
        let orphan = error("orphan")
        #expect(orphan.contains("'orphan'") && orphan.contains("source_profile 'gone'"))
    }

    @Test("EcsRamRole, OIDC, External")
    func otherModes() throws {
        #expect(try recipe("ecs").0 == .instanceRole(name: "fleet-instance"))
        #expect(try recipe("ecs").1.description == "profile ecs (EcsRamRole → instance role fleet-instance)")
        #expect(try recipe("ecs-any").0 == .instanceRole(name: nil))
        guard case .oidc(let o, let sts) = try recipe("oidc").0 else {
            Issue.record("not OIDC")
            return
        }
        #expect(
            o.providerArn == "acs:ram::1:oidc-provider/gh" && o.tokenFile == "/var/run/token"
                && sts.host == "sts.aliyuncs.com")
        #expect(try recipe("ext").0 == .external(command: "get-creds --json"))
    }

    @Test("CloudSSO uses the cached STS credentials; without them, says to sign in")
    func cloudSSO() throws {
        let expected = CredentialRecipe.cached(
            Credentials(accessKeyId: "STS.sso", accessKeySecret: "sso-secret", securityToken: "ssotok"),
            expiration: Date(timeIntervalSince1970: 1_800_003_600), mode: "CloudSSO")
        #expect(try recipe("sso").0 == expected)
        let none = error("sso-none")
        #expect(none.contains("sign in") && none.contains("aliyun configure --profile sso-none --mode CloudSSO"))
    }

    @Test("Unknown mode, missing field, too short a duration: errors naming profile and field")
    func mistakes() {
        let weird = error("weird")
        #expect(weird.contains("'weird'") && weird.contains("'Magic'"))
        let norole = error("norole")
        #expect(norole.contains("'norole'") && norole.contains("ram_role_arn"))
        #expect(error("short").contains("expired_seconds"))
        #expect(!error("norole").contains("y\""), "no secret")
    }

    @Test("A profile file that is not JSON names the file")
    func notJSON() {
        #expect(throws: AccountError.self) { try CLIConfigFile.parse(Array("{oops".utf8), path: "/x/config.json") }
    }

    @Test("A role ARN is shortened to its name for the screen")
    func shortRole() {
        #expect(CredentialSource.shortRole("acs:ram::1234567890123456:role/fleet-ops") == "acs:ram::…:role/fleet-ops")
        #expect(CredentialSource.shortRole("not-an-arn") == "not-an-arn")
    }
}
