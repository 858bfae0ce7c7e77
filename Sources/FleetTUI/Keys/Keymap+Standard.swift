import FleetCore
import FleetViewModel
import TerminalUI

extension Keymap {
    /// The standard key table. Order matters: the first binding of a context that has an action wins, and the
    /// hint bar lists hints in this order. Each binding is one row in help, labelled with its own keys.
    public static let standard: [KeyBinding] =
        navigation + marking + operations + browsing + dialogs + journal + overlays + helpSearch

    /// Where `?` and `F1` open help: every context that is not typing text.
    static let helpContexts: Set<KeyContext> = [.list, .results, .dialog, .details, .journal]
    /// The overlays that scroll like a pager (the journal moves a selection instead: `journal`).
    static let pagers: Set<KeyContext> = [.help, .details]

    static let navigation: [KeyBinding] =
        [
            KeyBinding(
                named: "move-down", [.character("j"), .down], "move down", hint: "move", hintPartner: "move-up",
                in: [.list]
            ) { _, _ in .moveDown },
            KeyBinding(named: "move-up", [.character("k"), .up], "move up", in: [.list]) { _, _ in .moveUp },
            KeyBinding(named: "page-down", [.pageDown, .ctrl("f")], "page down", in: [.list]) { _, input in
                .pageDown(pageSize: input.pageSize)
            },
            KeyBinding(named: "page-up", [.pageUp, .ctrl("b")], "page up", in: [.list]) { _, input in
                .pageUp(pageSize: input.pageSize)
            },
            KeyBinding(named: "top", [.character("g"), .home], "first instance", in: [.list]) { _, _ in .moveToTop },
            KeyBinding(named: "bottom", [.character("G"), .end], "last instance", in: [.list]) { _, _ in .moveToBottom
            },
            KeyBinding(
                named: "count", (0...9).map { .character(Character(String($0))) },
                "count prefix: 10j moves ten rows, 3 PgDn three pages, 5G goes to row 5", in: [.list]
            ) { _, input in
                input.typed.flatMap { $0.wholeNumberValue }.map { .addCountDigit($0) }
            },
            KeyBinding(
                named: "filter", [.character("/")],
                "filter by ID/name/IP/type/zone; status:Running tag:env=prod zone: type: region: (! negates)",
                hint: "filter", in: [.list, .results]
            ) { _, _ in .beginFilter },
            KeyBinding(named: "filter-keep", [.enter], "keep the filter", in: [.filter]) { _, _ in .applyFilter },
            KeyBinding(named: "filter-clear", [.escape], "clear the filter", in: [.filter]) { _, _ in .clearFilter },
            KeyBinding(named: "filter-erase", [.backspace], "erase the character before the cursor", in: [.filter]) {
                _, _ in .editLine(.eraseBackward)
            },
        ] + lineEditing("filter", in: .filter) + [
            KeyBinding(named: "filter-type", [], typesText: true, "type the filter", in: [.filter]) { _, input in
                input.typed.map { .editLine(.insert(String($0))) }
            }
        ]

    /// Sort and details come after the operations, so a narrow hint bar keeps `S stop` and `P preview`.
    static let browsing: [KeyBinding] = [
        KeyBinding(
            named: "sort-previous", [.character("<")], "previous sort column", hint: "sort", hintPartner: "sort-next",
            in: [.list]
        ) { _, _ in
            .sortByPreviousColumn
        },
        KeyBinding(named: "sort-next", [.character(">")], "next sort column", in: [.list]) { _, _ in .sortByNextColumn
        },
        KeyBinding(named: "sort-invert", [.character("I")], "invert the sort", in: [.list]) { _, _ in .invertSort },
        KeyBinding(named: "details", [.enter], "details of the current instance", hint: "details", in: [.list]) {
            _, _ in .openDetails
        },
    ]

