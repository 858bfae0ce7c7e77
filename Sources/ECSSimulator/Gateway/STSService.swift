import ECSAPI
import Foundation

/// The Security Token Service (`Version=2015-04-01`) on the simulator's port: `AssumeRole` (signed),
/// `AssumeRoleWithOIDC` (unsigned) and `GetCallerIdentity`, answering in the vendor's shapes and error codes.
/// See docs/ECS-SEMANTICS.md#sts.
struct STSService: Sendable {
    static let version = "2015-04-01"
    static let assumeRole = "AssumeRole"
    static let assumeRoleWithOIDC = "AssumeRoleWithOIDC"
    static let getCallerIdentity = "GetCallerIdentity"
    static let actions = [assumeRole, assumeRoleWithOIDC, getCallerIdentity]
    /// The account ID when no `--role` names one.
    static let defaultAccountId = "1234567890123456"

    let configuration: SimulatorConfiguration
    let keys: TemporaryKeys

    /// The simulated account's ID: that of the first declared role, else a fixed one.
    var accountId: String { configuration.roles.first?.accountId ?? Self.defaultAccountId }

    /// Whether a request is `AssumeRoleWithOIDC`, which the vendor accepts without a signature.
    static func isUnsigned(action: String?, version: String?) -> Bool {
        action == assumeRoleWithOIDC && version == Self.version
    }

    func dispatch(_ action: String, _ p: Parameters, caller: Principal?, requestId: String, now: Date) throws(APIError)
        -> JSONValue
    {
        switch (action, caller) {
        case (Self.assumeRole, let caller?): return try assumeRole(p, caller: caller, requestId: requestId, now: now)
        case (Self.assumeRoleWithOIDC, _): return try assumeRoleWithOIDC(p, requestId: requestId, now: now)
        case (Self.getCallerIdentity, let caller?): return callerIdentity(caller, requestId: requestId)
        default:
            throw APIError(
                code: ErrorCode.invalidActionNotFound,
                message: "Specified api is not found, please check your url and method.", httpStatus: 404)
        }
    }

    // MARK: AssumeRole

    func assumeRole(_ p: Parameters, caller: Principal, requestId: String, now: Date) throws(APIError) -> JSONValue {
        let role = try roleArn(p)
        guard let session = p["RoleSessionName"], !session.isEmpty else {
            throw Self.missing("RoleSessionName")
        }
        try checkSessionName(session)
        let duration = try durationSeconds(p)
        try checkPolicy(p)
        try checkRole(role)
        return answer(
            issue(RoleSession(role: role, sessionName: session), duration: duration, now: now), requestId: requestId)
    }

    // MARK: AssumeRoleWithOIDC

    func assumeRoleWithOIDC(_ p: Parameters, requestId: String, now: Date) throws(APIError) -> JSONValue {
        let role = try roleArn(p)
        guard let provider = p["OIDCProviderArn"], !provider.isEmpty else { throw Self.missing("OIDCProviderArn") }
        guard RoleArn.isOIDCProvider(provider) else {
            throw APIError(
                code: "InvalidParameter.OIDCProviderArn", message: "The parameter OIDCProviderArn is wrongly formed.",
                httpStatus: 400)
        }
        guard let token = p["OIDCToken"] else { throw Self.missing("OIDCToken") }
        guard !token.isEmpty else {
            throw APIError(
                code: "AuthenticationFail.OIDCToken.Invalid", message: "The OIDCToken can not be empty.",
                httpStatus: 401)
        }
        let session = p["RoleSessionName"].flatMap { $0.isEmpty ? nil : $0 } ?? "oidc-session"
        try checkSessionName(session)
        let duration = try durationSeconds(p)
        try checkPolicy(p)
        if !configuration.oidcProviders.isEmpty, !configuration.oidcProviders.contains(provider) {
            throw APIError(
                code: "AuthenticationFail.NoPermission", message: "No such OIDC Provider registered.", httpStatus: 401)
        }
        try checkRole(role)
        return answer(
            issue(RoleSession(role: role, sessionName: session), duration: duration, now: now), requestId: requestId)
    }

    // MARK: GetCallerIdentity

