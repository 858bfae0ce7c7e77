import ECSAPI
import Foundation
import Synchronization

/// Who a request is from and what it asks, once its signature has been verified.
struct AuthenticatedCall: Sendable {
    var accessKeyId: String
    var action: String
    var version: String
    var principal: Principal
}

/// Whose key signed a call: the account's own, or a temporary key the simulator issued.
enum Principal: Sendable {
    case account
    case assumed(TemporaryCredential)
}

/// The secret a key signs with, the token it must carry, and whose it is.
struct SigningKey: Sendable {
    var secret: String
    var token: String?
    var expiresAt: Date?
    var principal: Principal
}

/// Verifies requests the way the gateway does, in the order of docs/ECS-SEMANTICS.md#signatures: incomplete,
/// unknown key, wrong signature, wrong or expired token, clock skew, reused nonce. V3 headers are rebuilt from the request's own `SignedHeaders`, so clients that
/// sign extra headers (the Python SDK signs `accept` and `user-agent`) verify.
final class Authenticator: Sendable {
    let credentials: Credentials
    let temporaryKeys: TemporaryKeys
    let maxSkew: Double
    let nonces: Mutex<NonceStore>

    init(configuration: SimulatorConfiguration, temporaryKeys: TemporaryKeys) {
        credentials = configuration.credentials
        self.temporaryKeys = temporaryKeys
        maxSkew = configuration.maxClockSkew
        nonces = Mutex(NonceStore(lifetime: configuration.nonceLifetime, capacity: configuration.maxRememberedNonces))
    }

    static let v1Required = [
        "Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp",
    ]
    static let v3Required = ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce"]

    static func incomplete(_ why: String) -> APIError {
        APIError(
            code: ErrorCode.incompleteSignature,
            message: "The request signature does not conform to Aliyun standards. \(why)", httpStatus: 400)
    }

    func authenticate(
        _ request: IncomingRequest, query: [(name: String, value: String)],
        params: Parameters, now: Date
    ) throws(APIError) -> AuthenticatedCall {
        if let authorization = request.header("authorization") {
            return try verifyV3(request, authorization: authorization, query: query, now: now)
        }
        return try verifyV1(request, params: params, now: now)
    }

    private func verifyV3(
        _ request: IncomingRequest, authorization: String, query: [(name: String, value: String)],
        now: Date
    ) throws(APIError) -> AuthenticatedCall {
        guard let auth = V3FastPath.parseAuthorization(authorization) else {
            throw Self.incomplete(
                "The Authorization header is not ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=....")
        }
        let headers = request.headerMap
        for name in Self.v3Required where headers[name] == nil { throw .missingParameter(name) }
        for name in Self.v3Required where !auth.signedHeaders.contains(name) {
            throw Self.incomplete("The header \(name) must be signed.")
        }
        for name in auth.signedHeaders where headers[name] == nil {
            throw Self.incomplete("The signed header \(name) is missing from the request.")
        }
        let bodyHash = SignatureV3.sha256Hex(request.body)
        guard let contentHash = headers["x-acs-content-sha256"] else {
            throw Self.incomplete("The header x-acs-content-sha256 (hex SHA-256 of the body) is required.")
        }
        guard contentHash.lowercased() == bodyHash else {
            throw Self.incomplete("x-acs-content-sha256 does not match the body.")
        }
        let key = try signingKey(auth.accessKeyId)
        let expected = V3FastPath.expectedSignature(
            method: request.method, path: request.path, query: query, headers: headers,
            signedHeaders: auth.signedHeaders, bodySHA256Hex: contentHash,
            secret: key.secret)
        guard expected == auth.signature.lowercased() else {
            throw APIError(
                code: ErrorCode.signatureDoesNotMatch,
                message:
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                httpStatus: 400)
        }
        try checkToken(headers["x-acs-security-token"], key: key, now: now)
        try checkTime(headers["x-acs-date"]!, now: now)
        try useNonce(headers["x-acs-signature-nonce"]!, key: auth.accessKeyId, now: now)
        return AuthenticatedCall(
            accessKeyId: auth.accessKeyId, action: headers["x-acs-action"]!, version: headers["x-acs-version"]!,
            principal: key.principal)
    }

