import Testing

@testable import ECSAPI

/// The JSON writers escape, as `\uXXXX`, characters that JSON allows raw but a terminal showing the JSON could
/// act on: C1 controls (U+009B is a one-byte CSI), U+2028/U+2029, bidi marks, overrides and isolates.
@Suite("JSON escaping of C1, line separators and bidi controls")
struct JSONEscapingTests {
    static let escaped: [(String, String)] = [
        ("\u{80}", "\\u0080"), ("\u{9B}", "\\u009b"), ("\u{9F}", "\\u009f"), ("\u{85}", "\\u0085"),
        ("\u{2028}", "\\u2028"), ("\u{2029}", "\\u2029"), ("\u{200E}", "\\u200e"), ("\u{200F}", "\\u200f"),
        ("\u{202A}", "\\u202a"), ("\u{202E}", "\\u202e"), ("\u{2066}", "\\u2066"), ("\u{2069}", "\\u2069"),
    ]
    /// Characters whose UTF-8 starts with the same lead bytes (0xC2, 0xE2) but that stay raw.
    static let kept = [
        "\u{A0}", "\u{A9}", "\u{BF}", "\u{2014}", "\u{2027}", "\u{202F}", "\u{2065}", "\u{206A}", "\u{20AC}",
        "\u{2122}", "\u{2500}",
    ]

    /// Both writers (the tree's `JSONWriter` and the instance writer's `ByteSink`), with the character at every
    /// position of strings long enough to cross several eight-byte words.
    @Test("Each is written as \\uXXXX by both writers, at every position, and parses back to the same string")
    func escapes() throws {
        for (raw, escape) in Self.escaped {
            for length in 0...18 {
                for position in 0...length {
                    let text =
                        String(repeating: "a", count: position) + raw + String(repeating: "中", count: length - position)
                    let tree = JSONValue.string(text).jsonBytes()
                    var sink = ByteSink(capacity: 1)
                    sink.appendJSONString(text)
                    #expect(sink.bytes() == tree)
                    let written = String(decoding: tree, as: UTF8.self)
                    #expect(written.contains(escape), "\(escape) in \(written)")
                    #expect(!written.unicodeScalars.contains { $0 == raw.unicodeScalars.first! })
                    #expect(try JSONValue(parsing: tree) == .string(text))
                }
            }
        }
    }

    @Test("Neighbours that share the lead byte, and other UTF-8, are copied raw")
    func keepsTheRest() throws {
        for raw in Self.kept {
            let text = "x" + raw + "y" + raw
            let tree = JSONValue.string(text).jsonBytes()
            var sink = ByteSink(capacity: 1)
            sink.appendJSONString(text)
            #expect(sink.bytes() == tree)
            #expect(String(decoding: tree, as: UTF8.self) == "\"" + text + "\"")
        }
    }

    @Test("A name with a C1 CSI and a right-to-left override, as list --output json writes it")
    func instanceName() throws {
        let name = "web\u{9B}31mred\u{202E}gnp.exe"
        let json = JSONValue.object([("InstanceName", .string(name))]).jsonText()
        #expect(json == #"{"InstanceName":"web\u009b31mred\u202egnp.exe"}"#)
        #expect(try JSONValue(parsing: json)["InstanceName"]?.stringValue == name)
    }
}
