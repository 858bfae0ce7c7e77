import FleetCore
import FleetViewModel
import TerminalUI

extension Keymap {
    /// The journal (`@`): a selected operation, moved like the list's cursor, that `r` resumes and `u` undoes.
    static let journal: [KeyBinding] = [
        KeyBinding(
            named: "journal-down", [.character("j"), .down], "select the next (older) operation", hint: "select",
            hintPartner: "journal-up", in: [.journal]
        ) { _, input in
            input.overlay.map { .moveJournalSelection(.lines(1), in: $0) }
        },
        KeyBinding(
            named: "journal-up", [.character("k"), .up], "select the previous (newer) operation", in: [.journal]
        ) { _, input in
            input.overlay.map { .moveJournalSelection(.lines(-1), in: $0) }
        },
        KeyBinding(
            named: "journal-page-down", [.pageDown, .ctrl("f")], "a page down", in: [.journal]
        ) { _, input in
            input.overlay.map { .moveJournalSelection(.pages(1), in: $0) }
        },
        KeyBinding(named: "journal-page-up", [.pageUp, .ctrl("b")], "a page up", in: [.journal]) { _, input in
            input.overlay.map { .moveJournalSelection(.pages(-1), in: $0) }
        },
        KeyBinding(
            named: "journal-top", [.character("g"), .home], "the newest operation", hint: "newest/oldest",
            hintPartner: "journal-bottom", in: [.journal]
        ) { _, input in
            input.overlay.map { .moveJournalSelection(.top, in: $0) }
        },
        KeyBinding(named: "journal-bottom", [.character("G"), .end], "the oldest operation", in: [.journal]) {
            _, input in
            input.overlay.map { .moveJournalSelection(.bottom, in: $0) }
        },
        KeyBinding(
            named: "journal-resume", [.character("r")],
            "resume the selected interrupted operation: re-read its status (nothing is sent again), follow it in the results view",
            hint: "resume", in: [.journal]
        ) { _, _ in .resumeSelectedOperation },
        KeyBinding(
            named: "journal-undo", [.character("u")],
            "undo the selected operation: the dialog that starts what it stopped (or stops what it started)",
            hint: "undo", in: [.journal], dangerous: true
        ) { _, _ in .undoSelectedOperation },
    ]
}
