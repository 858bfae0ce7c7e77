import FleetCore

/// How far an overlay's text can scroll: it is `lines` long and `rows` of it show at once. The screen layer
/// measures it (it lays the text out) and passes it with each scroll, so the reducer stops exactly where the
/// screen's last line is.
public struct ScrollBounds: Sendable, Equatable {
    /// Lines of text the overlay holds.
    public var lines: Int
    /// Lines that show at once.
    public var rows: Int

    /// Bounds for a text `lines` long shown `rows` at a time.
    public init(lines: Int, rows: Int) {
        self.lines = max(0, lines)
        self.rows = max(1, rows)
    }

    /// The largest first line: the one that puts the last line at the bottom.
    public var lastOffset: Int { max(0, lines - rows) }

    /// `offset` moved by `move` and kept within `0...lastOffset`.
    public func offset(_ offset: Int, moved move: ScrollMove) -> Int {
        let target: Int
        switch move {
        case .lines(let n): target = Self.saturating(offset, plus: n)
        case .pages(let n):
            let (lines, overflow) = n.multipliedReportingOverflow(by: rows)
            target = Self.saturating(offset, plus: overflow ? (n < 0 ? Int.min : Int.max) : lines)
        case .top: target = 0
        case .bottom: target = lastOffset
        }
        return max(0, min(target, lastOffset))
    }

    /// `a + b`, stopping at the ends of `Int` instead of trapping.
    static func saturating(_ a: Int, plus b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b < 0 ? Int.min : Int.max) : sum
    }
}
