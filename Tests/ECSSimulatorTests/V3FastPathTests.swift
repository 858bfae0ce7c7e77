import ECSAPI
import Foundation
import Testing

@testable import ECSSimulator

/// The simulator's fast V3 verification steps must agree with `SignatureV3`'s general ones on every input.
@Suite("V3 verification fast paths")
struct V3FastPathTests {
    static let headers = [
        "ACS3-HMAC-SHA256 Credential=sandbox,SignedHeaders=host;x-acs-action;x-acs-date,Signature=abc123",
        "ACS3-HMAC-SHA256 Credential=LTAI5t=weird,SignedHeaders=host,Signature=00ff",
        "ACS3-HMAC-SHA256 Signature=1,Credential=k,SignedHeaders=a;b",
        "ACS3-HMAC-SHA256  Credential=k,SignedHeaders=host,Signature=1",
        "ACS3-HMAC-SHA256 Credential=k, SignedHeaders=host, Signature=1",
        "  ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=1\t",
        "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=1,",
        "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=1,Signature=2",
        "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host;;date,Signature=1",
        "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=",
        "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host",
        "ACS3-HMAC-SHA256 credential=k,SignedHeaders=host,Signature=1",
        "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=1,Extra=2",
        "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=é",
        "ACS3-HMAC-SHA256 Credential=k\u{A0},SignedHeaders=host,Signature=1",
        "ACS3-HMAC-SHA256\tCredential=k,SignedHeaders=host,Signature=1",
        "ACS3-HMAC-SHA1 Credential=k,SignedHeaders=host,Signature=1",
        "ACS3-HMAC-SHA256 ",
        "ACS3-HMAC-SHA256",
        "ACS3-HMAC-SHA256 Credential",
        "",
    ]

    @Test("Authorization headers parse the same, well-formed or not", arguments: headers)
    func parse(_ value: String) {
        #expect(V3FastPath.parseAuthorization(value) == SignatureV3.AuthorizationHeader.parse(value))
    }

    @Test(
        "Header values are trimmed as Foundation trims them",
        arguments: [
            "", " ", "\t", "abc", " abc", "abc ", "\tabc\n", "a b", "\u{A0}abc", "abc\u{2028}", "订单", " 订单 ", "\u{85}x",
            "x\r\n",
        ])
    func trim(_ value: String) {
        #expect(V3FastPath.trimmed(value) == value.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("Expected signatures match SignatureV3's for signed requests, odd header values included")
    func expectedSignature() {
        let credentials = Credentials(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret")
        let cases: [(query: [(name: String, value: String)], extra: [String: String])] = [
            ([], [:]),
            ([("RegionId", "cn-hangzhou"), ("InstanceId.1", "i-a"), ("Name", "订单 *")], ["accept": "application/json"]),
            (
                [("b", ""), ("a", "x y+z")],
                ["user-agent": "  AlibabaCloud (Linux) Python/3.12  ", "x-acs-extra": "\u{A0}nbsp\u{2028}"]
            ),
        ]
        for (query, extra) in cases {
            let sent = SignatureV3.sign(
                method: "POST", query: query, headers: extra, credentials: credentials,
                date: Date(timeIntervalSince1970: 1_767_225_600), nonce: "n-1", host: "ecs.aliyuncs.com",
                action: "DescribeInstances", version: ecsAPIVersion)
            var headers = Dictionary(sent, uniquingKeysWith: { _, last in last })
            headers["x-acs-extra"] = extra["x-acs-extra"].map { " " + $0 + " " } // values as a proxy might pad them
            let signed = headers.keys.filter { $0 != "authorization" }.sorted()
            let hash = headers["x-acs-content-sha256"] ?? ""
            let fast = V3FastPath.expectedSignature(
                method: "POST", path: "/", query: query, headers: headers,
                signedHeaders: signed, bodySHA256Hex: hash, secret: credentials.accessKeySecret)
            let general = SignatureV3.expectedSignature(
                method: "POST", path: "/", query: query, headers: headers,
                signedHeaders: signed, bodySHA256Hex: hash, secret: credentials.accessKeySecret)
            #expect(fast == general)
            #expect(
                fast
                    == V3FastPath.expectedSignature(
                        method: "POST", path: "", query: query, headers: headers,
                        signedHeaders: signed, bodySHA256Hex: hash, secret: credentials.accessKeySecret),
                "an empty path is canonicalised to /")
        }
    }
}
