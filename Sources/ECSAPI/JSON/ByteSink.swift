/// A growable byte buffer for the hot JSON writers. Appending checks the room left with one comparison; an
/// `Array` append also checks uniqueness and goes through more calls, which dominated writing 17 MB of JSON.
/// Noncopyable, so the memory has exactly one owner and is freed when it goes away.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    mutating func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }

    /// A JSON string literal: quotes, and the escapes `JSONWriter.writeString` makes (`"`, `\`, control
    /// characters, DEL, and the characters `ByteScan.escapedScalar` names), so both write the same bytes.
    mutating func appendJSONString(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ appendJSONString(utf8: $0) }) == nil {
            var copy = s
            copy.withUTF8 { appendJSONString(utf8: $0) }
        }
    }

    private mutating func appendJSONString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        reserve(2 + 6 * bytes.count) // the worst case: every byte as \u00XX
        base[count] = 0x22
        count += 1
        var i = 0
        if let source = bytes.baseAddress {
            let raw = UnsafeRawPointer(source)
            while i + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                guard ByteScan.isPlainForWriting(word) else { break }
                UnsafeMutableRawPointer(base + count).storeBytes(of: word, as: UInt64.self)
                i += 8
                count += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b >= 0x20, b != 0x22, b != 0x5C, b != 0x7F {
                if b == 0xC2 || b == 0xE2, let (value, length) = ByteScan.escapedScalar(bytes, at: i - 1) {
                    // Six bytes out for two or three in: within the room reserved above.
                    base[count] = 0x5C
                    base[count + 1] = UInt8(ascii: "u")
                    base[count + 2] = Self.hex[Int(value >> 12)]
                    base[count + 3] = Self.hex[Int(value >> 8 & 0xF)]
                    base[count + 4] = Self.hex[Int(value >> 4 & 0xF)]
                    base[count + 5] = Self.hex[Int(value & 0xF)]
                    count += 6
                    i += length - 1
                    continue
                }
                base[count] = b
                count += 1
                continue
            }
            base[count] = 0x5C
            switch b {
            case 0x22:
                base[count + 1] = 0x22
                count += 2
            case 0x5C:
                base[count + 1] = 0x5C
                count += 2
            case 0x0A:
                base[count + 1] = UInt8(ascii: "n")
                count += 2
            case 0x0D:
                base[count + 1] = UInt8(ascii: "r")
                count += 2
            case 0x09:
                base[count + 1] = UInt8(ascii: "t")
                count += 2
            default:
                base[count + 1] = UInt8(ascii: "u")
                base[count + 2] = 0x30
                base[count + 3] = 0x30
                base[count + 4] = Self.hex[Int(b >> 4)]
                base[count + 5] = Self.hex[Int(b & 0xF)]
                count += 6
            }
        }
        base[count] = 0x22
        count += 1
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A new line and `spaces` spaces.
    mutating func appendNewline(indentedBy spaces: Int) {
        reserve(1 + spaces)
        base[count] = 0x0A
        (base + count + 1).initialize(repeating: 0x20, count: spaces)
        count += 1 + spaces
    }

    /// A JSON integer.
    mutating func appendInt(_ n: Int) {
        if n >= 0, n < 10 {
            append(UInt8(ascii: "0") + UInt8(n))
        } else {
            var text = String(n)
            text.withUTF8 { append($0) }
        }
    }

    /// The bytes written, copied out.
    func bytes() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
