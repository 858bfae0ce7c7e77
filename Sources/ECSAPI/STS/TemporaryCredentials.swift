import Foundation

/// Credentials with the time they stop working (`nil`: they do not expire), read from the answers that hand them
/// out: STS, the metadata service or a credentials URI, an `External` command.
public struct TemporaryCredentials: Sendable, Equatable {
    public var credentials: Credentials
    /// When they stop working; `nil` for a key that does not expire.
    public var expiration: Date?

    public init(credentials: Credentials, expiration: Date?) {
        self.credentials = credentials
        self.expiration = expiration
    }

    /// An STS answer: `Credentials.{AccessKeyId, AccessKeySecret, SecurityToken, Expiration}`.
    public init(stsAnswer json: JSONValue) throws(AccountError) {
        guard let c = json["Credentials"] else { throw AccountError("the STS answer has no Credentials") }
        try self.init(
            c, names: ("AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"), what: "the STS answer")
    }

    /// The metadata service's or a credentials URI's answer: `Code` must be `Success`.
    public init(metadataAnswer json: JSONValue, what: String) throws(AccountError) {
        guard case .object = json else { throw AccountError("\(what) is not a JSON object") }
        let code = json["Code"]?.stringValue ?? ""
        guard code == "Success" else {
            throw AccountError("\(what) has Code '\(SafeText.escaped(code.isEmpty ? "(none)" : code))', not Success")
        }
        try self.init(json, names: ("AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"), what: what)
    }

    /// An `External` command's output: `mode` `AK` or `StsToken` with `access_key_id`, `access_key_secret`,
    /// `sts_token` and `expiration`.
    public init(externalAnswer json: JSONValue, what: String) throws(AccountError) {
        guard case .object = json else { throw AccountError("\(what) is not a JSON object") }
        let mode = json["mode"]?.stringValue ?? ""
        switch mode {
        case "AK": try self.init(json, names: ("access_key_id", "access_key_secret", nil, nil), what: what)
        case "StsToken":
            try self.init(json, names: ("access_key_id", "access_key_secret", "sts_token", "expiration"), what: what)
        default: throw AccountError("\(what) has mode '\(SafeText.escaped(mode))'; it must be AK or StsToken")
        }
    }

    private init(
        _ json: JSONValue, names: (id: String, secret: String, token: String?, expiration: String?), what: String
    ) throws(AccountError) {
        func field(_ name: String) throws(AccountError) -> String {
            guard let v = json[name]?.stringValue, !v.isEmpty else { throw AccountError("\(what) has no \(name)") }
            return v
        }
        let token = try names.token.map { (n: String) throws(AccountError) -> String in try field(n) }
        var expiration: Date?
        if let name = names.expiration, let text = json[name]?.stringValue, !text.isEmpty {
            guard let date = ECSTime.parse(text) else {
                throw AccountError(
                    "\(what) has an \(name) that is not a UTC time: \(SafeText.escaped(String(text.prefix(40))))")
            }
            expiration = date
        }
        self.init(
            credentials: Credentials(
                accessKeyId: try field(names.id), accessKeySecret: try field(names.secret), securityToken: token),
            expiration: expiration)
    }
}
