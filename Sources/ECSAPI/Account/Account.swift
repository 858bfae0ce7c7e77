import Foundation

/// Who calls the API and where: credentials, the default region, and where they came from (for messages and the
/// journal; never the secret).
public struct Account: Sendable {
    public var credentials: Credentials
    public var region: String
    /// The profile name, or `environment`, or `sandbox`.
    public var profile: String

    public init(credentials: Credentials, region: String, profile: String) {
        self.credentials = credentials; self.region = region; self.profile = profile
    }
}

/// Credentials or a region that cannot be found or read; the text says what to set.
public struct AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Finds the account as the vendor's tools do (notes section 7): the environment
/// (`ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `ALIBABA_CLOUD_SECURITY_TOKEN`), then the
/// `aliyun` CLI's `~/.aliyun/config.json` (profile from `--profile`, `ALIBABA_CLOUD_PROFILE`, or `current`).
/// The region comes from `--region`, `ALIBABA_CLOUD_REGION_ID`, then the profile's `region_id`.
/// An explicit `--profile` wins over the environment's keys.
public enum AccountResolver {
    static let hint = "To try ecsfleet without an account, use --sandbox."

    /// - Parameter fallbackRegion: the region when none of those names one, for a command that needs some region
    ///   to call but no particular one (`list --all-regions` calls `DescribeRegions`); `nil` makes a missing
    ///   region an error.
    public static func resolve(profile explicitProfile: String?, region explicitRegion: String?,
                               environment: [String: String], configPath: String, fallbackRegion: String? = nil) throws(AccountError) -> Account {
        let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let envRegion = explicitRegion ?? env("ALIBABA_CLOUD_REGION_ID")
        let envId = env("ALIBABA_CLOUD_ACCESS_KEY_ID"), envSecret = env("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        if explicitProfile == nil, envId != nil || envSecret != nil {
            guard let id = envId, let secret = envSecret else {
                throw AccountError("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET must be set together; only \(envId == nil ? "the secret" : "the key ID") is set.")
            }
            guard let region = envRegion ?? profileRegion(configPath: configPath, name: env("ALIBABA_CLOUD_PROFILE")) ?? fallbackRegion else {
                throw missingRegion()
            }
            return Account(credentials: Credentials(accessKeyId: id, accessKeySecret: secret, securityToken: env("ALIBABA_CLOUD_SECURITY_TOKEN")),
                           region: region, profile: "environment")
        }
        guard FileManager.default.fileExists(atPath: configPath) else {
            if let p = explicitProfile {
                throw AccountError("--profile \(p): there is no \(configPath). Create it with `aliyun configure --profile \(p)`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET. \(hint)")
            }
            throw AccountError("No credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile with `aliyun configure` (\(configPath)). \(hint)")
        }
        let file = try CLIConfigFile.load(path: configPath)
        let name = explicitProfile ?? env("ALIBABA_CLOUD_PROFILE") ?? file.current ?? "default"
        guard let p = file.profiles.first(where: { $0.name == name }) else {
            let names = file.profiles.map(\.name).joined(separator: ", ")
            throw AccountError("Profile '\(name)' is not in \(configPath) (profiles: \(names.isEmpty ? "none" : names)). Pick one with --profile. \(hint)")
        }
        let credentials = try p.credentials(configPath: configPath)
        guard let region = envRegion ?? p.regionId ?? fallbackRegion else { throw missingRegion() }
        return Account(credentials: credentials, region: region, profile: name)
    }

    static func profileRegion(configPath: String, name: String?) -> String? {
        guard FileManager.default.fileExists(atPath: configPath), let file = try? CLIConfigFile.load(path: configPath) else { return nil }
        let wanted = name ?? file.current ?? "default"
        return file.profiles.first { $0.name == wanted }?.regionId
    }

    static func missingRegion() -> AccountError {
        AccountError("No region: pass --region REGION (for example cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, or set region_id in the profile.")
    }
}

/// The `aliyun` CLI's `config.json`.
public struct CLIConfigFile: Sendable {
    public var current: String?
    public var profiles: [Profile]

    public struct Profile: Sendable {
        public var name: String
        public var mode: String
        public var accessKeyId: String
        public var accessKeySecret: String
        public var stsToken: String
        public var regionId: String?

        func credentials(configPath: String) throws(AccountError) -> Credentials {
            switch mode {
            case "AK", "":
                guard !accessKeyId.isEmpty, !accessKeySecret.isEmpty else {
                    throw AccountError("Profile '\(name)' in \(configPath) has no access_key_id or access_key_secret. Run `aliyun configure --profile \(name)`.")
                }
                return Credentials(accessKeyId: accessKeyId, accessKeySecret: accessKeySecret)
            case "StsToken":
                guard !accessKeyId.isEmpty, !accessKeySecret.isEmpty, !stsToken.isEmpty else {
                    throw AccountError("Profile '\(name)' in \(configPath) (mode StsToken) needs access_key_id, access_key_secret and sts_token.")
                }
                return Credentials(accessKeyId: accessKeyId, accessKeySecret: accessKeySecret, securityToken: stsToken)
            default:
                throw AccountError("Profile '\(name)' in \(configPath) uses mode \(mode), which ecsfleet does not support; use a profile in mode AK or StsToken, or the ALIBABA_CLOUD_* environment variables.")
            }
        }
    }

    public static func load(path: String) throws(AccountError) -> CLIConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw AccountError("\(path) cannot be read; check its permissions.") }
        let json: JSONValue
        do { json = try JSONValue(parsing: Array(data)) } catch {
            throw AccountError("\(path) is not valid JSON (\(error)); fix it or run `aliyun configure` again.")
        }
        guard case .object = json else { throw AccountError("\(path) is not an aliyun CLI configuration (expected a JSON object).") }
        let profiles = (json["profiles"]?.arrayValue ?? []).compactMap { p -> Profile? in
            guard let name = p["name"]?.stringValue else { return nil }
            let region = p["region_id"]?.stringValue
            return Profile(name: name, mode: p["mode"]?.stringValue ?? "AK", accessKeyId: p["access_key_id"]?.stringValue ?? "",
                           accessKeySecret: p["access_key_secret"]?.stringValue ?? "", stsToken: p["sts_token"]?.stringValue ?? "",
                           regionId: (region?.isEmpty ?? true) ? nil : region)
        }
        return CLIConfigFile(current: json["current"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, profiles: profiles)
    }
}
