import FleetCore
import TerminalUI

extension Keymap {
    /// The standard key table. Order matters: the first binding of a context that has an action wins, and the
    /// hint bar lists hints in this order.
    public static let standard: [KeyBinding] = navigation + marking + operations + dialogs + overlays

    static let anyList: Set<KeyContext> = [.list]

    static let navigation: [KeyBinding] = [
        KeyBinding(named: "move-down", [.character("j"), .down], "j/k, Down/Up", "move down / up", hint: "move", in: [.list]) { _, _ in .moveDown },
        KeyBinding(named: "move-up", [.character("k"), .up], "k", "move up", in: [.list]) { _, _ in .moveUp },
        KeyBinding(named: "page-down", [.pageDown, .ctrl("f")], "PgDn/PgUp", "page down / up", in: [.list]) { _, page in .pageDown(pageSize: page) },
        KeyBinding(named: "page-up", [.pageUp, .ctrl("b")], "PgUp", "page up", in: [.list]) { _, page in .pageUp(pageSize: page) },
        KeyBinding(named: "top", [.character("g"), .home], "g/G, Home/End", "first / last instance", in: [.list]) { _, _ in .moveToTop },
        KeyBinding(named: "bottom", [.character("G"), .end], "G", "last instance", in: [.list]) { _, _ in .moveToBottom },
        KeyBinding(named: "filter", [.character("/")], "/", "filter: text over ID, name, IP, type, zone; status:Running tag:env=prod zone: type: region: (! negates)",
                   hint: "filter", in: [.list, .results]) { _, _ in .beginFilter },
        KeyBinding(named: "filter-keep", [.enter], "Enter", "keep the filter", in: [.filter]) { _, _ in .applyFilter },
        KeyBinding(named: "filter-clear", [.escape], "Esc", "clear the filter", in: [.filter]) { _, _ in .clearFilter },
        KeyBinding(named: "sort-next", [.character(">")], "< / >", "previous / next sort column", hint: "sort", in: [.list]) { _, _ in .sortByNextColumn },
        KeyBinding(named: "sort-previous", [.character("<")], "<", "previous sort column", in: [.list]) { _, _ in .sortByPreviousColumn },
        KeyBinding(named: "sort-invert", [.character("I")], "I", "invert the sort", in: [.list]) { _, _ in .invertSort },
        KeyBinding(named: "details", [.enter], "Enter", "details of the current instance", hint: "details", in: [.list]) { _, _ in .openDetails },
    ]

    static let marking: [KeyBinding] = [
        KeyBinding(named: "mark", [.character(" ")], "Space", "mark or unmark, move down", hint: "mark", in: [.list]) { _, _ in .toggleMarkAndMoveDown },
        KeyBinding(named: "mark-all", [.character("*")], "*", "mark all visible", in: [.list]) { _, _ in .markAllVisible },
        KeyBinding(named: "mark-invert", [.character("~")], "~", "invert marks of visible", in: [.list]) { _, _ in .invertVisibleMarks },
        KeyBinding(named: "marks-clear", [.character("U")], "U", "clear all marks", in: [.list]) { _, _ in .clearMarks },
        KeyBinding(named: "range-mark", [.character("v")], "v", "range-mark mode (marks follow the cursor)", in: [.list]) { s, _ in .setRangeMarking(!s.rangeMarking) },
    ]

    static let operations: [KeyBinding] = [
        KeyBinding(named: "stop", [.character("S")], "S", "stop dialog for the marked instances (or the current one)", hint: "stop", in: [.list],
                   dangerous: true) { _, _ in .openStopDialog },
        KeyBinding(named: "preview", [.character("P")], "P", "stop dialog opened straight into a preview (dry run)", hint: "preview", in: [.list]) { _, _ in
            .openStopDialogWithPreview
        },
        KeyBinding(named: "start", [.character("W")], "W", "start dialog (the way back from a stop)", hint: "start", in: [.list], dangerous: true) { _, _ in
            .openStartDialog
        },
        KeyBinding(named: "results", [.character("o")], "o", "results of the latest operation", in: [.list]) { s, _ in
            s.operations.isEmpty ? nil : .showResults(operationId: nil)
        },
        KeyBinding(named: "refresh", [.character("R"), .ctrl("r"), .function(5)], "R, Ctrl-R, F5", "refresh now", hint: "refresh", in: [.list, .results]) { _, _ in
            .refreshNow
        },
        KeyBinding(named: "pause", [.character("Z")], "Z", "pause or resume live updates", in: [.list, .results]) { _, _ in .togglePause },
        KeyBinding(named: "cancel-loading", [.escape], "Esc", "cancel loading", in: [.list]) { s, _ in s.isLoading ? .cancelLoading : nil },
        KeyBinding(named: "failures-only", [.character("e")], "e", "failures only / all", hint: "failures", in: [.results]) { _, _ in .toggleFailuresOnly },
        KeyBinding(named: "retry-failed", [.character("a")], "a", "reopen the dialog for the failed ones", hint: "retry failed", in: [.results], dangerous: true) { _, _ in
            .retryFailed
        },
        KeyBinding(named: "scroll-down", [.character("j"), .down], "j/k", "scroll", in: [.results]) { _, _ in .scrollResults(by: 1) },
        KeyBinding(named: "scroll-up", [.character("k"), .up], "k", "scroll up", in: [.results]) { _, _ in .scrollResults(by: -1) },
        KeyBinding(named: "scroll-page-down", [.pageDown], "PgDn/PgUp", "scroll a page", in: [.results]) { _, page in .scrollResults(by: page) },
        KeyBinding(named: "scroll-page-up", [.pageUp], "PgUp", "scroll a page up", in: [.results]) { _, page in .scrollResults(by: -page) },
        KeyBinding(named: "back", [.escape, .character("q")], "Esc, q", "back to the list (the operation keeps running)", hint: "back", in: [.results]) { _, _ in
            .hideResults
        },
    ]

