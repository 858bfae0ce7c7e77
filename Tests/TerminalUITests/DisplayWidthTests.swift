import Foundation
import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    /// What the screen relies on: CJK and emoji take two columns, combining marks none.
    @Test func asciiAndCJK() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("\u{1F1E8}\u{1F1F3}") == 2, "a flag is two regional indicators, one column each")
        #expect(DisplayWidth.of("\u{0600}") == 1, "a prepended concatenation mark is drawn")
        #expect(DisplayWidth.of("a\u{200B}b\u{FE0F}") == 2)
    }

    /// Every assigned scalar from U+0300 up has the width the Unicode data in `scripts/unicode/` gives it, by the
    /// rules `scripts/generate-display-width.py` states; so the tables cannot drift from the data or the script.
    @Test func tablesMatchTheUnicodeData() throws {
        let expected = try UnicodeData.widths()
        var differences: [String] = []
        var compared = 0
        for value in UInt32(0x300)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let width = expected[Int(value)] else { continue }
            compared += 1
            if DisplayWidth.of(scalar) != width {
                differences.append(String(value, radix: 16, uppercase: true) + ":\(DisplayWidth.of(scalar))/\(width)")
            }
        }
        #expect(compared > 140_000, "Unicode 15 assigns about 149,000 code points")
        #expect(differences.isEmpty, "\(differences.count) differences (U+hex:ours/data): \(differences.prefix(20))")
    }

    @Test func controlsTakeNoColumn() {
        for v: UInt32 in [0, 0x1B, 0x7F, 0x85, 0x9F] { #expect(DisplayWidth.of(Unicode.Scalar(v)!) == 0) }
    }
}

/// The Unicode data files the width tables are generated from, read from the repository.
enum UnicodeData {
    static let directory: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/scripts/unicode/"
    }()

    /// Each code point's width (nil: unassigned): 0 for General_Category Mn, Me, Cf and Hangul_Syllable_Type V
    /// and T, except a Prepended_Concatenation_Mark (drawn: 1); else 2 for East_Asian_Width W and F; else 1.
    static func widths() throws -> [Int?] {
        var width = [Int?](repeating: 1, count: 0x110000)
        func set(_ range: ClosedRange<UInt32>, _ value: Int?) { for v in range { width[Int(v)] = value } }
        for (range, value) in try lines("EastAsianWidth.txt") where value == "W" || value == "F" { set(range, 2) }
        for (range, value) in try lines("DerivedGeneralCategory.txt") {
            if ["Mn", "Me", "Cf"].contains(value) { set(range, 0) } else if value == "Cn" { set(range, nil) }
        }
        for (range, value) in try lines("HangulSyllableType.txt") where value == "V" || value == "T" { set(range, 0) }
        for (range, value) in try lines("PropList.txt") where value == "Prepended_Concatenation_Mark" { set(range, 1) }
        return width
    }

    /// `XXXX..YYYY ; Value # comment` lines, as ranges and values.
    static func lines(_ file: String) throws -> [(ClosedRange<UInt32>, String)] {
        let text = try String(contentsOfFile: directory + file, encoding: .utf8)
        var out: [(ClosedRange<UInt32>, String)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "#", maxSplits: 1)[0].split(separator: ";")
            guard fields.count >= 2 else { continue }
            let bounds = fields[0].trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
            guard let low = UInt32(bounds[0], radix: 16), let high = UInt32(bounds[bounds.count - 1], radix: 16) else {
                continue
            }
            out.append((low...high, fields[1].trimmingCharacters(in: .whitespaces)))
        }
        return out
    }
}
