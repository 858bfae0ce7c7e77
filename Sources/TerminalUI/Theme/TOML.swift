/// A value in the TOML subset themes use.
public enum TOMLValue: Hashable, Sendable, CustomStringConvertible {
    /// `"text"` or `'text'`.
    case string(String)
    /// `123`, `-4`, `1_000`.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)

    /// The value as it would be written.
    public var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .integer(let n): return String(n)
        case .boolean(let b): return String(b)
        }
    }
}

/// One `key = value` line.
public struct TOMLEntry: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: TOMLValue
    /// The 1-based line it was on.
    public var line: Int

    /// Creates an entry.
    public init(key: String, value: TOMLValue, line: Int) { self.key = key; self.value = value; self.line = line }
}

/// A `[table.name]` section and its entries (the root table has the name "").
public struct TOMLTable: Hashable, Sendable {
    /// The dotted name as written, without brackets.
    public var name: String
    /// The 1-based line of the header (0 for the root table).
    public var line: Int
    /// Entries in file order.
    public var entries: [TOMLEntry]

    /// Creates a table.
    public init(name: String, line: Int, entries: [TOMLEntry]) { self.name = name; self.line = line; self.entries = entries }
}

/// A syntax error in a TOML file: where and what.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// What is wrong.
    public var message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }

    /// Creates an error.
    public init(line: Int, message: String) { self.line = line; self.message = message }
}

/// A parser for the subset of TOML that theme files use: `#` comments, `[table.name]` headers, and
/// `key = "string"` / `'literal'` / integer / `true` / `false` entries. Arrays, inline tables, dates, floats and
/// multi-line strings are rejected with an error naming the line.
public enum TOML {
    /// Parses a document into its tables, root first. Throws `TOMLError`.
    public static func parse(_ text: String) throws(TOMLError) -> [TOMLTable] {
        var tables = [TOMLTable(name: "", line: 0, entries: [])]
        var seenTables: Set<String> = [""]
        var seenKeys: Set<String> = []
        var lineNumber = 0
        // Split on scalars: "\r\n" is a single Character, so splitting the String would not break it.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var scanner = Scanner(Array(rawLine), line: lineNumber)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                if scanner.peek == "[" { throw scanner.error("arrays of tables ([[...]]) are not supported") }
                let name = try scanner.dottedKey()
                scanner.skipSpaces()
                guard scanner.peek == "]" else { throw scanner.error("expected ']' to close the table header") }
                scanner.advance()
                try scanner.expectEnd()
                guard seenTables.insert(name).inserted else { throw scanner.error("table [\(name)] is defined twice") }
                tables.append(TOMLTable(name: name, line: lineNumber, entries: []))
                seenKeys = []
                continue
            }
            let key = try scanner.dottedKey()
            scanner.skipSpaces()
            guard scanner.peek == "=" else { throw scanner.error("expected '=' after key '\(key)'") }
            scanner.advance()
            scanner.skipSpaces()
            let value = try scanner.value()
            try scanner.expectEnd()
            guard seenKeys.insert(key).inserted else {
                let table = tables[tables.count - 1].name
                throw scanner.error("key '\(key)' is set twice" + (table.isEmpty ? "" : " in [\(table)]"))
            }
            tables[tables.count - 1].entries.append(TOMLEntry(key: key, value: value, line: lineNumber))
        }
        return tables
    }

    /// Reads one line of TOML.
    struct Scanner {
        let chars: [Unicode.Scalar]
        let line: Int
        var i = 0

        init(_ chars: [Unicode.Scalar], line: Int) {
            // Tolerate Windows line endings.
            self.chars = chars.last == "\r" ? Array(chars.dropLast()) : chars
            self.line = line
        }

        var peek: Unicode.Scalar? { i < chars.count ? chars[i] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" }
        mutating func advance() { i += 1 }
        mutating func skipSpaces() { while peek == " " || peek == "\t" { i += 1 } }
        func error(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

        mutating func expectEnd() throws(TOMLError) {
            skipSpaces()
            guard atEndOrComment else { throw error("unexpected text after the value: '\(rest)'") }
        }

        var rest: String { String(String.UnicodeScalarView(chars[i...])) }

        static func isBare(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }

        mutating func dottedKey() throws(TOMLError) -> String {
            var parts: [String] = []
            while true {
                skipSpaces()
                if peek == "\"" || peek == "'" {
                    parts.append(try quoted())
                } else {
                    let start = i
                    while let c = peek, Self.isBare(c) { i += 1 }
                    guard i > start else {
                        if let c = peek { throw error("unexpected character '\(c)' where a key was expected") }
                        throw error("a key is missing")
                    }
                    parts.append(String(String.UnicodeScalarView(chars[start..<i])))
                }
                skipSpaces()
                guard peek == "." else { return parts.joined(separator: ".") }
                i += 1
            }
        }

        mutating func value() throws(TOMLError) -> TOMLValue {
            guard let c = peek, c != "#" else { throw error("a value is missing after '='") }
            if c == "\"" || c == "'" { return .string(try quoted()) }
            let start = i
            while let c = peek, c != " " && c != "\t" && c != "#" { i += 1 }
            let word = String(String.UnicodeScalarView(chars[start..<i]))
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            if word.first == "[" { throw error("arrays are not supported (value '\(word)')") }
            if word.first == "{" { throw error("inline tables are not supported (value '\(word)')") }
            let digits = word.filter { $0 != "_" }
            if !word.hasPrefix("_"), !word.hasSuffix("_"), !word.contains("__"), let n = Int(digits) {
                return .integer(n)
            }
            throw error("'\(word)' is not a string, integer or boolean (strings need quotes)")
        }

        mutating func quoted() throws(TOMLError) -> String {
            let quote = chars[i]
            if i + 2 < chars.count, chars[i + 1] == quote, chars[i + 2] == quote {
                throw error("multi-line strings are not supported")
            }
            i += 1
            var out = String.UnicodeScalarView()
            while let c = peek {
                i += 1
                if c == quote { return String(out) }
                if c == "\\" && quote == "\"" { out.append(try escape()) } else { out.append(c) }
            }
            throw error("unterminated string (missing closing \(quote))")
        }

        mutating func escape() throws(TOMLError) -> Unicode.Scalar {
            guard let c = peek else { throw error("unterminated string (ends with '\\')") }
            i += 1
            switch c {
            case "\"": return "\""
            case "\\": return "\\"
            case "n": return "\n"
            case "t": return "\t"
            case "r": return "\r"
            case "u", "U":
                let count = c == "u" ? 4 : 8
                guard i + count <= chars.count,
                      let v = UInt32(String(String.UnicodeScalarView(chars[i..<(i + count)])), radix: 16),
                      let scalar = Unicode.Scalar(v) else {
                    throw error("bad \\\(c) escape: expected \(count) hex digits naming a Unicode scalar")
                }
                i += count
                return scalar
            default: throw error("unknown escape '\\\(c)'")
            }
        }
    }
}
