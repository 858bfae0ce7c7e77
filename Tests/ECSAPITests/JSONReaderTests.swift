import Testing

@testable import ECSAPI

/// The byte-level reader behind `JSONValue(parsing:)`: what it accepts, what it rejects, and what it decodes.
@Suite struct JSONReaderTests {
    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u4e2d""#, "Aé中"),
        (#""\ud83d\ude00 and \uD83D\uDE00""#, "😀 and 😀"),
        ("\"订单服务-01 é 😀\"", "订单服务-01 é 😀"),
        (#""mixed 中\u0041 raw""#, "mixed 中A raw"),
        (#""""#, ""),
    ])
    func decodesStrings(_ text: String, _ expected: String) throws {
        #expect(try JSONValue(parsing: text) == .string(expected))
        // The same text as a member name (names are kept in place when they have no escapes).
        let object = try JSONValue(parsing: "{\(text): 1}")
        #expect(object.objectValue?.first?.0 == expected)
    }

    @Test(
        arguments: [
            [0x22, 0xC0, 0x80, 0x22], // overlong NUL
            [0x22, 0xC1, 0xBF, 0x22], // overlong
            [0x22, 0xE0, 0x80, 0x80, 0x22], // overlong 3-byte
            [0x22, 0xED, 0xA0, 0x80, 0x22], // UTF-16 surrogate encoded in UTF-8
            [0x22, 0xF0, 0x80, 0x80, 0x80, 0x22], // overlong 4-byte
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
            [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], // invalid lead byte
            [0x22, 0x80, 0x22], // lone continuation byte
            [0x22, 0xE4, 0xB8, 0x22], // truncated sequence
            [0x22, 0xE4, 0x41, 0xAD, 0x22], // non-continuation inside
            [0x22, 0xFF, 0x22],
            [0x22, 0x5C, 0x6E, 0xC3, 0x22], // invalid after an escape (slow path)
            [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], // in a member name
            [0x22, 0xE4, 0xB8], // truncated at the end of input
        ] as [[UInt8]])
    func rejectsInvalidUTF8(_ bytes: [UInt8]) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: bytes) }
    }

    @Test func acceptsEveryUTF8Length() throws {
        let bytes: [UInt8] = [
            0x22, 0x41, 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, 0x22,
        ]
        #expect(try JSONValue(parsing: bytes) == .string("Aé中😀\u{10FFFF}"))
    }

    @Test(arguments: [
        #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#, #""\u12""#, #""\u12G4""#, #""\q""#,
        "\"tab\there\"", "\"line\nbreak\"", #""unterminated"#, #""esc\"#,
    ])
    func rejectsBadEscapesAndControlCharacters(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
    }

    @Test(arguments: ["0", "-0", "12", "-3.25", "1e5", "1E+5", "2.5e-3", "007"])
    func keepsNumberText(_ text: String) throws {
        #expect(try JSONValue(parsing: text) == .number(text))
        #expect(try JSONValue(parsing: "[\(text)]").arrayValue?.first?.stringValue == text)
    }

    @Test(arguments: ["-", "+1", ".5", "1.", "1.e3", "1e", "1e+", "0x10", "--1", "1..2", "NaN", "Infinity"])
    func rejectsBadNumbers(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
    }

    @Test func emptyContainersDoNotConfuseTheirNeighbours() throws {
        let value = try JSONValue(parsing: #" { "a" : { } , "b" : [ ] , "c" : [ { } , [ ] , [ [ ] ] ] , "d" : 1 } "#)
        #expect(
            value
                == .object([
                    ("a", .object([])), ("b", .array([])),
                    ("c", .array([.object([]), .array([]), .array([.array([])])])), ("d", .number("1")),
                ]))
        #expect(try JSONValue(parsing: "[{},{}]") == .array([.object([]), .object([])]))
    }

    @Test(arguments: [
        "{,}", "[,]", "{\"a\":1,}", "[1,]", "[1 2]", "{\"a\":1 \"b\":2}", "{\"a\"}", "{1:2}", "[}", "{]", "{}}",
        "[[]", "{\"a\":{}", "", " ", "nul", "truex", "[true false]",
    ])
    func rejectsMalformedStructure(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONSyntaxError(offset: 6, reason: "expected ',' or '}'")) {
            try JSONValue(parsing: #"{"a":1]"#)
        }
        #expect(throws: JSONSyntaxError(offset: 2, reason: "invalid UTF-8")) {
            try JSONValue(parsing: [0x5B, 0x22, 0xFF, 0x22, 0x5D])
        }
    }

    @Test func readsNonContiguousInput() throws {
        let bytes = Array(#"{"k":["v",2]}"#.utf8)
        #expect(
            try JSONValue(parsing: bytes.lazy.map { $0 }) == .object([("k", .array([.string("v"), .number("2")]))]))
    }

    /// The reader and the writer look at eight bytes at a time; put each special byte at every position of
    /// strings long enough to cross several words, and compare with the byte-by-byte tree writer.
    @Test func specialBytesAtEveryPosition() throws {
        let specials: [String] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "é", "中", "😀", " ", "~"]
        for special in specials {
            for length in 0...24 {
                for position in 0...length {
                    let text =
                        String(repeating: "a", count: position) + special
                        + String(repeating: "b", count: length - position)
                    var sink = ByteSink(capacity: 1)
                    sink.appendJSONString(text)
                    let written = sink.bytes()
                    #expect(written == JSONValue.string(text).jsonBytes())
                    #expect(try JSONValue(parsing: written) == .string(text))
                }
            }
        }
    }

    @Test func invalidBytesAfterAPlainWordAreStillCaught() {
        for position in 0...20 {
            let bytes: [UInt8] =
                [0x22] + Array(repeating: 0x61, count: position) + [0xFF] + Array(repeating: 0x62, count: 9) + [0x22]
            #expect(throws: JSONSyntaxError(offset: 1 + position, reason: "invalid UTF-8")) {
                try JSONValue(parsing: bytes)
            }
            let control: [UInt8] =
                [0x22] + Array(repeating: 0x61, count: position) + [0x0A] + Array(repeating: 0x62, count: 9) + [0x22]
            #expect(throws: JSONSyntaxError(offset: 1 + position, reason: "control character in string")) {
                try JSONValue(parsing: control)
            }
        }
    }
}
