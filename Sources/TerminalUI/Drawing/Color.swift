/// A terminal colour: the terminal's own default, one of the 16 ANSI colours, a 256-colour palette index, or
/// 24-bit RGB. Backends downsample what the terminal cannot show (see `downsampled(toColorCount:)`).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background (whatever the user configured).
    case `default`
    /// One of the 16 ANSI colours, 0...15 (0-7 normal, 8-15 bright). Values above 15 are treated as 15.
    case ansi(UInt8)
    /// An index into the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// ANSI black (0).
    public static let black = Color.ansi(0)
    /// ANSI red (1).
    public static let red = Color.ansi(1)
    /// ANSI green (2).
    public static let green = Color.ansi(2)
    /// ANSI yellow (3).
    public static let yellow = Color.ansi(3)
    /// ANSI blue (4).
    public static let blue = Color.ansi(4)
    /// ANSI magenta (5).
    public static let magenta = Color.ansi(5)
    /// ANSI cyan (6).
    public static let cyan = Color.ansi(6)
    /// ANSI white (7), usually light grey.
    public static let white = Color.ansi(7)
    /// ANSI bright black (8), usually dark grey.
    public static let brightBlack = Color.ansi(8)
    /// ANSI bright red (9).
    public static let brightRed = Color.ansi(9)
    /// ANSI bright green (10).
    public static let brightGreen = Color.ansi(10)
    /// ANSI bright yellow (11).
    public static let brightYellow = Color.ansi(11)
    /// ANSI bright blue (12).
    public static let brightBlue = Color.ansi(12)
    /// ANSI bright magenta (13).
    public static let brightMagenta = Color.ansi(13)
    /// ANSI bright cyan (14).
    public static let brightCyan = Color.ansi(14)
    /// ANSI bright white (15).
    public static let brightWhite = Color.ansi(15)

    /// The theme-file names of the 16 ANSI colours, by index.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses the theme-file forms: `default`, an ANSI name (`red`, `bright-red`; `_` or no separator also
    /// accepted, `grey`/`gray` = bright-black), a palette index `0`...`255`, or `#RRGGBB`. Returns nil otherwise.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if t == "default" {
            self = .default
            return
        }
        if t.hasPrefix("#") {
            let hex = Array(t.utf8.dropFirst())
            guard hex.count == 6, let r = Self.hexByte(hex[0], hex[1]), let g = Self.hexByte(hex[2], hex[3]),
                let b = Self.hexByte(hex[4], hex[5])
            else { return nil }
            self = .rgb(r, g, b)
            return
        }
        if let n = Int(t) {
            guard (0...255).contains(n) else { return nil }
            self = .indexed(UInt8(n))
            return
        }
        var name = t.replacingUnderscoresWithHyphens()
        if name == "grey" || name == "gray" { name = "bright-black" }
        if name.hasPrefix("bright") && !name.hasPrefix("bright-") { name = "bright-" + name.dropFirst(6) }
        guard let index = Self.ansiNames.firstIndex(of: name) else { return nil }
        self = .ansi(UInt8(index))
    }

    /// The theme-file spelling of this colour (`default`, `bright-red`, `208`, `#ff8700`).
    public var themeName: String {
        switch self {
        case .default: return "default"
        case .ansi(let n): return Self.ansiNames[Int(min(n, 15))]
        case .indexed(let n): return String(n)
        case .rgb(let r, let g, let b): return "#" + [r, g, b].map(Self.hex2).joined()
        }
    }

    /// An approximate sRGB value (xterm's defaults for the ANSI colours), or nil for `.default`.
    public var approximateRGB: (r: Int, g: Int, b: Int)? {
        switch self {
        case .default: return nil
        case .ansi(let n): return Self.xtermRGB(Int(min(n, 15)))
        case .indexed(let n): return Self.xtermRGB(Int(n))
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        }
    }

    /// The closest colour a terminal with `count` colours can show: `.indexed` for 256 or more, `.ansi` for 16
    /// or 8 (bright colours fold onto normal ones with 8), `.default` when the terminal has no colour.
    /// 24-bit colours are kept only when `count` is at least 2^24.
    public func downsampled(toColorCount count: Int) -> Color {
        guard count >= 8 else { return .default }
        switch self {
        case .default: return self
        case .ansi(let n): return count >= 16 ? .ansi(min(n, 15)) : .ansi(min(n, 15) % 8)
        case .indexed(let n) where n < 16: return Color.ansi(n).downsampled(toColorCount: count)
        case .rgb where count >= 1 << 24: return self
        default:
            guard let rgb = approximateRGB else { return .default }
            if count >= 256 { return .indexed(UInt8(Self.nearest(rgb, in: 16..<256))) }
            return .ansi(UInt8(Self.nearest(rgb, in: 0..<(count >= 16 ? 16 : 8))))
        }
    }

    /// The colour number for a palette-based backend: -1 for `.default`, else 0...255 after downsampling.
    public func paletteNumber(colorCount: Int) -> Int {
        switch downsampled(toColorCount: min(colorCount, 256)) {
        case .default: return -1
        case .ansi(let n), .indexed(let n): return Int(n)
        case .rgb: return -1
        }
    }

    // MARK: - Helpers

    static func xtermRGB(_ index: Int) -> (r: Int, g: Int, b: Int) {
        let base: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
            (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
            (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return base[index] }
        if index < 232 {
            let i = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let v = 8 + (index - 232) * 10
        return (v, v, v)
    }

    static func nearest(_ c: (r: Int, g: Int, b: Int), in range: Range<Int>) -> Int {
        var best = range.lowerBound
        var bestDistance = Int.max
        for i in range {
            let p = xtermRGB(i)
            let d = (p.r - c.r) * (p.r - c.r) + (p.g - c.g) * (p.g - c.g) + (p.b - c.b) * (p.b - c.b)
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }

    private static func hexByte(_ hi: UInt8, _ lo: UInt8) -> UInt8? {
        guard let h = hexDigit(hi), let l = hexDigit(lo) else { return nil }
        return h << 4 | l
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static func hex2(_ v: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
    }
}

extension String {
    fileprivate func replacingUnderscoresWithHyphens() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
