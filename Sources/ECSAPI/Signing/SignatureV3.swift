import Crypto
import Foundation

/// Alibaba Cloud signature V3, `ACS3-HMAC-SHA256`: signing for clients, verification helpers for servers.
///
/// ```
/// CanonicalRequest = METHOD \n PATH \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
/// StringToSign     = "ACS3-HMAC-SHA256" \n hex(sha256(CanonicalRequest))
/// Signature        = hex(HMAC-SHA256(key: secret, StringToSign))
/// ```
public enum SignatureV3 {
    /// The algorithm name that starts the string to sign and the `Authorization` header.
    public static let algorithm = "ACS3-HMAC-SHA256"

    /// Header names ``sign(method:path:query:headers:body:credentials:date:nonce:host:action:version:)``
    /// always computes itself; caller-supplied headers with these names are replaced.
    static let computedHeaders: Set<String> = [
        "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
        "x-acs-content-sha256", "x-acs-security-token", "authorization",
    ]

    /// Lower-case hex SHA-256 of `bytes` (the value of `x-acs-content-sha256`).
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        let digest =
            bytes.withContiguousStorageIfAvailable { SHA256.hash(data: $0) }
            ?? SHA256.hash(data: Array(bytes))
        return PercentEncoding.lowerHexString(Array(digest))
    }

    /// The canonical query: pairs percent-encoded, sorted bytewise by encoded name then encoded
    /// value, written `enc(name)=enc(value)` and joined by `&` (an empty value gives `name=`).
    public static func canonicalQuery(_ params: [(name: String, value: String)]) -> String {
        let encoded = params.map { (PercentEncoding.encode($0.name), PercentEncoding.encode($0.value)) }
        return encoded.sorted { a, b in
            if a.0 != b.0 { return a.0.utf8.lexicographicallyPrecedes(b.0.utf8) }
            return a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
        }
        .map { $0.0 + "=" + $0.1 }
        .joined(separator: "&")
    }

    /// The canonical request.
    /// - Parameters:
    ///   - path: the request path; an empty path is canonicalised to `/`.
    ///   - query: decoded query parameters.
    ///   - headers: the request's headers, names lower-case; values are trimmed of surrounding whitespace.
    ///   - signedHeaders: the signed header names, lower-case and sorted, used in the given order.
    ///   - bodySHA256Hex: hex SHA-256 of the body.
    public static func canonicalRequest(
        method: String, path: String, query: [(name: String, value: String)],
        headers: [String: String], signedHeaders: [String], bodySHA256Hex: String
    ) -> String {
        var text = method + "\n" + (path.isEmpty ? "/" : path) + "\n" + canonicalQuery(query) + "\n"
        for name in signedHeaders {
            let value = headers[name] ?? headers[name.lowercased()] ?? ""
            text += name + ":" + value.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        }
        return text + "\n" + signedHeaders.joined(separator: ";") + "\n" + bodySHA256Hex
    }

    /// `ACS3-HMAC-SHA256\n` followed by the hex SHA-256 of the canonical request.
    public static func stringToSign(canonicalRequest: String) -> String {
        algorithm + "\n" + sha256Hex(canonicalRequest.utf8)
    }

    /// Lower-case hex HMAC-SHA256 of `stringToSign` keyed with the AccessKey secret.
    public static func signature(stringToSign: String, secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key)
        return PercentEncoding.lowerHexString(Array(mac))
    }

    /// Signs a request and returns every header the client must send, names lower-case: `host`,
    /// `x-acs-action`, `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256`,
    /// `x-acs-security-token` (STS credentials only), the extra `headers` (sorted by name), and
    /// finally `authorization`. Every returned header except `authorization` is signed.
    /// - Parameters:
    ///   - headers: extra headers to send and sign (e.g. `accept`); names are lower-cased, and names
    ///     this function computes itself are ignored.
    ///   - date: the request time, sent as `x-acs-date` (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
    ///   - nonce: a unique value per request (and per retry).
    ///   - host: the `Host` header value, including the port when not the default.
    public static func sign(
        method: String, path: String = "/", query: [(name: String, value: String)],
        headers: [String: String] = [:], body: [UInt8] = [], credentials: Credentials,
        date: Date, nonce: String, host: String, action: String, version: String
    ) -> [(String, String)] {
        var sent: [(String, String)] = [
            ("host", host), ("x-acs-action", action), ("x-acs-version", version),
            ("x-acs-date", formatTimestamp(date)), ("x-acs-signature-nonce", nonce),
            ("x-acs-content-sha256", sha256Hex(body)),
        ]
        if let token = credentials.securityToken { sent.append(("x-acs-security-token", token)) }
        let extras = headers.map { ($0.key.lowercased(), $0.value) }
            .filter { !computedHeaders.contains($0.0) }
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        sent += extras
        let all = Dictionary(sent, uniquingKeysWith: { _, last in last })
        let signed = all.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let canonical = canonicalRequest(
            method: method, path: path, query: query, headers: all,
            signedHeaders: signed, bodySHA256Hex: all["x-acs-content-sha256"] ?? "")
        let auth = AuthorizationHeader(
            accessKeyId: credentials.accessKeyId, signedHeaders: signed,
            signature: signature(
                stringToSign: stringToSign(canonicalRequest: canonical),
                secret: credentials.accessKeySecret))
        return sent + [("authorization", auth.headerValue)]
    }

    /// The signature a server expects for a request, rebuilt from the request's own parts.
    /// - Parameters:
    ///   - headers: the request's headers, names lower-case.
    ///   - signedHeaders: the list from the request's `Authorization` header (not recomputed).
    ///   - bodySHA256Hex: hex SHA-256 of the body actually received.
    public static func expectedSignature(
        method: String, path: String, query: [(name: String, value: String)],
        headers: [String: String], signedHeaders: [String], bodySHA256Hex: String, secret: String
    ) -> String {
        let canonical = canonicalRequest(
            method: method, path: path, query: query, headers: headers,
            signedHeaders: signedHeaders, bodySHA256Hex: bodySHA256Hex)
        return signature(stringToSign: stringToSign(canonicalRequest: canonical), secret: secret)
    }

    /// The parts of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header.
    public struct AuthorizationHeader: Sendable, Equatable {
        /// The AccessKey ID from `Credential=`.
        public var accessKeyId: String
        /// The header names from `SignedHeaders=`, in the order given.
        public var signedHeaders: [String]
        /// The hex signature from `Signature=`.
        public var signature: String

        /// Creates the parts of an `Authorization` header.
        public init(accessKeyId: String, signedHeaders: [String], signature: String) {
            self.accessKeyId = accessKeyId
            self.signedHeaders = signedHeaders
            self.signature = signature
        }

        /// The header value, `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`.
        public var headerValue: String {
            "\(SignatureV3.algorithm) Credential=\(accessKeyId),SignedHeaders="
                + signedHeaders.joined(separator: ";") + ",Signature=\(signature)"
        }

        /// Parses an `Authorization` header value. Spaces after the algorithm and after commas are
        /// tolerated; `Credential`, `SignedHeaders` and `Signature` must each appear exactly once
        /// with a non-empty value (and no empty signed-header name).
        /// - Returns: the parts, or `nil` for another algorithm or a garbled value.
        public static func parse(_ value: String) -> AuthorizationHeader? {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard let space = trimmed.firstIndex(of: " "),
                trimmed[..<space] == SignatureV3.algorithm
            else { return nil }
            var fields: [String: Substring] = [:]
            for part in trimmed[space...].split(separator: ",", omittingEmptySubsequences: false) {
                let item = part.drop { $0 == " " }
                guard let eq = item.firstIndex(of: "=") else { return nil }
                let key = String(item[..<eq])
                let val = item[item.index(after: eq)...]
                guard ["Credential", "SignedHeaders", "Signature"].contains(key), fields[key] == nil,
                    !val.isEmpty, !val.contains(where: \.isWhitespace)
                else { return nil }
                fields[key] = val
            }
            guard let id = fields["Credential"], let names = fields["SignedHeaders"],
                let sig = fields["Signature"]
            else { return nil }
            let list = names.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard !list.contains(where: \.isEmpty) else { return nil }
            return AuthorizationHeader(accessKeyId: String(id), signedHeaders: list, signature: String(sig))
        }
    }
}
