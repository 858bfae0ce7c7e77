/// How many terminal columns text takes, independent of the C library and the locale: the tables are generated
/// from the Unicode data in `scripts/unicode/` by `scripts/generate-display-width.py` (`DisplayWidth+Tables.swift`).
///
/// Wide (2 columns): East Asian Wide and Fullwidth characters, which include emoji presentation; zero: combining
/// marks, zero-width and format characters, and control characters (which `Sanitizer` replaces before drawing).
public enum DisplayWidth {
    /// Columns for one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Columns for a string (sum over its scalars).
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for s in text.unicodeScalars { total += of(s) }
        return total
    }

    /// True for scalars that take no column (see `zeroWidthRanges`).
    static func isZeroWidth(_ v: UInt32) -> Bool { contains(zeroWidthRanges, v) }

    /// True for scalars that take two columns (see `wideRanges`).
    static func isWide(_ v: UInt32) -> Bool { contains(wideRanges, v) }

    /// True when `v` is inside one of the sorted, non-overlapping `ranges` (binary search).
    static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < ranges[mid].lowerBound {
                high = mid - 1
            } else if v > ranges[mid].upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The longest prefix of `text` that fits in `columns`, with `…` when cut. A wide character is never split:
    /// if only one column is left for it, that column is padded with a space.
    public static func fit(_ text: String, columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        let limit = columns - 1
        for s in text.unicodeScalars {
            let w = of(s)
            if used + w > limit { break }
            out.append(s)
            used += w
        }
        return String(out) + String(repeating: " ", count: limit - used) + "…"
    }

    /// `text` fitted to exactly `columns`, padded on the right (or on the left with `alignRight`).
    public static func pad(_ text: String, columns: Int, alignRight: Bool = false) -> String {
        let fitted = fit(text, columns: columns)
        let gap = String(repeating: " ", count: max(0, columns - of(fitted)))
        return alignRight ? gap + fitted : fitted + gap
    }
}
