/// Makes untrusted text (an argument echoed back, an API message, a path) safe for a line of terminal output
/// by writing each character that could act on the terminal as a visible escape, `\u{1B}`.
///
/// The command line uses this for its messages rather than `TerminalUI.Sanitizer`, which draws such characters
/// as `�`: in an error message the operator should see exactly what was typed (`--region cn\u{1B}[2J`) to fix it.
/// The characters: C0 controls, DEL, C1 controls (U+0080-U+009F, where U+009B is a one-byte CSI to some
/// terminals), the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F,
/// U+061C), and the line and paragraph separators (U+2028, U+2029): `Sanitizer`'s set, less the zero-width
/// characters it also replaces (they only shift the screen's columns).
public enum SafeText {
    /// `text` with every unsafe character escaped. Newlines are kept only with `keepingNewlines` (a message of
    /// several lines written by the program itself); otherwise they are escaped too, so one message stays one line.
    public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !(keepingNewlines && $0 == "\n") }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for s in text.unicodeScalars {
            if isUnsafe(s) && !(keepingNewlines && s == "\n") {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Whether `scalar` can move the cursor, change the terminal's state, or reorder what is shown around it.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
    }
}
