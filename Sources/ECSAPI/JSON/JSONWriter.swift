extension JSONValue {
    /// Compact JSON as UTF-8 bytes.
    public func jsonBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSONWriter.write(self, into: &out, indent: nil, level: 0)
        return out
    }

    /// JSON text; `pretty` indents with two spaces.
    public func jsonText(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        JSONWriter.write(self, into: &out, indent: pretty ? 2 : nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }
}

enum JSONWriter {
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            if !items.isEmpty { newline(&out, indent, level) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(0x20) }
                write(item, into: &out, indent: indent, level: level + 1)
            }
            if !members.isEmpty { newline(&out, indent, level) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        let count = 1 + indent * level
        if count <= newlineAndSpaces.count {
            newlineAndSpaces.withUnsafeBufferPointer {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count]))
            }
        } else {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: count - 1))
        }
    }

    /// A newline and enough spaces for the usual depths, appended as one slice.
    private static let newlineAndSpaces: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 63)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, into: &out) }) == nil {
            var copy = s
            copy.withUTF8 { appendEscaped($0, into: &out) }
        }
        out.append(0x22)
    }

    /// String contents, escaped: `"`, `\\`, control characters and DEL, and as `\uXXXX` the C1 controls,
    /// U+2028/U+2029 and the bidi controls (`ByteScan.escapedScalar`), so that JSON shown on a terminal cannot act on it.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Copy runs that need no escaping in one go; escape the rest byte by byte.
        var runStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == 0xC2 || b == 0xE2, let (value, length) = ByteScan.escapedScalar(bytes, at: i - 1) {
                if runStart < i - 1 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(i - 1)])) }
                out.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), hex[Int(value >> 12)], hex[Int(value >> 8 & 0xF)],
                    hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)],
                ])
                i += length - 1
                runStart = i
                continue
            }
            guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
            if runStart < i - 1 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(i - 1)])) }
            runStart = i
            switch b {
            case 0x22:
                out.append(0x5C)
                out.append(0x22)
            case 0x5C:
                out.append(0x5C)
                out.append(0x5C)
            case 0x0A:
                out.append(0x5C)
                out.append(UInt8(ascii: "n"))
            case 0x0D:
                out.append(0x5C)
                out.append(UInt8(ascii: "r"))
            case 0x09:
                out.append(0x5C)
                out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
        }
        if runStart < bytes.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}
