import TerminalUI

/// A plain-text table that fits the terminal: cells are sanitised, widths count display columns (CJK names
/// align), and when the table is too wide the lowest-priority columns are dropped, then the widest shrunk.
struct TableWriter {
    struct Column {
        var title: String
        /// Lower drops first when the table is too wide; below 0 the column is never shown.
        var priority: Int
        var minWidth = 4
        var alignRight = false
    }

    var columns: [Column]
    var rows: [[String]] = []

    mutating func add(_ row: [String]) { rows.append(row.map(Sanitizer.clean)) }

    func render(width: Int?) -> String {
        var visible = columns.indices.filter { columns[$0].priority >= 0 }
        var widths = columns.indices.map { c in max(DisplayWidth.of(columns[c].title), rows.map { DisplayWidth.of($0[c]) }.max() ?? 0) }
        func total() -> Int { visible.map { widths[$0] }.reduce(0, +) + 2 * max(0, visible.count - 1) }
        if let width {
            while total() > width, visible.count > 1,
                  let drop = visible.filter({ columns[$0].priority < 100 }).min(by: { columns[$0].priority < columns[$1].priority }) {
                visible.removeAll { $0 == drop }
            }
            while total() > width, let widest = visible.max(by: { widths[$0] < widths[$1] }), widths[widest] > columns[widest].minWidth {
                widths[widest] -= 1
            }
        }
        var lines: [String] = []
        func line(_ cells: [String]) -> String {
            var s = visible.map { DisplayWidth.pad(cells[$0], columns: widths[$0], alignRight: columns[$0].alignRight) }.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        lines.append(line(columns.map(\.title)))
        for row in rows { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }
}
