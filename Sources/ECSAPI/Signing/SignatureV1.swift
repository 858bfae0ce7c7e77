import Crypto
import Foundation

/// Alibaba Cloud signature V1, `HMAC-SHA1`, as used by the older SDK, the Go SDK and the `aliyun` CLI.
///
/// ```
/// CanonicalQuery = all params but Signature, sorted, enc(name)=enc(value) joined by &
/// StringToSign   = METHOD & enc("/") & enc(CanonicalQuery)
/// Signature      = base64(HMAC-SHA1(key: secret + "&", StringToSign))
/// ```
public enum SignatureV1 {
    /// The parameter names ``sign(method:params:credentials:date:nonce:format:)`` sets itself;
    /// caller-supplied parameters with these names are replaced.
    static let computedParams: Set<String> = [
        "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp",
        "Format", "SecurityToken", "Signature",
    ]

    /// The canonical query: every parameter except `Signature` (empty values included), encoded,
    /// sorted bytewise by encoded name then encoded value, `enc(name)=enc(value)` joined by `&`.
    public static func canonicalQuery(_ params: [(name: String, value: String)]) -> String {
        SignatureV3.canonicalQuery(params.filter { $0.name != "Signature" })
    }

    /// `METHOD&%2F&enc(canonicalQuery)`.
    /// - Parameter params: all decoded parameters of the request (query and form body); a
    ///   `Signature` parameter is ignored.
    public static func stringToSign(method: String, params: [(name: String, value: String)]) -> String {
        method + "&" + PercentEncoding.encode("/") + "&" + PercentEncoding.encode(canonicalQuery(params))
    }

    /// Base64 HMAC-SHA1 of `stringToSign` keyed with `secret + "&"`.
    public static func signature(stringToSign: String, secret: String) -> String {
        let key = SymmetricKey(data: Array((secret + "&").utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Array(stringToSign.utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// Signs a request and returns its complete parameter list: the caller's `params` (which must
    /// include `Action` and `Version`), then `AccessKeyId`, `SignatureMethod=HMAC-SHA1`,
    /// `SignatureVersion=1.0`, `SignatureNonce`, `Timestamp` (`yyyy-MM-ddTHH:mm:ssZ`, UTC), `Format`,
    /// `SecurityToken` (STS credentials only) and finally `Signature`.
    ///
    /// Caller parameters named like one of the added parameters are dropped in favour of the
    /// computed ones.
    public static func sign(
        method: String, params: [(String, String)], credentials: Credentials,
        date: Date, nonce: String, format: String = "JSON"
    ) -> [(String, String)] {
        var all = params.filter { !computedParams.contains($0.0) }
        all += [
            ("AccessKeyId", credentials.accessKeyId), ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"), ("SignatureNonce", nonce),
            ("Timestamp", SignatureV3.formatTimestamp(date)), ("Format", format),
        ]
        if let token = credentials.securityToken { all.append(("SecurityToken", token)) }
        let named = all.map { (name: $0.0, value: $0.1) }
        let sig = signature(
            stringToSign: stringToSign(method: method, params: named),
            secret: credentials.accessKeySecret)
        return all + [("Signature", sig)]
    }
}

// MARK: - Timestamps shared by both schemes

extension SignatureV3 {
    /// Formats `date` as `yyyy-MM-ddTHH:mm:ssZ` in UTC (V3 `x-acs-date`, V1 `Timestamp`).
    ///
    /// Pure arithmetic on the Unix time (no shared formatter, no locale), so it is thread-safe.
    /// Fractional seconds are truncated; years are clamped to 0001...9999.
    public static func formatTimestamp(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        let secs = t.isFinite ? Int64(min(max(t, -62_135_596_800), 253_402_300_799).rounded(.down)) : 0
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = Int(secs - days * 86_400)
        let (y, m, d) = civil(fromDays: days)
        var out = [UInt8]()
        out.reserveCapacity(20)
        func put(_ v: Int, _ width: Int) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var v = v
            for i in stride(from: width - 1, through: 0, by: -1) {
                digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            out += digits
        }
        put(Int(y), 4)
        out.append(UInt8(ascii: "-"))
        put(m, 2)
        out.append(UInt8(ascii: "-"))
        put(d, 2)
        out.append(UInt8(ascii: "T"))
        put(rem / 3600, 2)
        out.append(UInt8(ascii: ":"))
        put(rem / 60 % 60, 2)
        out.append(UInt8(ascii: ":"))
        put(rem % 60, 2)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Proleptic Gregorian (year, month, day) of a day count since 1970-01-01 (H. Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
