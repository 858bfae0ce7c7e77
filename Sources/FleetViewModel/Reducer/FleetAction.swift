import ECSAPI
import FleetCore
import Foundation

/// Everything that can happen to the fleet screen: the operator's intents (mapped from keys by the UI layer)
/// and the results of effects (sent back by the effect runner).
public enum FleetAction: Sendable {
    // MARK: Moving the cursor
    /// One row up (stays on the first).
    case moveUp
    /// One row down (stays on the last).
    case moveDown
    /// A page up: `pageSize` rows, the list's visible height.
    case pageUp(pageSize: Int)
    /// A page down.
    case pageDown(pageSize: Int)
    /// To the first row.
    case moveToTop
    /// To the last row.
    case moveToBottom
    /// To an instance by ID (a banner says so when it is hidden or not loaded).
    case moveTo(instanceId: String)

    // MARK: Marking
    /// Marks or unmarks the instance under the cursor.
    case toggleMark
    /// Marks or unmarks it, then moves down (Space).
    case toggleMarkAndMoveDown
    /// Marks every visible instance (hidden marks stay).
    case markAllVisible
    /// Marks the visible unmarked and unmarks the visible marked.
    case invertVisibleMarks
    /// Unmarks everything, hidden marks included.
    case clearMarks
    /// Range marking: while on, the cursor marks every instance it passes.
    case setRangeMarking(Bool)

    // MARK: Filter and sort
    /// Opens the filter bar with the applied text.
    case beginFilter
    /// The filter bar's whole text after an edit.
    case editFilter(String)
    /// Keeps the typed filter and leaves the filter bar.
    case applyFilter
    /// Leaves the filter bar, back to the filter applied before.
    case cancelFilter
    /// Removes the filter.
    case clearFilter
    /// Sorts by the next column, ascending.
    case sortByNextColumn
    /// Sorts by the previous column, ascending.
    case sortByPreviousColumn
    /// Reverses the direction.
    case invertSort

    // MARK: Opening things
    /// Shows everything about the instance under the cursor.
    case openDetails
    /// Opens the stop dialog on the marked instances, or the one under the cursor.
    case openStopDialog
    /// Opens the stop dialog and runs its preview (dry run) at once.
    case openStopDialogWithPreview
    /// Opens the start dialog on the marked instances, or the one under the cursor.
    case openStartDialog
    /// Shows the help over whatever is open (closing it returns there).
    case openHelp
    /// Shows past operations from the journal (loading it).
    case openJournal
    /// Opens the `:` command line.
    case openCommandLine

    // MARK: Inside dialogs
    /// Stop dialog: ForceStop on or off.
    case toggleForceStop
    /// Stop dialog: StoppedMode default → KeepCharging → StopCharging.
    case cycleStoppedMode
    /// Dialog: BatchOptimization AllTogether ↔ SuccessFirst.
    case cycleBatchOptimization
    /// Drops the targets the filter hid when the dialog opened.
    case dropHiddenMarks
    /// Dialog: focus the next button (Tab).
    case focusNextButton
    /// Dialog: focus the previous button (Shift-Tab).
    case focusPreviousButton
    /// Dialog: press the focused button.
    case pressFocusedButton
    /// Dialog: press a button directly (a shortcut key).
    case pressButton(PowerDialogState.Button)
    /// Esc: steps back in the dialog, or closes it.
    case cancelDialog
    /// A character typed in a dialog: `y`/`n`, the count's digits.
    case typeCharacter(Character)
    /// Removes the last typed character (count, command line).
    case typeBackspace
    /// Enter in a dialog: checks the typed count, runs the command line, confirms quitting, or presses the focused button.
    case typeEnter
    /// Scrolls the stop/start dialog's targets by a number of rows.
    case scrollDialog(by: Int)
    /// Scrolls the open overlay (help, details, journal); `bounds` is its length as the screen lays it out.
    case scrollOverlay(ScrollMove, in: ScrollBounds)

    // MARK: Search in help
    /// `/` in help: opens the search line.
    case openHelpSearch
    /// The help search's whole text after an edit; `matches` are the first lines of the entries holding it, as
    /// the screen lays the help out, and the view jumps to the first from where the search began.
    case editHelpSearch(String, matches: [Int], in: ScrollBounds)
    /// Enter: keeps the search (highlighted; `n` and `N` step through it) and gives the keys back to help.
    case keepHelpSearch
    /// Esc on the search line: leaves the search, its highlights gone.
    case leaveHelpSearch
    /// `n` / `N`: to the next (or previous) match, wrapping; the matches as the screen finds them now.
    case stepHelpSearch(forward: Bool, matches: [Int], in: ScrollBounds)

