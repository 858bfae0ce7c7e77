import TOMLKit

/// One `key = value` setting of a TOML file, with the line it is on.
public struct TOMLEntry: Hashable, Sendable {
    /// The values settings may have: what theme and config files use.
    public enum Value: Hashable, Sendable, CustomStringConvertible {
        /// `"text"` or `'text'`.
        case string(String)
        /// `123`, `-4`, `1_000`.
        case integer(Int)
        /// `true` or `false`.
        case boolean(Bool)
        /// `["space", "x"]`.
        case array([Value])

        /// The value as it would be written.
        public var description: String {
            switch self {
            case .string(let s): return "\"\(s)\""
            case .integer(let n): return String(n)
            case .boolean(let b): return String(b)
            case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
            }
        }
    }

    /// The key (a dotted key inside a section keeps its dots: `a.b`).
    public var key: String
    /// The value.
    public var value: Value
    /// The 1-based line it was on.
    public var line: Int

    /// Creates an entry.
    public init(key: String, value: Value, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}

/// A `[section.name]` table and its settings (the root table has the name "").
public struct TOMLSection: Hashable, Sendable {
    /// The dotted name, without brackets or quotes.
    public var name: String
    /// The 1-based line of the header (0 for the root table).
    public var line: Int
    /// Settings in file order.
    public var entries: [TOMLEntry]

    /// Creates a section.
    public init(name: String, line: Int, entries: [TOMLEntry]) {
        self.name = name
        self.line = line
        self.entries = entries
    }
}

/// A TOML file that cannot be read: where and what.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// What is wrong.
    public var message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Reads theme and config files with TOMLKit (TOML 1.0), as sections of settings that know their lines, so that a
/// file's meaning can be checked with messages naming the line.
public enum TOML {
    /// Parses a document into its sections, root first, then in file order. A section is listed when the file
    /// writes its header or sets a value in it; tables that exist only as a dotted prefix (`status` in
    /// `[status.running]`) are not. Floats, dates and arrays of tables are reported as unsupported.
    public static func parse(_ text: String) throws(TOMLError) -> [TOMLSection] {
        let root: TOMLKit.TOMLTable
        do {
            root = try TOMLKit.TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLError(line: max(1, error.source.begin.line), message: error.description)
        } catch {
            throw TOMLError(line: 1, message: "\(error)")
        }
        let lines = TOMLLines(text)
        var sections: [TOMLSection] = []
        try collect(root, path: [], lines: lines, into: &sections)
        let rootIndex = sections.firstIndex { $0.name.isEmpty } ?? 0
        let rootSection = sections.remove(at: rootIndex)
        return [rootSection] + sections.sorted { $0.line < $1.line }
    }

    private static func collect(
        _ table: TOMLKit.TOMLTable, path: [String], lines: TOMLLines,
        into sections: inout [TOMLSection]
    ) throws(TOMLError) {
        let line = path.isEmpty ? 0 : lines.line(of: path)
        var section = TOMLSection(name: path.joined(separator: "."), line: line, entries: [])
        var children: [(String, TOMLKit.TOMLTable)] = []
        for (key, value) in table {
            if let child = value.table, value.type == .table {
                children.append((key, child))
                continue
            }
            let entryLine = lines.line(of: path + [key])
            section.entries.append(
                TOMLEntry(
                    key: key, value: try convert(value, key: key, line: entryLine),
                    line: entryLine))
        }
        section.entries.sort { $0.line < $1.line }
        if path.isEmpty || !section.entries.isEmpty || lines.hasHeader(path) || table.inline {
            sections.append(section)
        }
        for (key, child) in children {
            try collect(child, path: path + [key], lines: lines, into: &sections)
        }
    }

    private static func convert(
        _ value: any TOMLValueConvertible, key: String,
        line: Int
    ) throws(TOMLError) -> TOMLEntry.Value {
        switch value.type {
        case .string: if let s = value.string { return .string(s) }
        case .int: if let n = value.int { return .integer(n) }
        case .bool: if let b = value.bool { return .boolean(b) }
        case .array:
            if let array = value.array {
                var values: [TOMLEntry.Value] = []
                for element in array {
                    guard element.type != .table else {
                        throw TOMLError(
                            line: line, message: "'\(key)' is an array of tables, which is not supported here")
                    }
                    values.append(try convert(element, key: key, line: line))
                }
                return .array(values)
            }
        default: break
        }
        throw TOMLError(
            line: line,
            message: "'\(key)' is a \(value.type); expected a string, an integer, true/false "
                + "or an array of those")
    }
}
