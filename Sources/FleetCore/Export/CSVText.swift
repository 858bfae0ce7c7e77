import Foundation

/// Comma-separated values as RFC 4180 writes them: a header line, CRLF line ends, fields quoted when they hold
/// a comma or a quote. Cells come from instance names and API messages, which anyone with the
/// account can set, so control characters (line ends included) become spaces and a cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`) starts with `'` instead.
public struct CSVText: Sendable {
    public private(set) var text: String

    /// A table with these column names.
    public init(header: [String]) {
        text = ""
        add(header)
    }

    /// Appends one row.
    public mutating func add(_ row: [String]) {
        text += row.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// One field, made safe and quoted when needed.
    static func field(_ value: String) -> String {
        var cell = String(
            String.UnicodeScalarView(
                value.unicodeScalars.map { s in
                    s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) ? " " : s
                }))
        if let first = cell.first, "=+-@".contains(first) { cell = "'" + cell }
        guard cell.contains(",") || cell.contains("\"") else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
