extension JSONReader {
    /// At `"`: the string's text. Raw bytes must be valid UTF-8 (checked here, byte by byte, only for non-ASCII);
    /// escapes are decoded and `\u` surrogates must pair.
    mutating func readString() throws(JSONSyntaxError) -> String {
        switch try scan() {
        case .plain(let range): return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .escaped(let start): return try readEscapedRemainder(from: start)
        }
    }

    /// At `"`: a member name, left in place when it has no escapes (the common case, and no copy).
    mutating func readKey() throws(JSONSyntaxError) -> Key {
        switch try scan() {
        case .plain(let range): return .raw(range)
        case .escaped(let start): return .decoded(try readEscapedRemainder(from: start))
        }
    }

    /// How far `scan` got: the whole string, which had no escapes, or up to its first backslash.
    private enum Scan {
        case plain(Range<Int>)
        /// `index` is at the first backslash; the contents began at `from`.
        case escaped(from: Int)
    }

    /// At `"`: scans to the closing quote (consumed) or to the first backslash.
    private mutating func scan() throws(JSONSyntaxError) -> Scan {
        index += 1
        let start = index
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count,
                ByteScan.isPlainForReading(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
            }
        }
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return .plain(start..<(index - 1))
            }
            if b == UInt8(ascii: "\\") { return .escaped(from: start) }
            if b < 0x20 { throw fail("control character in string") }
            if b < 0x80 { index += 1 } else { index += try utf8SequenceLength(at: index) }
        }
        throw fail("unterminated string")
    }

    /// From the first backslash of the string whose contents began at `start`: decodes to the closing quote.
    private mutating func readEscapedRemainder(from start: Int) throws(JSONSyntaxError) -> String {
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw fail("unterminated escape") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): Self.appendUTF8(try readEscapedScalar(), to: &out)
                default: throw fail("invalid escape")
                }
            default:
                if b < 0x20 { throw fail("control character in string") }
                let length = b < 0x80 ? 1 : try utf8SequenceLength(at: index)
                out.append(contentsOf: bytes[index..<(index + length)])
                index += length
            }
        }
        throw fail("unterminated string")
    }

    /// After `\u`: one scalar, joining a surrogate pair; a lone surrogate is an error.
    private mutating func readEscapedScalar() throws(JSONSyntaxError) -> UInt32 {
        let first = try readHex4()
        switch first {
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw fail("unpaired surrogate")
            }
            index += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
            return 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw fail("unpaired surrogate")
        default:
            return first
        }
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A scalar (never a surrogate: `readEscapedScalar` rejects them) as UTF-8.
    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(scalar >> 6))
            out.append(0x80 | UInt8(scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(0xE0 | UInt8(scalar >> 12))
            out.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            out.append(0x80 | UInt8(scalar & 0x3F))
        default:
            out.append(0xF0 | UInt8(scalar >> 18))
            out.append(0x80 | UInt8(scalar >> 12 & 0x3F))
            out.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            out.append(0x80 | UInt8(scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing above
    /// U+10FFFF) that starts with the non-ASCII byte at `i`, or an error.
    private func utf8SequenceLength(at i: Int) throws(JSONSyntaxError) -> Int {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF // allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw JSONSyntaxError(offset: i, reason: "invalid UTF-8")
        }
        guard i + length <= bytes.count else { throw JSONSyntaxError(offset: i, reason: "invalid UTF-8") }
        let second = bytes[i + 1]
        guard second >= low, second <= high else { throw JSONSyntaxError(offset: i, reason: "invalid UTF-8") }
        for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 {
            throw JSONSyntaxError(offset: i, reason: "invalid UTF-8")
        }
        return length
    }
}
