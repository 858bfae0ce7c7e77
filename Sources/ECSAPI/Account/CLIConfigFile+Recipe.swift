import Foundation

extension CLIConfigFile {
    /// How the profile `name` obtains credentials, and how to name it on screen. A `ChainableRamRoleArn` profile
    /// resolves its `source_profile` first (any mode, recursively); a profile met twice on the way is a loop.
    ///
    /// - Parameters:
    ///   - now: for the default role session name (`ecsfleet-<unix time>`).
    public func recipe(profile name: String, environment: [String: String], now: Date) throws(AccountError) -> (
        CredentialRecipe, CredentialSource
    ) {
        try recipe(profile: name, environment: environment, now: now, chain: [])
    }

    private func recipe(profile name: String, environment: [String: String], now: Date, chain: [String])
        throws(AccountError) -> (CredentialRecipe, CredentialSource)
    {
        guard let p = profile(named: name) else {
            let names = profiles.map(\.name).joined(separator: ", ")
            if let parent = chain.last {
                throw AccountError(
                    "Profile '\(parent)' in \(path): source_profile '\(name)' is not a profile there (profiles: \(names.isEmpty ? "none" : names))."
                )
            }
            throw AccountError(
                "Profile '\(name)' is not in \(path) (profiles: \(names.isEmpty ? "none" : names)). Pick one with --profile."
            )
        }
        func field(_ key: String) throws(AccountError) -> String {
            guard let v = p.string(key) else {
                throw AccountError(
                    "Profile '\(name)' in \(path) (mode \(p.mode)) has no \(key); set it with `aliyun configure --profile \(name) --mode \(p.mode)`."
                )
            }
            return v
        }
        func key() throws(AccountError) -> Credentials {
            Credentials(accessKeyId: try field("access_key_id"), accessKeySecret: try field("access_key_secret"))
        }
        let source = { (role: String?) in CredentialSource.profile(name, mode: p.mode, role: role) }
        switch p.mode {
        case "AK":
            return (.fixed(try key()), source(nil))
        case "StsToken":
            var c = try key()
            c.securityToken = try field("sts_token")
            return (.fixed(c), source(nil))
        case "RamRoleArn":
            let role = try roleRequest(p, now: now)
            return (
                .assumeRole(source: .fixed(try key()), role: role, sts: stsLocation(p, environment)),
                source(role.roleArn)
            )
        case "ChainableRamRoleArn":
            let parent = try field("source_profile")
            if chain.contains(parent) || parent == name {
                throw AccountError(
                    "Profile '\(name)' in \(path): source_profile loops (\((chain + [name, parent]).joined(separator: " → "))); point one of them at a profile with a key."
                )
            }
            let (inner, _) = try recipe(profile: parent, environment: environment, now: now, chain: chain + [name])
            let role = try roleRequest(p, now: now)
            return (.assumeRole(source: inner, role: role, sts: stsLocation(p, environment)), source(role.roleArn))
        case "EcsRamRole":
            let role = p.string("ram_role_name")
            return (
                .instanceRole(name: role),
                CredentialSource("profile \(name) (EcsRamRole" + (role.map { " → instance role \($0)" } ?? "") + ")")
            )
        case "OIDC":
            let roleArn = try field("ram_role_arn")
            let request = OIDCRequest(
                roleArn: roleArn, providerArn: try field("oidc_provider_arn"), tokenFile: try field("oidc_token_file"),
                sessionName: p.string("role_session_name") ?? Self.sessionName(now),
                durationSeconds: try duration(p), policy: p.string("policy"))
            return (.oidc(request, sts: stsLocation(p, environment)), source(roleArn))
        case "External":
            return (.external(command: try field("process_command")), source(nil))
        case "CloudSSO", "OAuth":
            guard let id = p.string("access_key_id"), let secret = p.string("access_key_secret"),
                let token = p.string("sts_token"),
                let expiration = p.string("sts_expiration").flatMap(Self.time)
            else {
                throw AccountError(
                    "Profile '\(name)' in \(path) (mode \(p.mode)) holds no signed-in credentials: sign in with `aliyun configure --profile \(name) --mode \(p.mode)`, then run ecsfleet again."
                )
            }
            return (
                .cached(
                    Credentials(accessKeyId: id, accessKeySecret: secret, securityToken: token), expiration: expiration,
                    mode: p.mode), source(nil)
            )
        default:
            throw AccountError(
                "Profile '\(name)' in \(path) has mode '\(p.mode)', which is not an aliyun CLI mode (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, External, CloudSSO, OAuth)."
            )
        }
    }

    private func roleRequest(_ p: Profile, now: Date) throws(AccountError) -> RoleRequest {
        guard let arn = p.string("ram_role_arn") else {
            throw AccountError(
                "Profile '\(p.name)' in \(path) (mode \(p.mode)) has no ram_role_arn; set it with `aliyun configure --profile \(p.name) --mode \(p.mode)`."
            )
        }
        return RoleRequest(
            roleArn: arn, sessionName: p.string("ram_session_name") ?? Self.sessionName(now),
            durationSeconds: try duration(p),
            policy: p.string("policy"), externalId: p.string("external_id"))
    }

    /// `expired_seconds`: 3600 when unset (or 0, as the CLI writes an unset number); STS takes 900 at least.
    private func duration(_ p: Profile) throws(AccountError) -> Int {
        guard let text = p.string("expired_seconds") else { return 3600 }
        guard let n = Int(text), n == 0 || n >= 900 else {
            throw AccountError(
                "Profile '\(p.name)' in \(path): expired_seconds must be a number of seconds, 900 or more (got \(text))."
            )
        }
        return n == 0 ? 3600 : n
    }

    private func stsLocation(_ p: Profile, _ environment: [String: String]) -> STSLocation {
        STSLocation.from(
            environment: environment, region: p.string("sts_region"), vpc: p.string("enable_vpc").map { $0 == "true" })
    }

    /// A role session name that tells the session apart in the account's audit trail.
    static func sessionName(_ now: Date) -> String { "ecsfleet-\(Int(now.timeIntervalSince1970))" }

    /// `sts_expiration` as the CLI writes it (Unix seconds), or an ISO time.
    static func time(_ text: String) -> Date? {
        if let seconds = Int(text) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        return ECSTime.parse(text)
    }
}
