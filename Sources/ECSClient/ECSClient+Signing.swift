import ECSAPI
import Foundation

extension ECSClient {
    /// Signs afresh (new nonce and time) for every attempt. Parameters go in the query string of a `POST /`.
    func signedRequest<R: ECSRequest>(_ request: R, endpoint: Endpoint, credentials: Credentials) -> TransportRequest {
        let nonce = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let now = Date()
        switch configuration.signature {
        case .v3:
            let query = request.parameters.items
            let headers = SignatureV3.sign(
                method: "POST", path: "/", query: query, headers: ["accept": "application/json"], body: [],
                credentials: credentials, date: now, nonce: nonce, host: endpoint.authority,
                action: R.action, version: ecsAPIVersion)
            return TransportRequest(
                method: "POST", url: endpoint.baseURL + "/?" + Self.encodeQuery(query), headers: headers)
        case .v1:
            let params =
                [("Action", R.action), ("Version", ecsAPIVersion)]
                + request.parameters.items.map { ($0.name, $0.value) }
            let signed = SignatureV1.sign(
                method: "POST", params: params, credentials: credentials, date: now, nonce: nonce)
            return TransportRequest(
                method: "POST",
                url: endpoint.baseURL + "/?" + Self.encodeQuery(signed.map { (name: $0.0, value: $0.1) }),
                headers: [("accept", "application/json")])
        }
    }

    /// The key for this attempt: the provider's (renewed when due), else the configured one. A provider that
    /// cannot give credentials is a configuration error: the operator has to act (sign in again, fix the role).
    func signingCredentials() async throws(ECSCallError) -> Credentials {
        guard let provider = configuration.credentialProvider else { return configuration.credentials }
        do throws(CredentialError) { return try await provider.credentials() } catch {
            throw .configuration(error.description)
        }
    }

    /// After `InvalidSecurityToken.Expired`: renews the credentials and says to send again. Sending again is safe
    /// for any action, a stop included: the service refused the request before acting on it, as for throttling.
    /// Without a provider (fixed credentials) nothing can be renewed and the error stands.
    func renewAfterExpiry(_ error: APIError, rejected: Credentials) async throws(ECSCallError) -> Bool {
        guard error.code == ErrorCode.invalidSecurityTokenExpired, let provider = configuration.credentialProvider
        else { return false }
        do throws(CredentialError) { _ = try await provider.renew(rejected: rejected) } catch {
            throw .configuration(error.description)
        }
        return true
    }

    static func encodeQuery(_ items: [(name: String, value: String)]) -> String {
        items.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
    }
}