    static let marking: [KeyBinding] = [
        KeyBinding(named: "mark", [.character(" ")], "mark or unmark, move down", hint: "mark", in: [.list]) { _, _ in
            .toggleMarkAndMoveDown
        },
        KeyBinding(named: "mark-all", [.character("*")], "mark all visible", in: [.list]) { _, _ in .markAllVisible },
        KeyBinding(named: "mark-invert", [.character("~")], "invert marks of visible", in: [.list]) { _, _ in
            .invertVisibleMarks
        },
        KeyBinding(named: "marks-clear", [.character("U")], "clear all marks", in: [.list]) { _, _ in .clearMarks },
        KeyBinding(named: "range-mark", [.character("v")], "range-mark mode (marks follow the cursor)", in: [.list]) {
            s, _ in .setRangeMarking(!s.rangeMarking)
        },
    ]

    static let operations: [KeyBinding] = [
        KeyBinding(
            named: "stop", [.character("S")], "stop dialog for the marked instances (or the current one)", hint: "stop",
            in: [.list, .details], hintIn: [.list, .details],
            dangerous: true
        ) { _, _ in .openStopDialog },
        KeyBinding(
            named: "preview", [.character("P")], "stop dialog opened straight into a preview (dry run)",
            hint: "preview", in: [.list, .details], hintIn: [.list]
        ) { _, _ in
            .openStopDialogWithPreview
        },
        KeyBinding(
            named: "start", [.character("W")], "start dialog (the way back from a stop)", hint: "start",
            in: [.list, .details], hintIn: [.list, .details], dangerous: true
        ) { _, _ in
            .openStartDialog
        },
        KeyBinding(named: "results", [.character("o")], "results of the latest operation", in: [.list]) { s, _ in
            s.operations.isEmpty ? nil : .showResults(operationId: nil)
        },
        KeyBinding(
            named: "refresh", [.character("R"), .ctrl("r"), .function(5)], "refresh now", hint: "refresh",
            in: [.list, .results]
        ) { _, _ in
            .refreshNow
        },
        KeyBinding(named: "pause", [.character("Z")], "pause or resume live updates", in: [.list, .results]) { _, _ in
            .togglePause
        },
        KeyBinding(named: "cancel-loading", [.escape], "cancel loading", in: [.list]) { s, _ in
            s.isLoading ? .cancelLoading : nil
        },
        KeyBinding(
            named: "copy", [.character("y")],
            "copy the marked IDs (or the current one; here, the operation's) to the clipboard",
            in: [.list, .results, .details], hintIn: [.list, .results]
        ) { _, _ in .copyIds },
        KeyBinding(named: "copy-commands", [.character("Y")], "copy the operation as aliyun commands", in: [.results]) {
            _, _ in .copyCommands
        },
        KeyBinding(
            named: "undo", [.character("u")],
            "undo: the dialog that starts what this stop stopped (or stops what a start started)",
            in: [.results], dangerous: true
        ) { _, _ in .undoOperation },
        KeyBinding(named: "failures-only", [.character("e")], "failures only / all", hint: "failures", in: [.results]) {
            _, _ in .toggleFailuresOnly
        },
        KeyBinding(
            named: "retry-failed", [.character("a")], "reopen the dialog for the failed ones", hint: "retry failed",
            in: [.results], dangerous: true
        ) { _, _ in
            .retryFailed
        },
        KeyBinding(named: "scroll-down", [.character("j"), .down], "scroll down", in: [.results]) { _, _ in
            .scrollResults(by: 1)
        },
        KeyBinding(named: "scroll-up", [.character("k"), .up], "scroll up", in: [.results]) { _, _ in
            .scrollResults(by: -1)
        },
        KeyBinding(named: "scroll-page-down", [.pageDown], "scroll a page down", in: [.results]) { _, input in
            .scrollResults(by: input.pageSize)
        },
        KeyBinding(named: "scroll-page-up", [.pageUp], "scroll a page up", in: [.results]) { _, input in
            .scrollResults(by: -input.pageSize)
        },
        KeyBinding(
            named: "back", [.escape, .character("q")], "back to the list (the operation keeps running)", hint: "back",
            in: [.results]
        ) { _, _ in
            .hideResults
        },
    ]