    static let dialogs: [KeyBinding] = [
        KeyBinding(named: "force", [.character("f")], "f", "toggle ForceStop (unsaved data may be lost)", hint: "force", in: [.dialog]) { s, _ in
            s.dialog.power?.action == .stop ? .toggleForceStop : nil
        },
        KeyBinding(named: "mode", [.character("m")], "m", "cycle StoppedMode: default / KeepCharging / StopCharging", hint: "mode", in: [.dialog]) { s, _ in
            s.dialog.power?.action == .stop ? .cycleStoppedMode : nil
        },
        KeyBinding(named: "batch", [.character("b")], "b", "cycle BatchOptimization: AllTogether / SuccessFirst", hint: "batch", in: [.dialog]) { _, _ in
            .cycleBatchOptimization
        },
        KeyBinding(named: "drop-hidden", [.character("d")], "d", "drop marks hidden by the filter", in: [.dialog]) { _, _ in .dropHiddenMarks },
        KeyBinding(named: "focus-next", [.tab], "Tab", "next button", hint: "focus", in: [.dialog]) { _, _ in .focusNextButton },
        KeyBinding(named: "focus-previous", [.backTab], "Shift-Tab", "previous button", in: [.dialog]) { _, _ in .focusPreviousButton },
        KeyBinding(named: "press", [.enter], "Enter", "press the focused button", in: [.dialog]) { _, _ in .pressFocusedButton },
        KeyBinding(named: "dialog-preview", [.character("p")], "p", "preview (dry run)", hint: "preview", in: [.dialog]) { _, _ in .pressButton(.preview) },
        KeyBinding(named: "dialog-go", [.character("s")], "s", "stop (or start), after confirmation", hint: "go", in: [.dialog], dangerous: true) { _, _ in
            .pressButton(.confirm)
        },
        KeyBinding(named: "dialog-cancel", [.character("c"), .escape], "c, Esc", "cancel", hint: "cancel", in: [.dialog]) { _, _ in .cancelDialog },
        KeyBinding(named: "dialog-down", [.character("j"), .down], "j/k", "scroll the targets", in: [.dialog]) { _, _ in .scrollDialog(by: 1) },
        KeyBinding(named: "scroll-up-2", [.character("k"), .up], "k", "scroll up", in: [.dialog]) { _, _ in .scrollDialog(by: -1) },
        KeyBinding(named: "confirm-back", [.escape], "Esc", "back to the dialog", hint: "back", in: [.confirm]) { _, _ in .cancelDialog },
    ]

    static let overlays: [KeyBinding] = [
        KeyBinding(named: "journal", [.character("@")], "@", "journal: past operations and their results", hint: "journal", in: [.list]) { _, _ in .openJournal },
        KeyBinding(named: "command", [.character(":")], ":", "command line: :region NAME|all, :theme NAME, :readonly, :q", in: [.list]) { _, _ in .openCommandLine },
        KeyBinding(named: "command-run", [.enter], "Enter", "run the command", in: [.commandLine]) { _, _ in .typeEnter },
        KeyBinding(named: "close", [.escape], "Esc", "close", in: [.commandLine, .details, .help, .journal]) { _, _ in .cancelDialog },
        KeyBinding(named: "close-2", [.character("q"), .enter], "q, Enter", "close", in: [.details, .help, .journal]) { _, _ in .cancelDialog },
        KeyBinding(named: "scroll-down-2", [.character("j"), .down], "j/k", "scroll", in: [.journal]) { _, _ in .scrollDialog(by: 1) },
        KeyBinding(named: "scroll-up-3", [.character("k"), .up], "k", "scroll up", in: [.journal]) { _, _ in .scrollDialog(by: -1) },
        KeyBinding(named: "help", [.character("?"), .function(1)], "?, F1", "help for this screen", hint: "help", in: [.list, .results]) { _, _ in
            .openHelp
        },
        KeyBinding(named: "quit", [.character("q")], "q", "quit (asks first while an operation is in flight)", hint: "quit", in: [.list]) { _, _ in .quit },
        KeyBinding(named: "quit-yes", [.character("y"), .enter], "y", "quit although an operation is in flight", in: [.quitConfirmation]) { _, _ in .typeCharacter("y") },
        KeyBinding(named: "quit-no", [.character("n"), .escape], "n, Esc", "stay", in: [.quitConfirmation]) { _, _ in .cancelDialog },
    ]
}
