/// Word wrapping by display columns.
public enum TextWrap {
    /// Breaks `text` into lines of at most `width` columns, at spaces where possible; a word longer than a
    /// line is cut (never inside a wide character). Existing newlines are kept as breaks.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // Split on scalars so "\r\n" (one Character) breaks too; the "\r" left behind is dropped.
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let paragraph = String(String.UnicodeScalarView(scalars.filter { $0 != "\r" }))
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var rest = String(word)
                while !rest.isEmpty {
                    let w = DisplayWidth.of(rest)
                    let gap = line.isEmpty ? 0 : 1
                    if lineWidth + gap + w <= width {
                        line += (gap == 1 ? " " : "") + rest
                        lineWidth += gap + w
                        rest = ""
                    } else if !line.isEmpty {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    } else {
                        let (head, tail) = cut(rest, columns: width)
                        lines.append(head)
                        rest = tail
                    }
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// The longest prefix of `text` within `columns` (at least one character), and the rest.
    static func cut(_ text: String, columns: Int) -> (String, String) {
        var head = String.UnicodeScalarView()
        var used = 0
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            let s = text.unicodeScalars[index]
            let w = DisplayWidth.of(s)
            if used + w > columns && !head.isEmpty { break }
            head.append(s)
            used += w
            index = text.unicodeScalars.index(after: index)
        }
        return (String(head), String(text.unicodeScalars[index...]))
    }
}
