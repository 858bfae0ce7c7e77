import ECSAPI
import Foundation
import Testing

// MARK: - Vectors (Fixtures/signature-vectors.json)

struct V3Vector: Codable, Sendable, CustomTestStringConvertible {
    var name, method, path, body, accessKeyId, accessKeySecret: String
    var query, headers: [String: String]
    var canonicalRequest, stringToSign, signedHeaders, signature, authorization: String
    var testDescription: String { name }
}

struct V1Vector: Codable, Sendable, CustomTestStringConvertible {
    var name, method, accessKeySecret, stringToSign, signature: String
    var params: [String: String]
    var testDescription: String { name }
}

struct VectorFile: Codable, Sendable {
    var v3: [V3Vector]
    var v1: [V1Vector]

    static let loaded: VectorFile? = {
        guard
            let url = Bundle.module.url(
                forResource: "signature-vectors", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(VectorFile.self, from: data)
    }()
    static var v3: [V3Vector] { loaded?.v3 ?? [] }
    static var v1: [V1Vector] { loaded?.v1 ?? [] }
}

func pairs(_ dict: [String: String]) -> [(name: String, value: String)] {
    dict.map { (name: $0.key, value: $0.value) }
}

/// Parses `yyyy-MM-ddTHH:mm:ssZ` with a formatter local to the call (tests only).
func isoDate(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
}

let computedV3 = [
    "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
    "x-acs-content-sha256", "x-acs-security-token",
]
let computedV1 = [
    "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp",
    "Format", "SecurityToken", "Signature",
]

@Suite struct SignatureTests {
    @Test func vectorsAreLoaded() {
        #expect(VectorFile.v3.count == 7)
        #expect(VectorFile.v1.count == 5)
    }

    // MARK: V3

    @Test(arguments: VectorFile.v3) func v3Vector(_ v: V3Vector) {
        let signed = v.signedHeaders.split(separator: ";").map(String.init)
        #expect(signed == v.headers.keys.sorted())
        let canonical = SignatureV3.canonicalRequest(
            method: v.method, path: v.path, query: pairs(v.query), headers: v.headers,
            signedHeaders: signed, bodySHA256Hex: SignatureV3.sha256Hex(Array(v.body.utf8)))
        #expect(canonical == v.canonicalRequest)
        let sts = SignatureV3.stringToSign(canonicalRequest: canonical)
        #expect(sts == v.stringToSign)
        let sig = SignatureV3.signature(stringToSign: sts, secret: v.accessKeySecret)
        #expect(sig == v.signature)
        let auth = SignatureV3.AuthorizationHeader(accessKeyId: v.accessKeyId, signedHeaders: signed, signature: sig)
        #expect(auth.headerValue == v.authorization)
        #expect(SignatureV3.AuthorizationHeader.parse(v.authorization) == auth)
        #expect(
            SignatureV3.expectedSignature(
                method: v.method, path: v.path, query: pairs(v.query), headers: v.headers, signedHeaders: signed,
                bodySHA256Hex: SignatureV3.sha256Hex(v.body.utf8), secret: v.accessKeySecret) == v.signature)
    }

    @Test(arguments: VectorFile.v3) func v3SignReproducesVector(_ v: V3Vector) throws {
        let date = try #require(isoDate(v.headers["x-acs-date"] ?? ""))
        let extras = v.headers.filter { !computedV3.contains($0.key) }
        let creds = Credentials(
            accessKeyId: v.accessKeyId, accessKeySecret: v.accessKeySecret,
            securityToken: v.headers["x-acs-security-token"])
        let sent = SignatureV3.sign(
            method: v.method, path: v.path, query: pairs(v.query), headers: extras, body: Array(v.body.utf8),
            credentials: creds, date: date, nonce: v.headers["x-acs-signature-nonce"] ?? "",
            host: v.headers["host"] ?? "", action: v.headers["x-acs-action"] ?? "",
            version: v.headers["x-acs-version"] ?? "")
        #expect(sent.last?.0 == "authorization")
        #expect(sent.last?.1 == v.authorization)
        var expected = v.headers
        expected["authorization"] = v.authorization
        #expect(Dictionary(sent, uniquingKeysWith: { a, _ in a }) == expected)
        #expect(sent.count == expected.count)
    }

