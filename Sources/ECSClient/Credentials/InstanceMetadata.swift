import ECSAPI
import Foundation
import Logging

/// The ECS metadata service's instance RAM role credentials. Hardened mode (IMDSv2) first: a token from
/// `PUT /latest/api/token`, sent with each read; without one, plain reads unless IMDSv1 is disabled.
struct InstanceMetadata: Sendable {
    let transport: any HTTPTransport
    let endpoint: Endpoint
    /// `ALIBABA_CLOUD_IMDSV1_DISABLED=true`: no reads without a token.
    let v1Disabled: Bool
    let logger: Logger?
    /// How long the first request may take before the service is taken to be absent (not an ECS instance).
    var probeTimeout: Duration = .seconds(1)
    var timeout: Duration = .seconds(5)

    /// The credentials can come from nowhere here, or the service answered wrongly.
    enum Failure: Error, Sendable {
        /// No metadata service answered: this is not an ECS instance.
        case absent(String)
        case failed(String)
    }

    /// The role's name (asked of the service when `name` is `nil`) and its credentials.
    func roleCredentials(name: String?) async throws(Failure) -> (role: String, credentials: TemporaryCredentials) {
        let token = try await sessionToken()
        var headers: [(String, String)] = []
        if let token { headers.append(("X-aliyun-ecs-metadata-token", token)) }
        let base = "/latest/meta-data/ram/security-credentials/"
        var role = name ?? ""
        if role.isEmpty {
            let text = String(decoding: try await get(base, headers: headers, what: "the role name"), as: UTF8.self)
            role = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !role.isEmpty else {
                throw .failed("the metadata service at \(endpoint) names no RAM role: attach one to the instance")
            }
        }
        let path = base + PercentEncoding.encode(role)
        let body = try await get(path, headers: headers, what: "the credentials of role \(role)")
        do {
            return (
                role,
                try TemporaryCredentials(
                    metadataAnswer: try JSONValue(parsing: body), what: "the metadata service's answer for role \(role)"
                )
            )
        } catch let e as AccountError {
            throw .failed(e.description)
        } catch {
            throw .failed("the metadata service's answer for role \(role) is not JSON")
        }
    }

    /// The IMDSv2 token, or `nil` when the service gives none and plain reads are allowed.
    private func sessionToken() async throws(Failure) -> String? {
        let request = TransportRequest(
            method: "PUT", url: endpoint.baseURL + "/latest/api/token",
            headers: [("X-aliyun-ecs-metadata-token-ttl-seconds", "21600")])
        let response: TransportResponse
        do { response = try await transport.send(request, timeout: probeTimeout) } catch {
            logger?.info("metadata token at \(endpoint): no answer: \(error)")
            throw .absent("no metadata service at \(endpoint) (\(error)); not an ECS instance")
        }
        logger?.info("metadata token at \(endpoint): status=\(response.status)")
        if response.status == 200, !response.body.isEmpty { return String(decoding: response.body, as: UTF8.self) }
        if v1Disabled {
            throw .failed(
                "the metadata service at \(endpoint) gave no token (HTTP \(response.status)) and ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids reads without one"
            )
        }
        return nil
    }

    private func get(_ path: String, headers: [(String, String)], what: String) async throws(Failure) -> [UInt8] {
        let response: TransportResponse
        do {
            response = try await transport.send(
                TransportRequest(method: "GET", url: endpoint.baseURL + path, headers: headers), timeout: timeout)
        } catch {
            throw .failed("the metadata service at \(endpoint) did not give \(what): \(error)")
        }
        logger?.info("metadata \(what) at \(endpoint): status=\(response.status)")
        guard response.status == 200 else {
            let hint =
                response.status == 404
                ? " (is that role attached to the instance?)"
                : response.status == 403 ? " (the service may require a token: IMDSv2 only)" : ""
            throw .failed("the metadata service at \(endpoint) answered HTTP \(response.status) for \(what)\(hint)")
        }
        return response.body
    }
}
