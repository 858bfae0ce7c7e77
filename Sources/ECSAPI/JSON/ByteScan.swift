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

    /// Bytes the writer copies as they are: no quote, backslash, control character or DEL (UTF-8 passes).
    @inline(__always)
    static func isPlainForWriting(_ x: UInt64) -> Bool {
        !hasBelow(x, 0x20) && !has(x, 0x22) && !has(x, 0x5C) && !has(x, 0x7F)
    }
}
