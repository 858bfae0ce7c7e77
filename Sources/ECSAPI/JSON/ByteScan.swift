/// Eight bytes at a time: whether a word of string contents needs no attention, so that the reader and the
/// writer can skip or copy it whole. Each test is exact about whether some byte matches (not which one); a
/// word that fails is handled byte by byte as before.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte is zero.
    @inline(__always)
    private static func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }

    /// Some byte equals `byte`.
    @inline(__always)
    private static func has(_ x: UInt64, _ byte: UInt8) -> Bool { hasZero(x ^ (ones &* UInt64(byte))) }

    /// Some byte is below `n` (n at most 128).
    @inline(__always)
    private static func hasBelow(_ x: UInt64, _ n: UInt8) -> Bool { (x &- ones &* UInt64(n)) & ~x & highs != 0 }

    /// Plain ASCII string contents for the reader: no quote, backslash, control character or non-ASCII byte.
    @inline(__always)
    static func isPlainForReading(_ x: UInt64) -> Bool {
        x & highs == 0 && !hasBelow(x, 0x20) && !has(x, 0x22) && !has(x, 0x5C)
    }

    /// Bytes the writer copies as they are: no quote, backslash, control character or DEL, and no lead byte of
    /// a character it escapes (`0xC2` of the C1 controls, `0xE2` of U+2028 and the bidi controls); other UTF-8 passes.
    @inline(__always)
    static func isPlainForWriting(_ x: UInt64) -> Bool {
        !hasBelow(x, 0x20) && !has(x, 0x22) && !has(x, 0x5C) && !has(x, 0x7F) && !has(x, 0xC2) && !has(x, 0xE2)
    }

    /// The character at `bytes[i]` if the writers escape it although JSON allows it raw: a C1 control
    /// (U+0080-U+009F, where U+009B is a one-byte CSI to some terminals), U+2028/U+2029 (line breaks to
    /// JavaScript), or a bidi mark, override or isolate (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069). Written
    /// as `\uXXXX`, the text parses to the same value but cannot act on a terminal that shows it. `nil` for
    /// anything else (the caller handles ASCII; other UTF-8 is copied).
    @inline(__always)
    static func escapedScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt16, length: Int)? {
        let b = bytes[i]
        if b == 0xC2 {
            guard i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) else { return nil }
            return (UInt16(bytes[i + 1]), 2)
        }
        guard b == 0xE2, i + 2 < bytes.count else { return nil }
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        let hit =
            (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2)))
            || (b1 == 0x81 && (0xA6...0xA9).contains(b2))
        guard hit else { return nil }
        return (0x2000 | UInt16(b1 & 0x3F) << 6 | UInt16(b2 & 0x3F), 3)
    }
}