    static let dialogs: [KeyBinding] = [
        KeyBinding(
            named: "force", [.character("f")], "toggle ForceStop (unsaved data may be lost)", hint: "force",
            in: [.dialog]
        ) { s, _ in
            s.dialog.power?.action == .stop ? .toggleForceStop : nil
        },
        KeyBinding(
            named: "mode", [.character("m")], "cycle StoppedMode: default / KeepCharging / StopCharging", hint: "mode",
            in: [.dialog]
        ) { s, _ in
            s.dialog.power?.action == .stop ? .cycleStoppedMode : nil
        },
        KeyBinding(
            named: "batch", [.character("b")], "cycle BatchOptimization: AllTogether / SuccessFirst", hint: "batch",
            in: [.dialog]
        ) { _, _ in
            .cycleBatchOptimization
        },
        KeyBinding(named: "drop-hidden", [.character("d")], "drop marks hidden by the filter", in: [.dialog]) { _, _ in
            .dropHiddenMarks
        },
        KeyBinding(named: "focus-next", [.tab], "next button", hint: "focus", in: [.dialog]) { _, _ in .focusNextButton
        },
        KeyBinding(named: "focus-previous", [.backTab], "previous button", in: [.dialog]) { _, _ in .focusPreviousButton
        },
        KeyBinding(named: "press", [.enter], "press the focused button", in: [.dialog]) { _, _ in .pressFocusedButton },
        KeyBinding(named: "dialog-preview", [.character("p")], "preview (dry run)", hint: "preview", in: [.dialog]) {
            _, _ in .pressButton(.preview)
        },
        // The hint is named as the button is ("[s] Stop"), and dimmed when the dialog says it cannot send.
        KeyBinding(
            named: "dialog-go", [.character("s")], "stop (or start), after confirmation", hint: "go", in: [.dialog],
            dangerous: true,
            hintFor: { s in (s.dialog.power?.action.rawValue ?? "go", s.dialog.power?.confirmDisabledReason == nil) }
        ) { _, _ in
            .pressButton(.confirm)
        },
        KeyBinding(named: "dialog-cancel", [.character("c"), .escape], "cancel", hint: "cancel", in: [.dialog]) {
            _, _ in .cancelDialog
        },
        KeyBinding(named: "dialog-down", [.character("j"), .down], "scroll the targets down", in: [.dialog]) { _, _ in
            .scrollDialog(by: 1)
        },
        KeyBinding(named: "scroll-up-2", [.character("k"), .up], "scroll the targets up", in: [.dialog]) { _, _ in
            .scrollDialog(by: -1)
        },
        KeyBinding(
            named: "dialog-copy-commands", [.character("Y")], "copy the calls as aliyun commands, as they would go",
            in: [.dialog]
        ) { _, _ in .copyCommands },
        // One context per way of confirming: a y prompt (its other keys do nothing), or a count typed out.
        KeyBinding(
            named: "confirm-yes", [.character("y")], "confirm (fewer than 10 targets, no ForceStop)", hint: "confirm",
            in: [.confirm]
        ) { _, _ in .typeCharacter("y") },
        KeyBinding(
            named: "confirm-back", [.escape, .character("n")], "back to the dialog", hint: "back", in: [.confirm]
        ) { _, _ in .cancelDialog },
        KeyBinding(
            named: "confirm-count", [.enter],
            "confirm the number typed (10 or more targets, ForceStop, or a safety policy)",
            hint: "confirm", in: [.confirmCount]
        ) { _, _ in .typeEnter },
        KeyBinding(named: "count-erase", [.backspace], "erase the last digit", in: [.confirmCount]) { _, _ in
            .typeBackspace
        },
        KeyBinding(named: "count-back", [.escape], "back to the dialog", hint: "back", in: [.confirmCount]) { _, _ in
            .cancelDialog
        },
        KeyBinding(named: "count-type", [], typesText: true, "type the count (digits only)", in: [.confirmCount]) {
            _, input in
            input.typed.map { .typeCharacter($0) }
        },
    ]

