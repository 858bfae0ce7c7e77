import FleetViewModel
import TerminalUI

extension Keymap {
    /// The editing keys of a typed line, made once for the filter line and once for the command line so the two
    /// can never differ: the cursor moves with Left/Right, Ctrl-A/Home and Ctrl-E/End; Del erases under it,
    /// Ctrl-W the word before it, Ctrl-U all before it and Ctrl-K all after it. Backspace and typing are each
    /// line's own (an empty command line closes on Backspace).
    static func lineEditing(_ prefix: String, in context: KeyContext) -> [KeyBinding] {
        let keys: [(name: String, keys: [Key], text: String, edit: LineEdit)] = [
            ("left", [.left], "move the cursor left", .moveLeft),
            ("right", [.right], "move the cursor right", .moveRight),
            ("line-start", [.ctrl("a"), .home], "to the start of the line", .moveToStart),
            ("line-end", [.ctrl("e"), .end], "to the end of the line", .moveToEnd),
            ("delete", [.delete], "erase the character under the cursor", .eraseForward),
            ("erase-word", [.ctrl("w")], "erase the word before the cursor", .eraseWordBackward),
            ("erase-all", [.ctrl("u")], "erase everything before the cursor", .eraseToStart),
            ("erase-end", [.ctrl("k")], "erase everything from the cursor on", .eraseToEnd),
        ]
        return keys.map { k in
            KeyBinding(named: "\(prefix)-\(k.name)", k.keys, k.text, in: [context]) { _, _ in .editLine(k.edit) }
        }
    }
}
