/// Makes untrusted text (instance names, tags, API messages) safe to put on a terminal: control characters,
/// escape sequences and bidirectional overrides never reach it.
public enum Sanitizer {
    /// Replaces each C0/C1 control character, DEL, bidi/invisible format control and zero-width character with `�`, so an `ESC [ 2 J`
    /// in a name shows as `�[2J` and cannot act. Tabs, newlines and U+2028/U+2029 become spaces.
    public static func clean(_ text: String) -> String {
        var needs = false
        for s in text.unicodeScalars where isUnsafe(s) || isLineBreak(s) {
            needs = true
            break
        }
        guard needs else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isLineBreak(s) { out.append(" ") } else if isUnsafe(s) { out.append("\u{FFFD}") } else { out.append(s) }
        }
        return String(out)
    }

    /// Tab, newline and the Unicode line and paragraph separators (U+2028/U+2029), which some terminals also
    /// break lines at: a space keeps the text on its row.
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s == "\n" || s == "\u{2028}" || s == "\u{2029}"
    }

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
            // Zero-width characters: terminals disagree on their width, so a row holding one shifts by a column.
            || (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF
    }
}