    // MARK: Command line
    /// The command line's whole text after an edit (without the `:`).
    case editCommandLine(String)
    /// Runs the command line: `:region NAME[,NAME...]|all`, `:theme NAME`, `:readonly [on|off]`, `:mouse on|off`, `:q`.
    case executeCommandLine
    /// An editing key (cursor moves, erasures) on the line that has the keyboard: the filter line or the command line.
    case editLine(LineEdit)
    /// Tab (or Shift-Tab, `backward`) on the command line: completes the word before the cursor, then cycles
    /// through the candidates.
    case completeCommandLine(backward: Bool)

    // MARK: Session
    /// Reloads the regions shown.
    case refreshNow
    /// Stops the loads in progress.
    case cancelLoading
    /// Pauses or resumes live updates (automatic refresh).
    case togglePause
    /// Quits, asking first while an operation is in flight.
    case quit
    /// A key that is off in read-only mode was pressed; `key` names it (`S (stop)`) for the banner saying why.
    case refusedReadOnly(key: String)

    // MARK: Results view
    /// Shows the results of an operation (the latest when `nil`).
    case showResults(operationId: String?)
    /// Hides the results view.
    case hideResults
    /// Results view: all rows or failures only.
    case toggleFailuresOnly
    /// Scrolls the results view by a number of rows.
    case scrollResults(by: Int)
    /// Reopens the dialog on the failed instances of the operation shown.
    case retryFailed

    // MARK: Results of effects
    /// `DescribeRegions` answered with these region IDs.
    case regionsLoaded([String])
    /// `DescribeRegions` failed; the text says why.
    case regionListFailed(String)
    /// A page of a region's instances arrived.
    case instancesLoaded(InstancePage)
    /// A region's load failed; the text says why.
    case loadFailed(region: String, generation: Int, message: String)
    /// A `DescribeInstances` dry run's answer: `.granted`, `.denied(the API's message)`, or `.unknown(why)`.
    case permissionChecked(region: String, generation: Int, RegionLoad.Permission)
    /// Results of a running operation changed (only the changed ones).
    case operationUpdated(operationId: String, results: [InstanceResult])
    /// An operation ended; the report holds every final result.
    case operationFinished(OperationEngine.Report)
    /// A dialog's dry run ended.
    case previewFinished(OperationEngine.Report)
    /// The journal was read: operations, oldest first.
    case journalLoaded([OperationHistory.Entry])
    /// The journal could not be read; the text says why.
    case journalFailed(String)
    /// Instances of `region` read by ID: `asked` are the IDs asked, `instances` those found (the others no
    /// longer exist).
    case instancesRefreshed(region: String, asked: [String], instances: [Instance])
    /// The list rows on screen changed (scrolling, a resize).
    case viewportChanged(ListViewport)
    /// Time passes: banners expire, automatic refreshes fall due.
    case tick(Date)
    /// `:export` wrote `rows` rows to `path`, or could not (`error` says why).
    case exportFinished(path: String, rows: Int, error: String?)
    /// `y`: copy the marked IDs (or the cursor's; in the results view, the operation's), one a line.
    case copyIds
    /// `Y`: copy the results view's operation as the equivalent `aliyun` commands, one a line.
    case copyCommands
    /// `u` in the results view: the dialog that reverses the operation (start what it stopped, stop what it started).
    case undoOperation
    /// `:profile NAME` signed in: the screen moves to that account.
    case profileSwitched(AccountSummary)
    /// `:profile NAME` could not sign in (the text says why); the screen stays on its account.
    case profileSwitchFailed(profile: String, message: String)
    /// A digit of a count prefix (`10j` moves ten rows, `5G` goes to row 5).
    case addCountDigit(Int)

    // MARK: Journal view
    /// Moves the journal's selection: by operations (`lines`), by screenfuls, or to either end; `bounds` is the
    /// journal's length as the screen lays it out.
    case moveJournalSelection(ScrollMove, in: ScrollBounds)
    /// `r`: follows the selected interrupted operation to its end in the results view (status re-read, nothing
    /// re-sent).
    case resumeSelectedOperation
    /// `u`: the dialog that reverses the selected operation, once its instances' state is read.
    case undoSelectedOperation
    /// The instances of an operation to undo were read: `found` are those that exist, or `failure` says why they
    /// could not be read. `later` are the operations recorded after it.
    case undoTargetsRead(OperationHistory.Entry, later: [OperationHistory.Entry], found: [Instance], failure: String?)
    /// Resuming an operation stopped on an error (the text); the journal keeps it unfinished.
    case resumeFailed(operationId: String, message: String)
}
