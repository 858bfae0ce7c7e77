import ECSAPI
import Foundation
import Testing

/// Credentials and region as the vendor's tools find them (notes section 7).
@Suite("AccountResolver")
struct AccountResolverTests {
    static let config = """
        { "current": "work",
          "profiles": [
            { "name": "default", "mode": "AK", "access_key_id": "LTAIdefault", "access_key_secret": "default-secret", "region_id": "cn-hangzhou" },
            { "name": "work", "mode": "AK", "access_key_id": "LTAIwork", "access_key_secret": "work-secret", "region_id": "cn-beijing" },
            { "name": "sts", "mode": "StsToken", "access_key_id": "STS.Nabc", "access_key_secret": "sts-secret", "sts_token": "CAIStoken", "region_id": "cn-shanghai" },
            { "name": "noregion", "mode": "AK", "access_key_id": "LTAInoregion", "access_key_secret": "nr-secret", "region_id": "" },
            { "name": "role", "mode": "RamRoleArn", "access_key_id": "LTAIrole", "access_key_secret": "x", "ram_role_arn": "acs:ram::1:role/r" },
            { "name": "halfsts", "mode": "StsToken", "access_key_id": "STS.Nabc", "access_key_secret": "sts-secret" },
            { "name": "empty", "mode": "AK", "access_key_id": "", "access_key_secret": "" }
          ] }
        """

    static let envKeys = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret"]

    /// A config file with `text` (or none), removed afterwards.
    func resolve(
        profile: String? = nil, region: String? = nil, env: [String: String] = [:],
        file text: String? = config
    ) throws(AccountError) -> Account {
        let path = NSTemporaryDirectory() + "aliyun-config-\(UUID().uuidString).json"
        if let text { _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try AccountResolver.resolve(profile: profile, region: region, environment: env, configPath: path)
    }

    func failure(profile: String? = nil, region: String? = nil, env: [String: String] = [:], file: String? = config)
        -> String
    {
        do {
            let account = try resolve(profile: profile, region: region, env: env, file: file)
            Issue.record("expected an error, got profile \(account.profile)")
            return ""
        } catch { return error.description }
    }

    @Test("The environment comes first, before any profile")
    func environmentFirst() throws {
        let a = try resolve(
            env: Self.envKeys.merging([
                "ALIBABA_CLOUD_SECURITY_TOKEN": "envtoken", "ALIBABA_CLOUD_REGION_ID": "cn-qingdao",
            ]) { a, _ in a })
        #expect(a.profile == "environment")
        #expect(
            a.credentials
                == Credentials(accessKeyId: "LTAIenv", accessKeySecret: "env-secret", securityToken: "envtoken"))
        #expect(a.region == "cn-qingdao")
        // ALIBABA_CLOUD_PROFILE does not beat the environment's keys; its region is used when none is given.
        let b = try resolve(env: Self.envKeys.merging(["ALIBABA_CLOUD_PROFILE": "sts"]) { a, _ in a })
        #expect(b.profile == "environment")
        #expect(b.credentials?.accessKeyId == "LTAIenv")
        #expect(b.credentials?.securityToken == nil)
        #expect(b.region == "cn-shanghai")
    }

    @Test("An explicit --profile wins over the environment's keys")
    func explicitProfileWins() throws {
        let a = try resolve(
            profile: "default", env: Self.envKeys.merging(["ALIBABA_CLOUD_PROFILE": "sts"]) { a, _ in a })
        #expect(a.profile == "default")
        #expect(a.credentials == Credentials(accessKeyId: "LTAIdefault", accessKeySecret: "default-secret"))
        #expect(a.region == "cn-hangzhou")
    }

    @Test("Profiles: AK and StsToken modes, `current`, ALIBABA_CLOUD_PROFILE")
    func profiles() throws {
        let current = try resolve()
        #expect(current.profile == "work")
        #expect(current.credentials == Credentials(accessKeyId: "LTAIwork", accessKeySecret: "work-secret"))
        #expect(current.region == "cn-beijing")

        let sts = try resolve(profile: "sts")
        #expect(
            sts.credentials
                == Credentials(accessKeyId: "STS.Nabc", accessKeySecret: "sts-secret", securityToken: "CAIStoken"))
        #expect(sts.region == "cn-shanghai")

        let fromEnv = try resolve(env: ["ALIBABA_CLOUD_PROFILE": "sts"])
        #expect(fromEnv.profile == "sts")
        #expect(try resolve(profile: "default", env: ["ALIBABA_CLOUD_PROFILE": "sts"]).profile == "default")

