import FleetCore
import TerminalUI

extension Keymap {
    /// The standard key table. Order matters: the first binding of a context that has an action wins, and the
    /// hint bar lists hints in this order.
    public static let standard: [KeyBinding] = navigation + marking + operations + dialogs + overlays

    static let anyList: Set<KeyContext> = [.list]

    static let navigation: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "j/k, ↓/↑", "move down / up", hint: "move", in: [.list]) { _, _ in .moveDown },
        KeyBinding([.character("k"), .up], "k", "move up", in: [.list]) { _, _ in .moveUp },
        KeyBinding([.pageDown, .ctrl("f")], "PgDn/PgUp", "page down / up", in: [.list]) { _, page in .pageDown(pageSize: page) },
        KeyBinding([.pageUp, .ctrl("b")], "PgUp", "page up", in: [.list]) { _, page in .pageUp(pageSize: page) },
        KeyBinding([.character("g"), .home], "g/G, Home/End", "first / last instance", in: [.list]) { _, _ in .moveToTop },
        KeyBinding([.character("G"), .end], "G", "last instance", in: [.list]) { _, _ in .moveToBottom },
        KeyBinding([.character("/")], "/", "filter: text over ID, name, IP, type, zone; status:Running tag:env=prod zone: type: region: (! negates)",
                   hint: "filter", in: [.list, .results]) { _, _ in .beginFilter },
        KeyBinding([.enter], "Enter", "keep the filter", in: [.filter]) { _, _ in .applyFilter },
        KeyBinding([.escape], "Esc", "clear the filter", in: [.filter]) { _, _ in .clearFilter },
        KeyBinding([.character(">")], "< / >", "previous / next sort column", hint: "sort", in: [.list]) { _, _ in .sortByNextColumn },
        KeyBinding([.character("<")], "<", "previous sort column", in: [.list]) { _, _ in .sortByPreviousColumn },
        KeyBinding([.character("I")], "I", "invert the sort", in: [.list]) { _, _ in .invertSort },
        KeyBinding([.enter], "Enter", "details of the current instance", hint: "details", in: [.list]) { _, _ in .openDetails },
    ]

    static let marking: [KeyBinding] = [
        KeyBinding([.character(" ")], "Space", "mark or unmark, move down", hint: "mark", in: [.list]) { _, _ in .toggleMarkAndMoveDown },
        KeyBinding([.character("*")], "*", "mark all visible", in: [.list]) { _, _ in .markAllVisible },
        KeyBinding([.character("~")], "~", "invert marks of visible", in: [.list]) { _, _ in .invertVisibleMarks },
        KeyBinding([.character("U")], "U", "clear all marks", in: [.list]) { _, _ in .clearMarks },
        KeyBinding([.character("v")], "v", "range-mark mode (marks follow the cursor)", in: [.list]) { s, _ in .setRangeMarking(!s.rangeMarking) },
    ]

    static let operations: [KeyBinding] = [
        KeyBinding([.character("S")], "S", "stop dialog for the marked instances (or the current one)", hint: "stop", in: [.list],
                   dangerous: true) { _, _ in .openStopDialog },
        KeyBinding([.character("P")], "P", "stop dialog opened straight into a preview (dry run)", hint: "preview", in: [.list]) { _, _ in
            .openStopDialogWithPreview
        },
        KeyBinding([.character("W")], "W", "start dialog (the way back from a stop)", hint: "start", in: [.list], dangerous: true) { _, _ in
            .openStartDialog
        },
        KeyBinding([.character("o")], "o", "results of the latest operation", in: [.list]) { s, _ in
            s.operations.isEmpty ? nil : .showResults(operationId: nil)
        },
        KeyBinding([.character("R"), .ctrl("r"), .function(5)], "R, Ctrl-R, F5", "refresh now", hint: "refresh", in: [.list, .results]) { _, _ in
            .refreshNow
        },
        KeyBinding([.character("Z")], "Z", "pause or resume live updates", in: [.list, .results]) { _, _ in .togglePause },
        KeyBinding([.escape], "Esc", "cancel loading", in: [.list]) { s, _ in s.isLoading ? .cancelLoading : nil },
        KeyBinding([.character("e")], "e", "failures only / all", hint: "failures", in: [.results]) { _, _ in .toggleFailuresOnly },
        KeyBinding([.character("a")], "a", "reopen the dialog for the failed ones", hint: "retry failed", in: [.results], dangerous: true) { _, _ in
            .retryFailed
        },
        KeyBinding([.character("j"), .down], "j/k", "scroll", in: [.results]) { _, _ in .scrollResults(by: 1) },
        KeyBinding([.character("k"), .up], "k", "scroll up", in: [.results]) { _, _ in .scrollResults(by: -1) },
        KeyBinding([.pageDown], "PgDn/PgUp", "scroll a page", in: [.results]) { _, page in .scrollResults(by: page) },
        KeyBinding([.pageUp], "PgUp", "scroll a page up", in: [.results]) { _, page in .scrollResults(by: -page) },
        KeyBinding([.escape, .character("q")], "Esc, q", "back to the list (the operation keeps running)", hint: "back", in: [.results]) { _, _ in
            .hideResults
        },
    ]

    static let dialogs: [KeyBinding] = [
        KeyBinding([.character("f")], "f", "toggle ForceStop (unsaved data may be lost)", hint: "force", in: [.dialog]) { s, _ in
            s.dialog.power?.action == .stop ? .toggleForceStop : nil
        },
        KeyBinding([.character("m")], "m", "cycle StoppedMode: default / KeepCharging / StopCharging", hint: "mode", in: [.dialog]) { s, _ in
            s.dialog.power?.action == .stop ? .cycleStoppedMode : nil
        },
        KeyBinding([.character("b")], "b", "cycle BatchOptimization: AllTogether / SuccessFirst", hint: "batch", in: [.dialog]) { _, _ in
            .cycleBatchOptimization
        },
        KeyBinding([.character("d")], "d", "drop marks hidden by the filter", in: [.dialog]) { _, _ in .dropHiddenMarks },
        KeyBinding([.tab], "Tab", "next button", hint: "focus", in: [.dialog]) { _, _ in .focusNextButton },
        KeyBinding([.backTab], "Shift-Tab", "previous button", in: [.dialog]) { _, _ in .focusPreviousButton },
        KeyBinding([.enter], "Enter", "press the focused button", in: [.dialog]) { _, _ in .pressFocusedButton },
        KeyBinding([.character("p")], "p", "preview (dry run)", hint: "preview", in: [.dialog]) { _, _ in .pressButton(.preview) },
        KeyBinding([.character("s")], "s", "stop (or start), after confirmation", hint: "go", in: [.dialog], dangerous: true) { _, _ in
            .pressButton(.confirm)
        },
        KeyBinding([.character("c"), .escape], "c, Esc", "cancel", hint: "cancel", in: [.dialog]) { _, _ in .cancelDialog },
        KeyBinding([.character("j"), .down], "j/k", "scroll the targets", in: [.dialog]) { _, _ in .scrollDialog(by: 1) },
        KeyBinding([.character("k"), .up], "k", "scroll up", in: [.dialog]) { _, _ in .scrollDialog(by: -1) },
        KeyBinding([.escape], "Esc", "back to the dialog", hint: "back", in: [.confirm]) { _, _ in .cancelDialog },
    ]

    static let overlays: [KeyBinding] = [
        KeyBinding([.character("@")], "@", "journal: past operations and their results", hint: "journal", in: [.list]) { _, _ in .openJournal },
        KeyBinding([.character(":")], ":", "command line: :region NAME|all, :theme NAME, :readonly, :q", in: [.list]) { _, _ in .openCommandLine },
        KeyBinding([.enter], "Enter", "run the command", in: [.commandLine]) { _, _ in .typeEnter },
        KeyBinding([.escape], "Esc", "close", in: [.commandLine, .details, .help, .journal]) { _, _ in .cancelDialog },
        KeyBinding([.character("q"), .enter], "q, Enter", "close", in: [.details, .help, .journal]) { _, _ in .cancelDialog },
        KeyBinding([.character("j"), .down], "j/k", "scroll", in: [.journal]) { _, _ in .scrollDialog(by: 1) },
        KeyBinding([.character("k"), .up], "k", "scroll up", in: [.journal]) { _, _ in .scrollDialog(by: -1) },
        KeyBinding([.character("?"), .function(1)], "?, F1", "help for this screen", hint: "help", in: [.list, .results, .dialog]) { _, _ in
            .openHelp
        },
        KeyBinding([.character("q")], "q", "quit (asks first while an operation is in flight)", hint: "quit", in: [.list]) { _, _ in .quit },
        KeyBinding([.character("y"), .enter], "y", "quit although an operation is in flight", in: [.quitConfirmation]) { _, _ in .typeCharacter("y") },
        KeyBinding([.character("n"), .escape], "n, Esc", "stay", in: [.quitConfirmation]) { _, _ in .cancelDialog },
    ]
}
