import Foundation

/// What tells an operator who looked away that a long operation ended: the bell, and a desktop notification
/// through the terminal (OSC 9 for iTerm2, Windows Terminal and others; OSC 777 for VTE terminals and
/// urxvt; tmux passes both on with `allow-passthrough`). Title and body are sanitised and stripped of `;`,
/// so nothing in an instance name or message can end or reshape the sequence.
public enum NotificationSequence {
    /// `BEL`, `ESC ] 9 ; <body> BEL`, then `ESC ] 777 ; notify ; <title> ; <body> BEL`.
    public static func bytes(title: String, body: String) -> [UInt8] {
        let title = plain(title)
        let body = plain(body)
        return Array("\u{07}\u{1B}]9;\(title): \(body)\u{07}\u{1B}]777;notify;\(title);\(body)\u{07}".utf8)
    }

    /// One line of printable text without the sequence's separator.
    static func plain(_ text: String) -> String {
        Sanitizer.clean(text).replacingOccurrences(of: ";", with: ",").replacingOccurrences(of: "\n", with: " ")
    }
}
