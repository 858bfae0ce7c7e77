import ECSAPI
import Foundation
import Synchronization

/// The ECS instance metadata service's RAM-role part, on the simulator's port under `/latest/`, plus a
/// credentials-URI endpoint under `/credentials-uri/`, both for the `--instance-role`. See
/// docs/ECS-SEMANTICS.md#metadata-service.
final class MetadataService: Sendable {
    static let tokenPath = "/latest/api/token"
    static let credentialsPath = "/latest/meta-data/ram/security-credentials/"
    static let uriPrefix = "/credentials-uri/"
    /// The longest session token the service grants, as the vendor's (six hours).
    static let maxTokenTTL = 21600

    let role: String?
    let imdsV2Only: Bool
    let lifetime: TimeInterval
    let accountId: String
    let keys: TemporaryKeys
    let clock: any SimulatorClock
    private let tokens = Mutex<[String: Date]>([:])
    private let current = Mutex<TemporaryCredential?>(nil)

    init(configuration: SimulatorConfiguration, accountId: String, keys: TemporaryKeys, clock: any SimulatorClock) {
        role = configuration.instanceRole
        imdsV2Only = configuration.imdsV2Only
        lifetime = configuration.credentialTTL ?? 3600
        self.accountId = accountId
        self.keys = keys
        self.clock = clock
    }

    /// Whether the path belongs to this service rather than to the API.
    static func serves(_ path: String) -> Bool { path.hasPrefix("/latest/") || path.hasPrefix(uriPrefix) }

    func handle(_ request: IncomingRequest) -> GatewayResponse {
        guard let role else { return Self.text(404, "404 - Not Found") }
        let now = clock.now()
        let path = request.path
        if path == Self.tokenPath {
            guard request.method == "PUT" else { return Self.text(405, "405 - Method Not Allowed") }
            return issueToken(request, now: now)
        }
        if path.hasPrefix(Self.uriPrefix) {
            guard request.method == "GET" else { return Self.text(405, "405 - Method Not Allowed") }
            return credentials(for: String(path.dropFirst(Self.uriPrefix.count)), role: role, now: now)
        }
        guard request.method == "GET" else { return Self.text(405, "405 - Method Not Allowed") }
        if let refusal = checkToken(request, now: now) { return refusal }
        if path == Self.credentialsPath { return Self.text(200, role) }
        if path.hasPrefix(Self.credentialsPath) {
            return credentials(for: String(path.dropFirst(Self.credentialsPath.count)), role: role, now: now)
        }
        return Self.text(404, "404 - Not Found")
    }

    /// `PUT /latest/api/token` with `X-aliyun-ecs-metadata-token-ttl-seconds` from 1 to 21600.
    private func issueToken(_ request: IncomingRequest, now: Date) -> GatewayResponse {
        guard let text = request.header("x-aliyun-ecs-metadata-token-ttl-seconds"), let ttl = Int(text),
            (1...Self.maxTokenTTL).contains(ttl)
        else {
            return Self.text(
                400, "400 - Bad Request: X-aliyun-ecs-metadata-token-ttl-seconds must be from 1 to \(Self.maxTokenTTL)")
        }
        let token = TemporaryKeys.random(56)
        tokens.withLock { tokens in
            tokens = tokens.filter { $0.value > now }
            tokens[token] = now.addingTimeInterval(TimeInterval(ttl))
        }
        return Self.text(200, token)
    }

    /// A token that was sent must be valid (401 otherwise); with `--imds-v2-only` one must be sent (403).
    private func checkToken(_ request: IncomingRequest, now: Date) -> GatewayResponse? {
        guard let token = request.header("x-aliyun-ecs-metadata-token") else {
            return imdsV2Only ? Self.text(403, "403 - Forbidden: send a token from PUT /latest/api/token") : nil
        }
        let valid = tokens.withLock { $0[token].map { $0 > now } ?? false }
        return valid ? nil : Self.text(401, "401 - Unauthorized: the token is unknown or expired")
    }

    /// The role's credentials; the same key is handed out until less than half its lifetime remains, then a
    /// new one, as the real service rotates them ahead of expiry.
    private func credentials(for name: String, role: String, now: Date) -> GatewayResponse {
        guard name == role, let arn = RoleArn("acs:ram::\(accountId):role/\(role)") else {
            return Self.text(404, "404 - Not Found")
        }
        let credential = current.withLock { current in
            if let c = current, c.expiresAt.timeIntervalSince(now) > c.expiresAt.timeIntervalSince(c.issuedAt) / 2 {
                return c
            }
            let fresh = keys.issue(RoleSession(role: arn, sessionName: "ecs-instance"), lifetime: lifetime, now: now)
            current = fresh
            return fresh
        }
        var o = JSONObjectBuilder()
        o.add("Code", "Success")
        o.add("AccessKeyId", credential.accessKeyId)
        o.add("AccessKeySecret", credential.accessKeySecret)
        o.add("SecurityToken", credential.securityToken)
        o.add("Expiration", ECSTime.formatSeconds(credential.expiresAt))
        o.add("LastUpdated", ECSTime.formatSeconds(credential.issuedAt))
        return GatewayResponse(status: 200, headers: [("Content-Type", "application/json")], body: o.value.jsonBytes())
    }

    static func text(_ status: Int, _ body: String) -> GatewayResponse {
        GatewayResponse(status: status, headers: [("Content-Type", "text/plain")], body: Array(body.utf8))
    }
}
