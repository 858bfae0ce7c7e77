#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TerminalUI

#if canImport(Glibc)
/// glibc's `wcwidth`, which its header hides from Swift (it is behind `__USE_XOPEN`).
@_silgen_name("wcwidth") func c_wcwidth(_: Int32) -> Int32
#endif

@Suite struct DisplayWidthTests {
    @Test func asciiAndCJK() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("🚀") == 2)
    }

    #if canImport(Glibc)
    /// Every scalar glibc considers printable (wcwidth >= 0) gets the same width from `DisplayWidth`, except the
    /// documented differences in `knownDifferences`. Scalars glibc calls non-printable (-1: controls and
    /// unassigned code points) are skipped: DisplayWidth gives controls 0 and unassigned code points the width
    /// of the block around them.
    @Test func matchesGlibcWcwidth() throws {
        try #require(setlocale(LC_ALL, "C.UTF-8") != nil)
        var differences: [String] = []
        var compared = 0
        for value in UInt32(0x20)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let theirs = c_wcwidth(Int32(bitPattern: value))
            guard theirs >= 0 else { continue }
            compared += 1
            let ours = DisplayWidth.of(scalar)
            if ours != Int(theirs) && !Self.knownDifferences.contains(value) {
                differences.append(String(value, radix: 16, uppercase: true) + ":\(ours)/\(theirs)")
            }
        }
        #expect(compared > 100_000)
        #expect(differences.isEmpty, "\(differences.count) differences (U+hex:ours/glibc): \(differences.prefix(20))")
    }
    #endif

    /// Scalars where `DisplayWidth` deliberately differs from glibc 2.36. None at present: the tables are
    /// generated from glibc's own data. Add a scalar here, with the reason, if DisplayWidth ever moves to newer
    /// Unicode data than the system's glibc (for example emoji added after Unicode 14).
    static let knownDifferences: Set<UInt32> = []
}
