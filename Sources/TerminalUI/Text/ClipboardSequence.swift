import Foundation

/// OSC 52: the escape sequence that asks the terminal (and tmux with `set-clipboard on`, and terminals over SSH)
/// to put text on the system clipboard. The text is sanitised first, so what is copied is what the screen showed,
/// and it travels base64-encoded, so nothing in it can end the sequence early.
public enum ClipboardSequence {
    /// `ESC ] 52 ; c ; <base64> BEL` for `text`, each line sanitised.
    public static func bytes(for text: String) -> [UInt8] {
        let clean = text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.clean(String($0)) }
            .joined(separator: "\n")
        return Array("\u{1B}]52;c;\(Data(clean.utf8).base64EncodedString())\u{07}".utf8)
    }
}
