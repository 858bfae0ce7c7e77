/// Where the credentials in use came from, in words an operator recognises: `environment`,
/// `profile ops (RamRoleArn → acs:ram::…:role/fleet-ops)`, `instance role fleet-instance`. Never a key, secret or
/// token: the screen's header and `--verbose` show it.
public struct CredentialSource: Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    /// The `ALIBABA_CLOUD_ACCESS_KEY_*` variables.
    public static let environment = CredentialSource("environment")
    /// The embedded simulator of `--sandbox`.
    public static let sandbox = CredentialSource("sandbox")

    /// An `aliyun` CLI profile, with its mode and, for a role, the role assumed (its account ID shortened).
    public static func profile(_ name: String, mode: String, role: String? = nil) -> CredentialSource {
        CredentialSource("profile \(name) (\(mode)" + (role.map { " → " + shortRole($0) } ?? "") + ")")
    }

    /// `acs:ram::1234567890123456:role/fleet-ops` as `acs:ram::…:role/fleet-ops`: the role's name is what tells
    /// roles apart on a screen; the account ID is long and adds nothing there.
    public static func shortRole(_ arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "acs", parts[1] == "ram", !parts[3].isEmpty else { return arn }
        return "acs:ram::…:" + parts[4]
    }
}
