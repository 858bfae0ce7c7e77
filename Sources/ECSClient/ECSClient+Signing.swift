import ECSAPI
import Foundation

extension ECSClient {
    /// Signs afresh (new nonce and time) for every attempt. Parameters go in the query string of a `POST /`.
    func signedRequest<R: ECSRequest>(_ request: R, endpoint: Endpoint) -> TransportRequest {
        let nonce = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let now = Date()
        switch configuration.signature {
        case .v3:
            let query = request.parameters.items
            let headers = SignatureV3.sign(
                method: "POST", path: "/", query: query, headers: ["accept": "application/json"], body: [],
                credentials: configuration.credentials, date: now, nonce: nonce, host: endpoint.authority,
                action: R.action, version: ecsAPIVersion)
            return TransportRequest(method: "POST", url: endpoint.baseURL + "/?" + Self.encodeQuery(query), headers: headers)
        case .v1:
            let params = [("Action", R.action), ("Version", ecsAPIVersion)] + request.parameters.items.map { ($0.name, $0.value) }
            let signed = SignatureV1.sign(method: "POST", params: params, credentials: configuration.credentials, date: now, nonce: nonce)
            return TransportRequest(method: "POST", url: endpoint.baseURL + "/?" + Self.encodeQuery(signed.map { (name: $0.0, value: $0.1) }),
                                    headers: [("accept", "application/json")])
        }
    }

    static func encodeQuery(_ items: [(name: String, value: String)]) -> String {
        items.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
    }
}
