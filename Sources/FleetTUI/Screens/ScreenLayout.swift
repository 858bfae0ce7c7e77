import TerminalUI

/// Where each part of the screen goes at one terminal size: two header rows, the body (the list or the results,
/// with overlays drawn over it), and the hint bar on the last row. Rendering, paging, mouse hits and the bench
/// all measure with it, so a page is exactly the rows the list shows and a click lands on the row drawn there.
public struct ScreenLayout: Sendable, Equatable {
    /// Below this size the screen shows only how big it must be.
    public static let minimumSize = (width: 60, height: 15)

    public let width: Int
    public let height: Int
    /// The header: title, regions, counts, banners.
    public let header: Rect
    /// Between the header and the hint bar: the list (its column titles first) or the results, and overlays.
    public let body: Rect
    /// The last row.
    public let hintBar: Rect

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        let (top, rest) = Rect(x: 0, y: 0, width: self.width, height: self.height).splitTop(2)
        let (body, bottom) = rest.splitBottom(1)
        header = top
        self.body = body
        hintBar = bottom
    }

    /// The size asked for is smaller than the screen can be drawn in.
    public var isTooSmall: Bool { width < Self.minimumSize.width || height < Self.minimumSize.height }

    /// The instance rows of the list: the body below its row of column titles.
    public var listRows: Rect { Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 1)) }

    /// How many instance rows a page is (at least one).
    public var pageSize: Int { max(1, listRows.height) }

    /// The row of the list's viewport at screen row `y` (0 is the first instance shown), or nil off the rows.
    public func listRow(atScreenRow y: Int) -> Int? {
        listRows.contains(x: listRows.x, y: y) ? y - listRows.y : nil
    }
}
