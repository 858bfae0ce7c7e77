import ECSAPI
import Foundation
import Logging

/// Calls STS (`AssumeRole`, `AssumeRoleWithOIDC`) over the client's transport.
struct STSClient: Sendable {
    let transport: any HTTPTransport
    /// Every STS call goes here when set (`--sts-endpoint`, the sandbox).
    let endpointOverride: Endpoint?
    let logger: Logger?
    var timeout: Duration = .seconds(15)

    func endpoint(_ location: STSLocation) -> Endpoint {
        endpointOverride ?? Endpoint(scheme: "https", host: location.host, port: nil)
    }

    /// `AssumeRole` signed (V1, HMAC-SHA1, over the query of a `GET`) with `key`.
    func assumeRole(_ role: RoleRequest, key: Credentials, at location: STSLocation) async throws(CredentialError)
        -> TemporaryCredentials
    {
        let nonce = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let signed = SignatureV1.sign(
            method: "GET", params: STSRequest.assumeRole(role), credentials: key, date: Date(), nonce: nonce)
        let base = endpoint(location)
        let request = TransportRequest(
            method: "GET", url: base.baseURL + "/?" + STSRequest.encode(signed),
            headers: [("accept", "application/json")])
        return try await send(request, what: "AssumeRole of \(role.roleArn)", at: base)
    }

    /// `AssumeRoleWithOIDC`, unsigned, the token in the form body.
    func assumeRoleWithOIDC(_ oidc: OIDCRequest, token: String, at location: STSLocation) async throws(CredentialError)
        -> TemporaryCredentials
    {
        let (query, form) = STSRequest.assumeRoleWithOIDC(oidc, token: token, now: Date())
        let base = endpoint(location)
        let request = TransportRequest(
            method: "POST", url: base.baseURL + "/?" + STSRequest.encode(query),
            headers: [("accept", "application/json"), ("content-type", "application/x-www-form-urlencoded")],
            body: Array(STSRequest.encode(form).utf8))
        return try await send(request, what: "AssumeRoleWithOIDC of \(oidc.roleArn)", at: base)
    }

    private func send(_ request: TransportRequest, what: String, at base: Endpoint) async throws(CredentialError)
        -> TemporaryCredentials
    {
        let response: TransportResponse
        do { response = try await transport.send(request, timeout: timeout) } catch {
            logger?.info("STS \(what) at \(base): no answer: \(error)")
            throw CredentialError("STS \(what): no answer from \(base) (\(error)); check the network or --sts-endpoint")
        }
        logger?.info(
            "STS \(what) at \(base): status=\(response.status) request-id=\(response.headers["x-acs-request-id"] ?? "-")"
        )
        guard (200..<300).contains(response.status) else {
            let e = ECSClient.apiError(from: response)
            throw CredentialError(
                "STS \(what) was refused: \(SafeText.escaped(e.code)): \(SafeText.escaped(String(e.message.prefix(300))))"
                    + Self.advice(e))
        }
        do {
            return try TemporaryCredentials(stsAnswer: try JSONValue(parsing: response.body))
        } catch let e as AccountError {
            throw CredentialError("STS \(what): \(e.description)")
        } catch {
            throw CredentialError("STS \(what): the answer is not JSON")
        }
    }

    /// What to check for the refusals an operator meets.
    static func advice(_ e: APIError) -> String {
        if e.code.hasPrefix("EntityNotExist.Role") { return " (check the role ARN: the role does not exist)" }
        if e.code.hasPrefix("NoPermission") || e.code.hasPrefix("Forbidden") {
            return " (the key may not assume this role: grant it sts:AssumeRole, and check the role's trust policy)"
        }
        if e.isThrottling { return " (STS is throttling this account; try again in a moment)" }
        if e.code.hasPrefix("InvalidAccessKeyId") || e.code.hasPrefix("SignatureDoesNotMatch") {
            return " (the source key is wrong: check access_key_id and access_key_secret)"
        }
        return ""
    }
}
