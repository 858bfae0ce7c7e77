/// A forward-only cursor over the UTF-8 bytes of one JSON document (RFC 8259), the single place JSON is read.
///
/// `JSONValue(parsing:)` builds a tree with it; hot decoders (a `DescribeInstances` page) walk objects member by
/// member with `nextMember` and build their models without a tree. Strings are checked for UTF-8 correctness
/// as they are scanned (ASCII needs no further work), then copied once into a `String`. Depth is bounded so
/// hostile input cannot exhaust the stack.
///
/// The reader borrows the bytes: it must not outlive the `withReader` call that made it.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    static let maxDepth = 512

    /// Runs `body` with a reader over `bytes` (copied only when they are not contiguous already).
    static func withReader<T>(
        _ bytes: some Collection<UInt8>,
        _ body: (inout JSONReader) throws(JSONSyntaxError) -> T
    ) throws(JSONSyntaxError) -> T {
        func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<T, JSONSyntaxError> {
            var reader = JSONReader(bytes: buffer)
            do throws(JSONSyntaxError) { return .success(try body(&reader)) } catch { return .failure(error) }
        }
        if let result = bytes.withContiguousStorageIfAvailable(run) { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer(run).get()
    }

    func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, reason: reason) }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed; `nil` at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// After the document's one value: only whitespace may follow.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected trailing characters") }
    }

    // MARK: values

    mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var members: [(String, JSONValue)] = []
            try enterObject()
            while let key = try nextMember() { members.append((key.string(in: self), try readValue())) }
            return .object(members)
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            try enterArray()
            while try nextElement() { items.append(try readValue()) }
            return .array(items)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw fail("unexpected character")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end of input") }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { throw fail("invalid literal") }
        index += count
    }

    /// The literal text of a number. Leading zeros are accepted, as they always were here.
    mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard skipDigits() else { throw fail("invalid number") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { throw fail("invalid number") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard skipDigits() else { throw fail("invalid number") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Skips one or more digits; false when there is none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index > start
    }

    // MARK: objects and arrays, member by member

    /// A member name: where its bytes are when it had no escapes, else the decoded text.
    enum Key {
        case raw(Range<Int>)
        case decoded(String)

        func string(in reader: JSONReader) -> String {
            switch self {
            case .raw(let range):
                return String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[range]), as: UTF8.self)
            case .decoded(let s): return s
            }
        }
    }

    /// What the next `nextMember`/`nextElement` call is about to see: the first entry, an empty container
    /// (already closed), or the separator after an entry.
    private enum Position { case afterEntry, first, empty }
    private var position = Position.afterEntry

    /// At `{`: consumes it. Then call `nextMember` until it returns `nil`, reading each member's value in between.
    mutating func enterObject() throws(JSONSyntaxError) {
        try enterContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), what: "expected an object")
    }

    /// At `[`: consumes it. Then call `nextElement` until it returns false, reading each element in between.
    mutating func enterArray() throws(JSONSyntaxError) {
        try enterContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), what: "expected an array")
    }

    private mutating func enterContainer(open: UInt8, close: UInt8, what: String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == open else { throw fail(what) }
        depth += 1
        if depth > Self.maxDepth { throw fail("nesting too deep") }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            depth -= 1
            position = .empty
        } else {
            position = .first
        }
    }

    /// The next member's name, its `:` consumed (read its value next); `nil` once the object is closed.
    mutating func nextMember() throws(JSONSyntaxError) -> Key? {
        guard
            try advance(close: UInt8(ascii: "}"), unterminated: "unterminated object", expected: "expected ',' or '}'")
        else {
            return nil
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
        let key = try readKey()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
        index += 1
        return key
    }

    /// Whether another element follows (read it next); false once the array is closed.
    mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        try advance(close: UInt8(ascii: "]"), unterminated: "unterminated array", expected: "expected ',' or ']'")
    }

    /// Moves past the separator before the next entry; false when the container ends here.
    private mutating func advance(close: UInt8, unterminated: String, expected: String) throws(JSONSyntaxError) -> Bool
    {
        switch position {
        case .empty:
            position = .afterEntry
            return false
        case .first:
            position = .afterEntry
            return true
        case .afterEntry:
            skipWhitespace()
            guard index < bytes.count else { throw fail(unterminated) }
            if bytes[index] == close {
                index += 1
                depth -= 1
                return false
            }
            guard bytes[index] == UInt8(ascii: ",") else { throw fail(expected) }
            index += 1
            return true
        }
    }
}
