import Foundation

/// The STS calls the credential chain makes (`Version=2015-04-01`, RPC style), as parameters to sign or send.
public enum STSRequest {
    public static let version = "2015-04-01"

    /// `AssumeRole`'s parameters, `Action` and `Version` first; the caller signs them (V1) with the source key.
    public static func assumeRole(_ role: RoleRequest) -> [(String, String)] {
        var p: [(String, String)] = [
            ("Action", "AssumeRole"), ("Version", version), ("RoleArn", role.roleArn),
            ("RoleSessionName", role.sessionName), ("DurationSeconds", String(role.durationSeconds)),
        ]
        if let policy = role.policy { p.append(("Policy", policy)) }
        if let id = role.externalId { p.append(("ExternalId", id)) }
        return p
    }

    /// `AssumeRoleWithOIDC`, which is not signed: the query (`Action`, `Version`, `Format`, `Timestamp`) and the
    /// form body that carries the token, so the token stays out of URLs and the access logs that record them.
    public static func assumeRoleWithOIDC(_ request: OIDCRequest, token: String, now: Date) -> (
        query: [(String, String)], form: [(String, String)]
    ) {
        let query = [
            ("Action", "AssumeRoleWithOIDC"), ("Version", version), ("Format", "JSON"),
            ("Timestamp", SignatureV3.formatTimestamp(now)),
        ]
        var form = [
            ("RoleArn", request.roleArn), ("OIDCProviderArn", request.providerArn), ("OIDCToken", token),
            ("RoleSessionName", request.sessionName), ("DurationSeconds", String(request.durationSeconds)),
        ]
        if let policy = request.policy { form.append(("Policy", policy)) }
        return (query, form)
    }

    /// `name=value&...` with RFC 3986 encoding, for a query string or a form body.
    public static func encode(_ items: [(String, String)]) -> String {
        items.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
    }
}
