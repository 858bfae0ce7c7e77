/// RFC 3986 percent-encoding as used by both Alibaba Cloud signature schemes, plus the
/// `application/x-www-form-urlencoded` decoding a server needs to read query strings and form bodies.
public enum PercentEncoding {
    /// Lower-case hexadecimal digits, as ASCII bytes.
    static let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether `byte` is in the RFC 3986 unreserved set `A-Z a-z 0-9 - _ . ~`.
    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Percent-encodes `s` per RFC 3986: `A-Z a-z 0-9 - _ . ~` are kept, every other UTF-8 byte
    /// becomes `%XY` with upper-case hex (space is `%20`, `*` is `%2A`, never `+`).
    ///
    /// Works on the UTF-8 bytes and builds the result in one allocation.
    public static func encode(_ s: String) -> String {
        if let fast = s.utf8.withContiguousStorageIfAvailable({ encode(bytes: $0) }) { return fast ?? s }
        var copy = s
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable({ encode(bytes: $0) }).flatMap { $0 } ?? copy
    }

    /// Encodes `bytes`; `nil` when every byte is unreserved (the input can be returned as is).
    static func encode(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var escapes = 0
        for byte in bytes where !isUnreserved(byte) { escapes += 1 }
        if escapes == 0 { return nil }
        return String(unsafeUninitializedCapacity: bytes.count + 2 * escapes) { buffer in
            var i = 0
            for byte in bytes {
                if isUnreserved(byte) {
                    buffer[i] = byte
                    i += 1
                } else {
                    let hi = byte >> 4
                    let lo = byte & 0x0F
                    buffer[i] = UInt8(ascii: "%")
                    buffer[i + 1] = hi < 10 ? hi + 48 : hi + 55
                    buffer[i + 2] = lo < 10 ? lo + 48 : lo + 55
                    i += 3
                }
            }
            return i
        }
    }

    /// Decodes `application/x-www-form-urlencoded` text: `+` is a space and `%XY` is the byte `0xXY`.
    ///
    /// - Returns: the decoded string, or `nil` if a `%` is not followed by two hex digits or the
    ///   decoded bytes are not valid UTF-8.
    public static func formDecode<S: StringProtocol>(_ s: S) -> String? {
        let utf8 = s.utf8
        if !utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            return String(s)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var it = utf8.makeIterator()
        while let byte = it.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let hi = it.next().flatMap(hexValue), let lo = it.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(hi << 4 | lo)
            default:
                bytes.append(byte)
            }
        }
        return validUTF8String(bytes)
    }

    /// Splits a raw query string (or form body) into decoded name/value pairs, in order.
    ///
    /// Segments are separated by `&` and split on their first `=`; a segment without `=` has an
    /// empty value; empty segments are skipped. Names and values are form-decoded.
    /// - Returns: the pairs, or `nil` if any name or value cannot be decoded.
    public static func parseQuery(_ raw: String) -> [(name: String, value: String)]? {
        var result: [(name: String, value: String)] = []
        for segment in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let name: String?
            let value: String?
            if let eq = segment.firstIndex(of: "=") {
                name = formDecode(segment[..<eq])
                value = formDecode(segment[segment.index(after: eq)...])
            } else {
                name = formDecode(segment)
                value = ""
            }
            guard let name, let value else { return nil }
            result.append((name: name, value: value))
        }
        return result
    }

    /// The value of one ASCII hex digit (either case), or `nil`.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// `bytes` as a `String` if they are valid UTF-8, else `nil` (no replacement characters).
    static func validUTF8String(_ bytes: [UInt8]) -> String? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lower-case hex of `bytes` (for digests and signatures), built in one allocation.
    static func lowerHexString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var i = 0
            for byte in bytes {
                buffer[i] = lowerHex[Int(byte >> 4)]
                buffer[i + 1] = lowerHex[Int(byte & 0x0F)]
                i += 2
            }
            return i
        }
    }
}
