import TerminalUI

/// Short fields on one line, two spaces apart, continued on further lines (indented by two spaces) when they do
/// not fit the terminal. A field is never split; one wider than the terminal gets a line of its own.
enum FieldLine {
    static func wrap(_ fields: [String], width: Int?) -> [String] {
        guard let width else { return [fields.joined(separator: "  ")] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for field in fields {
            let w = DisplayWidth.of(field)
            if line.isEmpty {
                line = field
                used = w
            } else if used + 2 + w <= width {
                line += "  " + field
                used += 2 + w
            } else {
                lines.append(line)
                line = "  " + field
                used = 2 + w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
