/// The editing keys of the filter line and the command line, as a shell's: Ctrl-W erases the word before the end.
enum LineEditing {
    /// `text` without its last word and the spaces after it (`tag:env=dev status:ru` → `tag:env=dev `).
    static func withoutLastWord(_ text: String) -> String {
        var rest = Substring(text)
        while rest.last == " " { rest.removeLast() }
        while let last = rest.last, last != " " { rest.removeLast() }
        return String(rest)
    }
}
