import ECSAPI
import Foundation

/// Faster equivalents of the two `SignatureV3` steps a server repeats on every call: parsing the
/// `Authorization` header and rebuilding the canonical request. `SignatureV3`'s general code trims with
/// Foundation's Unicode character sets and walks `Character`s, which was a third of the simulator's time on a
/// small call. Each fast path handles only inputs on which it provably gives the same answer (printable ASCII,
/// which is what every SDK sends) and hands anything else to `SignatureV3` itself; the tests compare both.
enum V3FastPath {
    /// `SignatureV3.AuthorizationHeader.parse(value)`.
    static func parseAuthorization(_ value: String) -> SignatureV3.AuthorizationHeader? {
        let bytes = value.utf8
        let algorithm = SignatureV3.algorithm.utf8
        // Plain form: the algorithm, one space, then printable ASCII with no space. Nothing to trim, and every
        // `Character` is one byte, so splitting bytes splits exactly as the general parser does.
        guard bytes.count > algorithm.count + 1, bytes.starts(with: algorithm),
            bytes[bytes.index(bytes.startIndex, offsetBy: algorithm.count)] == 0x20,
            bytes.dropFirst(algorithm.count + 1).allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return SignatureV3.AuthorizationHeader.parse(value) }
        var credential: Substring?
        var signedHeaders: Substring?
        var signature: Substring?
        for part in value.dropFirst(algorithm.count + 1).split(separator: ",", omittingEmptySubsequences: false) {
            guard let eq = part.firstIndex(of: "=") else { return nil }
            let key = part[..<eq]
            let field = part[part.index(after: eq)...]
            guard !field.isEmpty else { return nil }
            switch key {
            case "Credential" where credential == nil: credential = field
            case "SignedHeaders" where signedHeaders == nil: signedHeaders = field
            case "Signature" where signature == nil: signature = field
            default: return nil
            }
        }
        guard let credential, let signedHeaders, let signature else { return nil }
        let names = signedHeaders.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !names.contains(where: \.isEmpty) else { return nil }
        return SignatureV3.AuthorizationHeader(
            accessKeyId: String(credential), signedHeaders: names, signature: String(signature))
    }

    /// `SignatureV3.expectedSignature(...)`, with the same canonical request.
    static func expectedSignature(
        method: String, path: String, query: [(name: String, value: String)],
        headers: [String: String], signedHeaders: [String], bodySHA256Hex: String,
        secret: String
    ) -> String {
        var text = method + "\n" + (path.isEmpty ? "/" : path) + "\n" + SignatureV3.canonicalQuery(query) + "\n"
        for name in signedHeaders {
            let value = headers[name] ?? headers[name.lowercased()] ?? ""
            text += name + ":" + trimmed(value) + "\n"
        }
        text += "\n" + signedHeaders.joined(separator: ";") + "\n" + bodySHA256Hex
        return SignatureV3.signature(stringToSign: SignatureV3.stringToSign(canonicalRequest: text), secret: secret)
    }

    /// `value.trimmingCharacters(in: .whitespacesAndNewlines)`: a value that starts and ends with printable
    /// ASCII has nothing to trim; only the others go through Foundation.
    static func trimmed(_ value: String) -> String {
        guard let first = value.utf8.first, let last = value.utf8.last else { return value }
        if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return value }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