    func callerIdentity(_ caller: Principal, requestId: String) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        switch caller {
        case .account:
            // The account's key plays a RAM user (the vendor refuses AssumeRole to an account's root key).
            let userId = StableID.digits("user:" + configuration.credentials.accessKeyId, count: 16)
            o.add("IdentityType", "RAMUser")
            o.add("AccountId", accountId)
            o.add("Arn", "acs:ram::\(accountId):user/ecs-sim")
            o.add("PrincipalId", userId)
            o.add("UserId", userId)
        case .assumed(let credential):
            let s = credential.session
            o.add("IdentityType", "AssumedRoleUser")
            o.add("AccountId", s.role.accountId)
            o.add("Arn", "acs:ram::\(s.role.accountId):assumed-role/\(s.role.roleName)/\(s.sessionName)")
            o.add("PrincipalId", s.assumedRoleId)
            o.add("UserId", s.assumedRoleId)
            o.add("RoleId", s.roleId)
        }
        return o.value
    }

    // MARK: Shared

    /// A new temporary key; `--credential-ttl` overrides the lifetime asked for.
    func issue(_ session: RoleSession, duration: TimeInterval, now: Date) -> TemporaryCredential {
        keys.issue(session, lifetime: configuration.credentialTTL ?? duration, now: now)
    }

    private func answer(_ c: TemporaryCredential, requestId: String) -> JSONValue {
        var user = JSONObjectBuilder()
        user.add("Arn", "acs:ram::\(c.session.role.accountId):role/\(c.session.role.roleName)/\(c.session.sessionName)")
        user.add("AssumedRoleId", c.session.assumedRoleId)
        var credentials = JSONObjectBuilder()
        credentials.add("AccessKeyId", c.accessKeyId)
        credentials.add("AccessKeySecret", c.accessKeySecret)
        credentials.add("SecurityToken", c.securityToken)
        credentials.add("Expiration", ECSTime.formatSeconds(c.expiresAt))
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        o.add("AssumedRoleUser", user.value)
        o.add("Credentials", credentials.value)
        return o.value
    }

    private func roleArn(_ p: Parameters) throws(APIError) -> RoleArn {
        guard let text = p["RoleArn"], !text.isEmpty else { throw Self.missing("RoleArn") }
        guard let role = RoleArn(text) else {
            throw APIError(
                code: "InvalidParameter.RoleArn", message: "The parameter RoleArn is wrongly formed.", httpStatus: 400)
        }
        return role
    }

    /// Declared roles only, when any are declared: another role of the account does not exist; a role of
    /// another account does not trust this one.
    private func checkRole(_ role: RoleArn) throws(APIError) {
        guard !configuration.roles.isEmpty, !configuration.roles.contains(where: { $0.matches(role) }) else { return }
        if role.accountId == accountId {
            throw APIError(code: "EntityNotExist.Role", message: "The role not exists: \(role).", httpStatus: 404)
        }
        throw APIError(
            code: "NoPermission", message: "You are not authorized to assume this role: check its trust policy.",
            httpStatus: 403)
    }

    private func checkSessionName(_ name: String) throws(APIError) {
        guard (2...64).contains(name.count),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".@-_".contains($0)) })
        else {
            throw APIError(
                code: "InvalidParameter.RoleSessionName", message: "The parameter RoleSessionName is wrongly formed.",
                httpStatus: 400)
        }
    }

    /// 900 seconds to 12 hours (the longest session a role can allow); 3600 when absent.
    private func durationSeconds(_ p: Parameters) throws(APIError) -> TimeInterval {
        guard let text = p["DurationSeconds"], !text.isEmpty else { return 3600 }
        guard let n = Int(text), (900...43200).contains(n) else {
            throw APIError(
                code: "InvalidParameter.DurationSeconds",
                message: "The Min/Max value of DurationSeconds is 15min/12hr.", httpStatus: 400)
        }
        return TimeInterval(n)
    }

    private func checkPolicy(_ p: Parameters) throws(APIError) {
        guard let policy = p["Policy"], !policy.isEmpty else { return }
        guard case .object? = try? JSONValue(parsing: policy) else {
            throw APIError(
                code: "InvalidParameter.PolicyGrammar", message: "The parameter Policy has not passed grammar check.",
                httpStatus: 400)
        }
    }

    static func missing(_ name: String) -> APIError {
        APIError(code: "Missing" + name, message: "\(name) is mandatory for this action.", httpStatus: 400)
    }
}