        // No `current`: the profile named default.
        let noCurrent = Self.config.replacingOccurrences(of: "\"current\": \"work\",", with: "")
        #expect(try resolve(file: noCurrent).profile == "default")
        // A profile without a mode is an AK profile.
        let modeless =
            #"{"profiles": [{"name": "default", "access_key_id": "LTAIx", "access_key_secret": "y", "region_id": "eu-central-1"}]}"#
        #expect(try resolve(file: modeless).credentials?.accessKeyId == "LTAIx")
    }

    @Test("Region: --region, then ALIBABA_CLOUD_REGION_ID, then the profile's region_id")
    func regionPrecedence() throws {
        let env = ["ALIBABA_CLOUD_REGION_ID": "us-west-1"]
        #expect(try resolve(region: "ap-southeast-1", env: env).region == "ap-southeast-1")
        #expect(try resolve(env: env).region == "us-west-1")
        #expect(try resolve().region == "cn-beijing")
        #expect(try resolve(profile: "noregion", region: "cn-zhangjiakou").region == "cn-zhangjiakou")
        #expect(try resolve(region: "eu-west-1", env: Self.envKeys).region == "eu-west-1")
        // An empty variable counts as unset.
        #expect(try resolve(env: ["ALIBABA_CLOUD_REGION_ID": ""]).region == "cn-beijing")
    }

    @Test("No credentials at all: one line per step, says what to set and mentions --sandbox")
    func noCredentials() {
        let off = ["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"]
        let message = failure(env: off, file: nil)
        #expect(
            message.contains(
                "  environment: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set"))
        #expect(message.contains("  instance RAM role: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true"))
        #expect(message.contains("  credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is not set"))
        #expect(message.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
        #expect(message.contains("aliyun configure"))
        #expect(message.contains("--sandbox"))
        #expect(failure(profile: "work", file: nil).contains("--sandbox"))
        // Empty variables are not credentials.
        #expect(
            failure(
                env: off.merging(["ALIBABA_CLOUD_ACCESS_KEY_ID": "", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": ""]) { a, _ in a
                }, file: nil
            ).contains("--sandbox"))
    }

    @Test("Only one of key ID and secret in the environment is an error naming which")
    func halfEnvironment() {
        let onlyId = failure(env: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_REGION_ID": "cn-hangzhou"])
        #expect(onlyId.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
        #expect(onlyId.contains("only the key ID"))
        let onlySecret = failure(env: [
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s", "ALIBABA_CLOUD_REGION_ID": "cn-hangzhou",
        ])
        #expect(onlySecret.contains("only the secret"))
        #expect(!onlySecret.contains("s is set"), "the secret itself is never shown")
    }

    @Test("An unknown profile lists the profiles there are")
    func unknownProfile() {
        let m = failure(profile: "prod")
        #expect(m.contains("'prod'"))
        #expect(m.contains("default, work, sts"))
        let viaEnv = failure(env: ["ALIBABA_CLOUD_PROFILE": "staging", "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"])
        #expect(viaEnv.contains("'staging'"))
        #expect(failure(profile: "x", file: #"{"profiles": []}"#).contains("none"))
    }

    @Test("Incomplete profiles are errors naming the profile and the field")
    func badProfiles() {
        let half = failure(profile: "halfsts")
        #expect(half.contains("'halfsts'") && half.contains("sts_token"))
        #expect(!half.contains("sts-secret"), "no secret in the message")
        let empty = failure(profile: "empty", region: "cn-hangzhou")
        #expect(empty.contains("'empty'") && empty.contains("access_key_id"))
    }

    @Test("No region anywhere is an error saying where to set one")
    func noRegion() {
        let m = failure(profile: "noregion")
        #expect(m.contains("--region"))
        #expect(m.contains("ALIBABA_CLOUD_REGION_ID"))
        #expect(failure(env: Self.envKeys, file: nil).contains("--region"))
    }

    @Test("A fallback region (for list --all-regions) is used only when nothing else names a region")
    func fallbackRegion() throws {
        func resolve(profile: String?, region: String? = nil, env: [String: String], file text: String?) throws
            -> Account
        {
            let path = NSTemporaryDirectory() + "aliyun-config-\(UUID().uuidString).json"
            if let text { _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }
            defer { try? FileManager.default.removeItem(atPath: path) }
            return try AccountResolver.resolve(
                profile: profile, region: region, environment: env, configPath: path, fallbackRegion: "cn-hangzhou")
        }
        #expect(try resolve(profile: nil, env: Self.envKeys, file: nil).region == "cn-hangzhou")
        #expect(try resolve(profile: "noregion", env: [:], file: Self.config).region == "cn-hangzhou")
        #expect(
            try resolve(profile: "work", env: [:], file: Self.config).region == "cn-beijing",
            "the profile's region wins")
        #expect(try resolve(profile: nil, region: "cn-qingdao", env: Self.envKeys, file: nil).region == "cn-qingdao")
        #expect(
            try resolve(
                profile: nil, env: Self.envKeys.merging(["ALIBABA_CLOUD_REGION_ID": "cn-shenzhen"]) { a, _ in a },
                file: nil
            ).region == "cn-shenzhen")
    }

    @Test("A broken config file is an error naming the file", arguments: ["{not json", "[1, 2]", ""])
    func brokenJSON(_ text: String) {
        let m = failure(file: text)
        #expect(m.contains("aliyun-config-"))
        #expect(!m.isEmpty)
    }

    @Test("A RamRoleArn profile is a role assumed with its key")
    func roleProfile() throws {
        let a = try resolve(profile: "role", region: "cn-hangzhou")
        guard case .use(let source, .assumeRole(.fixed(let key), let role, let sts))? = a.steps.last?.outcome else {
            Issue.record("expected AssumeRole, got \(a.steps)")
            return
        }
        #expect(key.accessKeyId == "LTAIrole")
        #expect(role.roleArn == "acs:ram::1:role/r")
        #expect(sts.host == "sts.aliyuncs.com")
        #expect(source.description == "profile role (RamRoleArn → acs:ram::…:role/r)")
        #expect(a.profile == "role")
    }

    @Test("Credentials never print their secret or token")
    func redacted() throws {
        let a = try resolve(profile: "sts")
        let key = try #require(a.credentials)
        let shown = "\(key) \(String(reflecting: key))"
        #expect(!shown.contains("sts-secret"))
        #expect(!shown.contains("CAIStoken"))
    }
}

extension Account {
    /// The key of a chain that ends in fixed credentials.
    var credentials: Credentials? {
        if case .use(_, .fixed(let key))? = steps.last?.outcome { return key }
        return nil
    }
}
