import ECSAPI
import Foundation

/// Everything that can happen to the fleet screen: the operator's intents (mapped from keys by the UI layer)
/// and the results of effects (sent back by the effect runner).
public enum FleetAction: Sendable {
    // MARK: Moving the cursor
    case moveUp
    case moveDown
    case pageUp(pageSize: Int)
    case pageDown(pageSize: Int)
    case moveToTop
    case moveToBottom
    case moveTo(instanceId: String)

    // MARK: Marking
    /// Marks or unmarks the instance under the cursor.
    case toggleMark
    /// Marks or unmarks it, then moves down (Space).
    case toggleMarkAndMoveDown
    case markAllVisible
    /// Marks the visible unmarked and unmarks the visible marked.
    case invertVisibleMarks
    /// Unmarks everything, hidden marks included.
    case clearMarks
    /// Range marking: while on, the cursor marks every instance it passes.
    case setRangeMarking(Bool)

    // MARK: Filter and sort
    case beginFilter
    /// The filter bar's whole text after an edit.
    case editFilter(String)
    case applyFilter
    /// Leaves the filter bar, back to the filter applied before.
    case cancelFilter
    case clearFilter
    case sortByNextColumn
    case sortByPreviousColumn
    case invertSort

    // MARK: Opening things
    case openDetails
    case openStopDialog
    /// Opens the stop dialog and runs its preview (dry run) at once.
    case openStopDialogWithPreview
    case openStartDialog
    case openHelp
    case openJournal
    case openCommandLine

    // MARK: Inside dialogs
    case toggleForceStop
    case cycleStoppedMode
    case cycleBatchOptimization
    /// Drops the targets the filter hid when the dialog opened.
    case dropHiddenMarks
    case focusNextButton
    case focusPreviousButton
    case pressFocusedButton
    case pressButton(StopDialogState.Button)
    /// Esc: steps back in the dialog, or closes it.
    case cancelDialog
    /// A character typed in a dialog: `y`/`n`, the count's digits.
    case typeCharacter(Character)
    case typeBackspace
    case typeEnter
    /// Scrolls the dialog's list (targets, journal) by a number of rows.
    case scrollDialog(by: Int)

    // MARK: Command line
    /// The command line's whole text after an edit (without the `:`).
    case editCommandLine(String)
    /// Runs the command line: `:region NAME[,NAME...]|all`, `:theme NAME`, `:readonly [on|off]`, `:mouse on|off`, `:q`.
    case executeCommandLine

    // MARK: Session
    case refreshNow
    case cancelLoading
    case togglePause
    /// Quits, asking first while an operation is in flight.
    case quit

    // MARK: Results view
    /// Shows the results of an operation (the latest when `nil`).
    case showResults(operationId: String?)
    case hideResults
    case toggleFailuresOnly
    case scrollResults(by: Int)
    /// Reopens the dialog on the failed instances of the operation shown.
    case retryFailed

    // MARK: Results of effects
    case regionsLoaded([String])
    case regionListFailed(String)
    case instancesLoaded(InstancePage)
    case loadFailed(region: String, generation: Int, message: String)
    /// A `DescribeInstances` dry run's answer: `.granted`, `.denied(the API's message)`, or `.unknown(why)`.
    case permissionChecked(region: String, generation: Int, RegionLoad.Permission)
    case operationUpdated(operationId: String, results: [InstanceResult])
    case operationFinished(OperationEngine.Report)
    case previewFinished(OperationEngine.Report)
    case journalLoaded([OperationHistory.Entry])
    case journalFailed(String)
    /// Time passes: banners expire, automatic refreshes fall due.
    case tick(Date)
}

/// One page of a region's instances, as the loader reports it.
public struct InstancePage: Sendable, Equatable {
    public var region: String
    public var generation: Int
    public var instances: [Instance]
    /// Instances received so far in this load, this page included.
    public var loaded: Int
    /// The region's instance count as the API reports it.
    public var total: Int
    /// Whether this is the last page.
    public var isLast: Bool

    public init(region: String, generation: Int, instances: [Instance], loaded: Int, total: Int, isLast: Bool) {
        self.region = region; self.generation = generation; self.instances = instances
        self.loaded = loaded; self.total = total; self.isLast = isLast
    }
}