    private func verifyV1(_ request: IncomingRequest, params: Parameters, now: Date) throws(APIError)
        -> AuthenticatedCall
    {
        guard let signature = params["Signature"], !signature.isEmpty else {
            if params["Action"] == nil { throw .missingParameter("Action") }
            throw Self.incomplete("Sign the request: send an Authorization header (V3) or a Signature parameter (V1).")
        }
        for name in Self.v1Required where (params[name] ?? "").isEmpty { throw .missingParameter(name) }
        guard params["SignatureMethod"] == "HMAC-SHA1", params["SignatureVersion"] == "1.0" else {
            throw Self.incomplete("SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.")
        }
        let keyId = params["AccessKeyId"]!
        let key = try signingKey(keyId)
        let stringToSign = SignatureV1.stringToSign(method: request.method, params: params.items)
        let expected = SignatureV1.signature(stringToSign: stringToSign, secret: key.secret)
        guard expected == signature else {
            throw APIError(
                code: ErrorCode.signatureDoesNotMatch,
                message:
                    "Specified signature is not matched with our calculation. server string to sign is:\(stringToSign)",
                httpStatus: 400)
        }
        try checkToken(params["SecurityToken"], key: key, now: now)
        try checkTime(params["Timestamp"]!, now: now)
        try useNonce(params["SignatureNonce"]!, key: keyId, now: now)
        return AuthenticatedCall(
            accessKeyId: keyId, action: params["Action"]!, version: params["Version"]!, principal: key.principal)
    }

    /// The account's key, or a temporary key the simulator issued; any other is unknown.
    private func signingKey(_ id: String) throws(APIError) -> SigningKey {
        if id == credentials.accessKeyId {
            return SigningKey(
                secret: credentials.accessKeySecret, token: credentials.securityToken, expiresAt: nil,
                principal: .account)
        }
        if let temporary = temporaryKeys.lookup(id) {
            return SigningKey(
                secret: temporary.accessKeySecret, token: temporary.securityToken, expiresAt: temporary.expiresAt,
                principal: .assumed(temporary))
        }
        throw APIError(
            code: ErrorCode.invalidAccessKeyIdNotFound, message: "Specified access key is not found.", httpStatus: 404)
    }

    /// The token must be the key's own; then a temporary key must not have expired
    /// (docs/ECS-SEMANTICS.md#temporary-credentials).
    private func checkToken(_ token: String?, key: SigningKey, now: Date) throws(APIError) {
        let sent = (token?.isEmpty ?? true) ? nil : token
        guard sent == key.token else {
            throw APIError(
                code: "InvalidSecurityToken.MismatchWithAccessKey",
                message: sent == nil
                    ? "This access key is an STS key: send its security token."
                    : "The security token does not belong to this access key.",
                httpStatus: 400)
        }
        if let expiresAt = key.expiresAt, expiresAt <= now {
            throw APIError(
                code: "InvalidSecurityToken.Expired", message: "The security token you provided has expired.",
                httpStatus: 400)
        }
    }

    private func checkTime(_ text: String, now: Date) throws(APIError) {
        guard let date = ECSTime.parse(text) else {
            throw APIError(
                code: "InvalidTimeStamp.Format", message: "Specified time stamp or date value is not well formatted.",
                httpStatus: 400)
        }
        guard abs(date.timeIntervalSince(now)) <= maxSkew else {
            throw APIError(
                code: ErrorCode.invalidTimeStampExpired, message: "Specified time stamp or date value is expired.",
                httpStatus: 400)
        }
    }

    private func useNonce(_ nonce: String, key: String, now: Date) throws(APIError) {
        let fresh = nonces.withLock { $0.use(key + "\u{0}" + nonce, now: now) }
        guard fresh else {
            throw APIError(
                code: ErrorCode.signatureNonceUsed, message: "Specified signature nonce was used already.",
                httpStatus: 400)
        }
    }
}

/// Nonces seen recently, forgotten after their lifetime, and never more than `capacity` at once.
struct NonceStore: Sendable {
    let lifetime: Double
    let capacity: Int
    private var expiries: [String: Date] = [:]
    private var queue: [(String, Date)] = []
    private var head = 0

    init(lifetime: Double, capacity: Int) {
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
    }

    var count: Int { expiries.count }

    /// Records the nonce; false when it was already seen and has not expired.
    mutating func use(_ nonce: String, now: Date) -> Bool {
        while head < queue.count, queue[head].1 <= now || expiries.count >= capacity {
            let (old, expiry) = queue[head]
            if expiries[old] == expiry { expiries[old] = nil }
            head += 1
        }
        if head > 4096, head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        if let expiry = expiries[nonce], expiry > now { return false }
        let expiry = now.addingTimeInterval(lifetime)
        expiries[nonce] = expiry
        queue.append((nonce, expiry))
        return true
    }
}