    static let overlays: [KeyBinding] =
        [
            KeyBinding(
                named: "journal", [.character("@")], "journal: past operations and their results", hint: "journal",
                in: [.list]
            ) { _, _ in .openJournal },
            KeyBinding(
                named: "command", [.character(":")],
                "command line (Tab completes): " + FleetCommand.usage.split(separator: "   ").joined(separator: ", "),
                in: [.list]
            ) { _, _ in .openCommandLine },
            KeyBinding(named: "command-run", [.enter], "run the command", in: [.commandLine]) { _, _ in .typeEnter },
            KeyBinding(
                named: "command-erase", [.backspace], "erase before the cursor (on an empty line: leave it)",
                in: [.commandLine]
            ) { s, _ in
                guard case .commandLine(let command) = s.dialog else { return nil }
                return command.text.isEmpty ? .cancelDialog : .editLine(.eraseBackward)
            },
            KeyBinding(
                named: "command-complete", [.tab],
                "complete command/region/theme/profile/column; again: next", in: [.commandLine]
            ) { _, _ in .completeCommandLine(backward: false) },
            KeyBinding(named: "command-complete-back", [.backTab], "the previous candidate", in: [.commandLine]) {
                _, _ in .completeCommandLine(backward: true)
            },
        ] + lineEditing("command", in: .commandLine) + [
            KeyBinding(named: "command-type", [], typesText: true, "type the command", in: [.commandLine]) { _, input in
                input.typed.map { .typeCharacter($0) }
            },
            KeyBinding(
                named: "pager-down", [.character("j"), .down], "scroll down", hint: "scroll", hintPartner: "pager-up",
                in: pagers
            ) { _, input in
                input.overlay.map { .scrollOverlay(.lines(1), in: $0) }
            },
            KeyBinding(named: "pager-up", [.character("k"), .up], "scroll up", in: pagers) { _, input in
                input.overlay.map { .scrollOverlay(.lines(-1), in: $0) }
            },
            KeyBinding(
                named: "pager-page-down", [.pageDown, .ctrl("f")], "scroll a page down", hint: "page",
                hintPartner: "pager-page-up", in: pagers
            ) { _, input in
                input.overlay.map { .scrollOverlay(.pages(1), in: $0) }
            },
            KeyBinding(named: "pager-page-up", [.pageUp, .ctrl("b")], "scroll a page up", in: pagers) { _, input in
                input.overlay.map { .scrollOverlay(.pages(-1), in: $0) }
            },
            KeyBinding(
                named: "pager-top", [.character("g"), .home], "to the top", hint: "top/end",
                hintPartner: "pager-bottom",
                in: pagers
            ) { _, input in
                input.overlay.map { .scrollOverlay(.top, in: $0) }
            },
            KeyBinding(named: "pager-bottom", [.character("G"), .end], "to the end", in: pagers) { _, input in
                input.overlay.map { .scrollOverlay(.bottom, in: $0) }
            },
            KeyBinding(named: "command-cancel", [.escape], "leave the command line", in: [.commandLine]) { _, _ in
                .cancelDialog
            },
            KeyBinding(
                named: "close", [.escape, .character("q"), .enter], "close", hint: "close", in: pagers.union([.journal])
            ) { _, _ in
                .cancelDialog
            },
            KeyBinding(
                named: "help-close", [.character("?"), .function(1)], "close the help, back to what was open",
                in: [.help]
            ) { _, _ in .cancelDialog },
            KeyBinding(
                named: "help", [.character("?"), .function(1)], "help for this screen", hint: "help", in: helpContexts,
                pinned: true
            ) { _, _ in .openHelp },
            KeyBinding(
                named: "quit", [.character("q")], "quit (asks first while an operation is in flight)", hint: "quit",
                in: [.list], pinned: true
            ) { _, _ in .quit },
            // Ctrl-C is a signal (the terminal is in cbreak mode), handled by the app loop on every screen; this row
            // is what help says about it, and a `ctrl-c` key event, should one come, does nothing.
            KeyBinding(
                named: "interrupt", [.ctrl("c")],
                "quit at once, from any screen (an operation in flight stays in the journal: ecsfleet journal --resume)",
                in: [.list]
            ) { _, _ in nil },
            KeyBinding(
                named: "quit-yes", [.character("y"), .enter], "quit although an operation is in flight",
                in: [.quitConfirmation]
            ) { _, _ in .typeCharacter("y") },
            KeyBinding(named: "quit-no", [.character("n"), .escape], "stay", in: [.quitConfirmation]) { _, _ in
                .cancelDialog
            },
        ]
}
