/// Renders a response tree as the vendor's XML: the root element is `<ActionResponse>`, every object member
/// becomes an element, and an array under a key repeats that key's element once per item (so the JSON wrapper
/// `{"InstanceResponses": {"InstanceResponse": [...]}}` becomes nested `<InstanceResponses><InstanceResponse>`).
public enum XMLWriter {
    /// A complete XML document with the given root element.
    public static func document(root: String, _ value: JSONValue) -> [UInt8] {
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        element(root, value, into: &out)
        return out
    }

    static func element(_ name: String, _ value: JSONValue, into out: inout [UInt8]) {
        if case .array(let items) = value {
            for item in items { element(name, item, into: &out) }
            return
        }
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        switch value {
        case .null, .array:
            out.append(contentsOf: "/>".utf8)
            return
        case .object(let members):
            out.append(UInt8(ascii: ">"))
            for (key, item) in members { element(key, item, into: &out) }
        case .bool(let b):
            out.append(UInt8(ascii: ">"))
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            out.append(UInt8(ascii: ">"))
            out.append(contentsOf: n.utf8)
        case .string(let s):
            if s.isEmpty {
                out.append(contentsOf: "/>".utf8)
                return
            }
            out.append(UInt8(ascii: ">"))
            escape(s, into: &out)
        }
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    /// Escapes markup characters and replaces characters XML 1.0 cannot carry with U+FFFD.
    static func escape(_ s: String, into out: inout [UInt8]) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&apos;".utf8)
            default:
                let v = scalar.value
                let allowed =
                    v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
                    || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
                out.append(contentsOf: String(allowed ? scalar : "\u{FFFD}").utf8)
            }
        }
    }
}
