import TerminalUI

/// A plain-text table that fits the terminal: cells are sanitised, widths count display columns (CJK names
/// align), capped columns are cut to their cap, flexible ones shrink, and when the table is still too wide the
/// lowest-priority columns are dropped, as on the screen (`ColumnFit`). A cut cell ends in `…`; a wide character
/// is never split.
struct TableWriter {
    struct Column {
        var title: String
        /// Lower drops first when the table is too wide (the right-most among equals); below 0 the column is
        /// never shown.
        var priority: Int
        var minWidth = 4
        /// When the table must fit a width: at most this many columns, and at most `maxShareTenths` tenths of the width
        /// (never below `minWidth`), so that one very long cell cannot push every other column out. Without a
        /// width (output to a file or a pipe) nothing is dropped, so nothing needs the room and cells stay whole.
        var maxWidth: Int?
        var alignRight = false
        /// Gives up its width (cells cut with `…`, down to `minWidth`) before any column is dropped: for a long
        /// free-text column such as MESSAGE, which would otherwise push out shorter columns of lower priority.
        var flexible = false
    }

    /// The share of the width a capped column may take, in tenths.
    static let maxShareTenths = 3

    var columns: [Column]
    var rows: [[String]] = []
    /// Each cell's display width, measured once (`render` needs it twice, and 10,000-row listings are common).
    private var widths: [[Int]] = []

    init(columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) {
        let cells = row.map(Sanitizer.clean)
        rows.append(cells)
        widths.append(cells.map(Self.displayWidth))
    }

    /// Sanitised ASCII (printable, as `Sanitizer` leaves it) takes one column a byte; anything else is measured.
    private static func displayWidth(_ cell: String) -> Int {
        var ascii = true
        for b in cell.utf8 where b >= 0x80 {
            ascii = false
            break
        }
        return ascii ? cell.utf8.count : DisplayWidth.of(cell)
    }

    func render(width: Int?) -> String { String(decoding: renderBytes(width: width), as: UTF8.self) }

    /// The table as UTF-8, lines separated (not ended) by a new line.
    func renderBytes(width: Int?) -> [UInt8] {
        var visible = columns.indices.filter { columns[$0].priority >= 0 }
        var columnWidths = columns.indices.map { c in
            max(DisplayWidth.of(columns[c].title), widths.lazy.map { $0[c] }.max() ?? 0)
        }
        func total() -> Int { visible.map { columnWidths[$0] }.reduce(0, +) + 2 * max(0, visible.count - 1) }
        if let width {
            // The screen's algorithm (`ColumnFit`): a column is shown whole (up to its cap) or dropped, except a
            // flexible one, which may shrink to its floor first and takes the room left over.
            let fitted = ColumnFit.fit(
                visible.map { c in
                    let floor = max(columns[c].minWidth, DisplayWidth.of(columns[c].title))
                    let natural =
                        columns[c].maxWidth.map { cap in
                            min(columnWidths[c], max(floor, min(cap, width * Self.maxShareTenths / 10)))
                        } ?? columnWidths[c]
                    return ColumnFit.Column(
                        minimum: columns[c].flexible ? min(natural, floor) : natural, natural: natural,
                        maximum: natural, weight: columns[c].flexible ? 1 : 0, priority: columns[c].priority)
                }, width: width, gap: 2)
            for slot in fitted { columnWidths[visible[slot.index]] = slot.width }
            visible = fitted.map { visible[$0.index] }
        }
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 1) * (total() + 1))
        appendLine(columns.map(\.title), columns.map { DisplayWidth.of($0.title) }, visible, columnWidths, into: &out)
        for (row, rowWidths) in zip(rows, widths) {
            out.append(0x0A)
            appendLine(row, rowWidths, visible, columnWidths, into: &out)
        }
        return out
    }

    /// One line: each visible cell padded (or cut with `…`) to its column, two spaces between columns, no
    /// trailing spaces.
    private func appendLine(
        _ cells: [String], _ cellWidths: [Int], _ visible: [Int], _ columnWidths: [Int], into out: inout [UInt8]
    ) {
        let start = out.count
        var ascii = true
        for (n, c) in visible.enumerated() {
            if n > 0 {
                out.append(0x20)
                out.append(0x20)
            }
            let gap = columnWidths[c] - cellWidths[c]
            if gap >= 0, columnWidths[c] > 0 {
                // What `DisplayWidth.pad` gives when the text fits, without making a string per cell.
                if columns[c].alignRight { out.append(contentsOf: repeatElement(0x20, count: gap)) }
                out.append(contentsOf: cells[c].utf8)
                if !columns[c].alignRight { out.append(contentsOf: repeatElement(0x20, count: gap)) }
            } else {
                out.append(
                    contentsOf: DisplayWidth.pad(cells[c], columns: columnWidths[c], alignRight: columns[c].alignRight)
                        .utf8)
            }
            // A non-ASCII scalar takes more bytes than columns, so equal counts mean plain ASCII.
            if ascii, cellWidths[c] != cells[c].utf8.count { ascii = false }
        }
        if ascii {
            while out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
        } else {
            // Trailing spaces as `String` sees them (a space can join a grapheme before it).
            var line = String(decoding: out[start...], as: UTF8.self)
            while line.hasSuffix(" ") { line.removeLast() }
            out.removeSubrange(start...)
            out.append(contentsOf: line.utf8)
        }
    }
}