    @Test(arguments: [nil, "sts-token-value"]) func v3RoundTrip(token: String?) throws {
        let creds = Credentials(accessKeyId: "LTAI5tRoundTrip", accessKeySecret: "s3cr3t", securityToken: token)
        let query: [(name: String, value: String)] = [
            ("InstanceId.1", "i-abc"), ("RegionId", "cn-hangzhou"),
            ("InstanceName", "生产 web*"), ("Empty", ""),
        ]
        let body = Array("x=1".utf8)
        let sent = SignatureV3.sign(
            method: "POST", query: query, headers: ["Accept": "application/json", "user-agent": " ua/1 "],
            body: body, credentials: creds, date: Date(timeIntervalSince1970: 1_704_164_645),
            nonce: "n-1", host: "127.0.0.1:8042", action: "StopInstances", version: "2014-05-26")
        var headers = Dictionary(sent, uniquingKeysWith: { a, _ in a })
        #expect(headers["x-acs-date"] == "2024-01-02T03:04:05Z")
        #expect(headers["x-acs-content-sha256"] == SignatureV3.sha256Hex(body))
        #expect(headers["x-acs-security-token"] == token)
        let auth = try #require(
            SignatureV3.AuthorizationHeader.parse(headers.removeValue(forKey: "authorization") ?? ""))
        #expect(auth.accessKeyId == creds.accessKeyId)
        #expect(auth.signedHeaders == headers.keys.sorted())
        func expected(_ q: [(name: String, value: String)]) -> String {
            SignatureV3.expectedSignature(
                method: "POST", path: "/", query: q, headers: headers, signedHeaders: auth.signedHeaders,
                bodySHA256Hex: SignatureV3.sha256Hex(body), secret: creds.accessKeySecret)
        }
        #expect(expected(Array(query.reversed())) == auth.signature)
        var tampered = query
        tampered[0].value = "i-abd"
        #expect(expected(tampered) != auth.signature)
    }

    @Test(arguments: [
        "", "ACS3-HMAC-SHA256", "Bearer x", "ACS3-HMAC-SHA256 Credential=,SignedHeaders=,Signature=",
        "ACS3-HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=ab",
        "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host",
        "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=",
        "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host;;x-acs-date,Signature=ab",
        "ACS3-HMAC-SHA256 Credential=a,Credential=b,SignedHeaders=host,Signature=ab",
        "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=ab,Extra=1",
        "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=ab,", "ACS3-HMAC-SHA256Credential=a",
    ]) func authorizationParseRejectsGarbage(_ value: String) {
        #expect(SignatureV3.AuthorizationHeader.parse(value) == nil)
    }

    @Test func authorizationParseToleratesSpacesAfterCommas() {
        let parsed = SignatureV3.AuthorizationHeader.parse(
            "ACS3-HMAC-SHA256 Credential=ak, SignedHeaders=host;x-acs-date,  Signature=abc")
        #expect(parsed == .init(accessKeyId: "ak", signedHeaders: ["host", "x-acs-date"], signature: "abc"))
    }

    // MARK: V1

    @Test(arguments: VectorFile.v1) func v1Vector(_ v: V1Vector) {
        let sts = SignatureV1.stringToSign(method: v.method, params: pairs(v.params))
        #expect(sts == v.stringToSign)
        #expect(SignatureV1.signature(stringToSign: sts, secret: v.accessKeySecret) == v.signature)
        // A Signature parameter present on the request is not part of what is signed.
        var withSig = pairs(v.params)
        withSig.append((name: "Signature", value: v.signature))
        #expect(SignatureV1.stringToSign(method: v.method, params: withSig) == v.stringToSign)
    }

    @Test(arguments: VectorFile.v1) func v1SignReproducesVector(_ v: V1Vector) throws {
        let p = v.params
        let date = try #require(isoDate(p["Timestamp"] ?? ""))
        let creds = Credentials(
            accessKeyId: p["AccessKeyId"] ?? "", accessKeySecret: v.accessKeySecret,
            securityToken: p["SecurityToken"])
        let callerParams = p.filter { !computedV1.contains($0.key) }.map { ($0.key, $0.value) }
        let signed = SignatureV1.sign(
            method: v.method, params: callerParams, credentials: creds, date: date,
            nonce: p["SignatureNonce"] ?? "", format: p["Format"] ?? "JSON")
        #expect(signed.last?.0 == "Signature")
        #expect(signed.last?.1 == v.signature)
        var expected = p
        expected["Signature"] = v.signature
        #expect(Dictionary(signed, uniquingKeysWith: { a, _ in a }) == expected)
        #expect(signed.count == expected.count)
    }

    // MARK: Percent encoding

    @Test func percentEncode() {
        #expect(PercentEncoding.encode("a b") == "a%20b")
        #expect(PercentEncoding.encode("*") == "%2A")
        #expect(PercentEncoding.encode("~-_.AZaz09") == "~-_.AZaz09")
        #expect(PercentEncoding.encode("生产") == "%E7%94%9F%E4%BA%A7")
        #expect(PercentEncoding.encode("/+=&:\"[]") == "%2F%2B%3D%26%3A%22%5B%5D")
        #expect(PercentEncoding.encode("") == "")
        #expect(PercentEncoding.encode("😀") == "%F0%9F%98%80")
    }

    @Test func percentEncodeMatchesFoundationAndRoundTrips() {
        var unreserved = CharacterSet(charactersIn: "-_.~")
        unreserved.formUnion(CharacterSet(charactersIn: "A"..."Z"))
        unreserved.formUnion(CharacterSet(charactersIn: "a"..."z"))
        unreserved.formUnion(CharacterSet(charactersIn: "0"..."9"))
        let alphabet = Array("aZ9-_.~ *+%&=/?#é中😀\t\n\"'")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let s = String(
                (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "a" })
            let encoded = PercentEncoding.encode(s)
            #expect(encoded == s.addingPercentEncoding(withAllowedCharacters: unreserved))
            #expect(PercentEncoding.formDecode(encoded) == s)
        }
    }

    @Test func formDecode() {
        #expect(PercentEncoding.formDecode("a+b%20c") == "a b c")
        #expect(PercentEncoding.formDecode("%e4%b8%ad%2B") == "中+")
        #expect(PercentEncoding.formDecode("plain"[...]) == "plain")
        for bad in ["%zz", "%E4%B8", "%", "%4", "a%2", "%FF", "%C0%80"] {
            #expect(PercentEncoding.formDecode(bad) == nil, "\(bad)")
        }
    }

    @Test func parseQuery() throws {
        let parsed = try #require(PercentEncoding.parseQuery("a=1&b=&c&&d=x=y&e=%E4%B8%AD+z&=v&"))
        #expect(parsed.map { "\($0.name)|\($0.value)" } == ["a|1", "b|", "c|", "d|x=y", "e|中 z", "|v"])
        #expect(PercentEncoding.parseQuery("")?.isEmpty == true)
        #expect(PercentEncoding.parseQuery("a=1&b=%zz") == nil)
        #expect(PercentEncoding.parseQuery("%E4=1") == nil)
    }

    // MARK: Credentials and timestamps

    @Test func credentialsNeverRevealSecrets() {
        let secret = "SuperSecretValue123"
        let token = "TokenXYZ987"
        let creds = Credentials(accessKeyId: "LTAI5tAbCdEf1234", accessKeySecret: secret, securityToken: token)
        struct Wrapper { var creds: Credentials }
        var dumped = ""
        dump(creds, to: &dumped)
        dump(Wrapper(creds: creds), to: &dumped)
        let outputs = [
            "\(creds)", String(describing: creds), String(reflecting: creds), dumped,
            "\([creds])", String(describing: Wrapper(creds: creds)), String(reflecting: Optional(creds)),
            Mirror(reflecting: creds).children.map { "\($0.value)" }.joined(),
        ]
        for text in outputs {
            #expect(!text.contains(secret) && !text.contains(token) && !text.contains("LTAI5tAbCdEf1234"), "\(text)")
        }
        #expect(
            creds.description == "Credentials(accessKeyId: LTAI****1234, secret: <redacted>, securityToken: <redacted>)"
        )
        #expect(
            Credentials(accessKeyId: "LTAI1234", accessKeySecret: secret).description
                == "Credentials(accessKeyId: ****, secret: <redacted>)")
    }

    @Test func timestampFormatting() {
        let cases: [(TimeInterval, String)] = [
            (0, "1970-01-01T00:00:00Z"), (1_704_164_645.999, "2024-01-02T03:04:05Z"), (-1, "1969-12-31T23:59:59Z"),
            (951_782_400, "2000-02-29T00:00:00Z"), (253_402_300_799, "9999-12-31T23:59:59Z"),
        ]
        for (t, text) in cases { #expect(SignatureV3.formatTimestamp(Date(timeIntervalSince1970: t)) == text) }
        let formatter = ISO8601DateFormatter()
        for _ in 0..<1000 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int64.random(in: -2_000_000_000...8_000_000_000)))
            #expect(SignatureV3.formatTimestamp(date) == formatter.string(from: date))
        }
    }
}
