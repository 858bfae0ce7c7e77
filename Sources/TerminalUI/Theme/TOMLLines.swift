/// Where each header and key of a TOML file is, by full dotted path: TOMLKit gives values but not positions, and
/// messages about a file's meaning (an unknown role, a colliding key) must name the line. The file has already
/// been parsed, so this only has to recognise header and `key =` lines, not validate them.
struct TOMLLines {
    private var headers: [[String]: Int] = [:]
    private var keys: [[String]: Int] = [:]

    init(_ text: String) {
        var section: [String] = []
        var inMultilineString = false
        var number = 0
        // Split on scalars: "\r\n" is a single Character, so splitting the String would not break it.
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = Substring(String(String.UnicodeScalarView(raw))).drop { $0 == " " || $0 == "\t" }
            // A line inside a multi-line string says nothing about keys; `"""` or `'''` an odd number of times
            // opens or closes one.
            let quotes = line.occurrences(of: "\"\"\"") + line.occurrences(of: "'''")
            let wasInString = inMultilineString
            if quotes % 2 == 1 { inMultilineString.toggle() }
            if wasInString { continue }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                let inner = line.dropFirst(isArray ? 2 : 1)
                guard let parts = Self.dottedKey(inner, until: "]") else { continue }
                section = parts
                if isArray {
                    keys[parts] = keys[parts] ?? number
                } else if headers[parts] == nil {
                    headers[parts] = number
                }
                continue
            }
            // A dotted key (`a.b = 1`) also defines the tables it names (`a`).
            if let parts = Self.dottedKey(line[...], until: "=") {
                for count in 1...parts.count where keys[section + parts.prefix(count)] == nil {
                    keys[section + parts.prefix(count)] = number
                }
            }
        }
    }

    /// The line of the key or header at `path`, else of the nearest enclosing one (a key set in an inline table
    /// is found at the line of the table's key), else 1.
    func line(of path: [String]) -> Int {
        var path = path
        while !path.isEmpty {
            if let line = keys[path] ?? headers[path] { return line }
            path.removeLast()
        }
        return 1
    }

    /// True when the file writes `[path]` itself, or sets `path` as an inline table.
    func hasHeader(_ path: [String]) -> Bool { headers[path] != nil || keys[path] != nil }

    /// The parts of a dotted key (`a."b.c".d`) at the start of `text`, ending at `terminator`; nil when the text
    /// does not start that way.
    static func dottedKey(_ text: Substring, until terminator: Character) -> [String]? {
        var parts: [String] = []
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                rest = rest.dropFirst()
                var part = ""
                while let c = rest.first, c != first {
                    rest = rest.dropFirst()
                    if c == "\\", first == "\"", let next = rest.first {
                        rest = rest.dropFirst()
                        part.append(next) // enough to compare keys; real escapes are the parser's job
                    } else {
                        part.append(c)
                    }
                }
                guard rest.first == first else { return nil }
                rest = rest.dropFirst()
                parts.append(part)
            } else {
                let bare = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.first == "." {
                rest = rest.dropFirst()
                continue
            }
            return rest.first == terminator ? parts : nil
        }
    }
}

extension Substring {
    /// How many times `needle` occurs, without overlaps.
    fileprivate func occurrences(of needle: String) -> Int {
        let bytes = Array(utf8)
        let target = Array(needle.utf8)
        var count = 0
        var i = 0
        while i + target.count <= bytes.count {
            if bytes[i..<(i + target.count)].elementsEqual(target) {
                count += 1
                i += target.count
            } else {
                i += 1
            }
        }
        return count
    }
}
