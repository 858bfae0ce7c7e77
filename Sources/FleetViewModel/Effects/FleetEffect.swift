import FleetCore
import Foundation

/// Work the reducer asks for, as data. `FleetEffectRunner` performs the ones that talk to ECS or the journal;
/// the app loop performs the ones about the screen (`quit`, `setTheme`, `setMouse`).
public enum FleetEffect: Sendable {
    /// `DescribeRegions`, answered with `regionsLoaded`.
    case loadRegionList
    /// Loads a region's instances page by page (`instancesLoaded`); pages carry `generation` so pages of an
    /// older load are ignored. A new load of the same region replaces the old one.
    case loadInstances(region: String, generation: Int)
    /// Stops the loads of these regions.
    case cancelLoading(regions: [String])
    /// A `DescribeInstances` dry run in `region`, answered with `permissionChecked`.
    case checkPermission(region: String, generation: Int)
    /// Runs the plan through the operations engine and tracks it until final states (`operationUpdated`,
    /// then `operationFinished`).
    case execute(OperationPlan)
    /// Runs the plan as a dry run (its options say `dryRun`), answered with `previewFinished`.
    case preview(OperationPlan)
    /// Reads the journal, answered with `journalLoaded` or `journalFailed`.
    case loadJournal
    /// Reads these instances of `region` by ID (`DescribeInstances` with at most 100 `InstanceIds`), answered
    /// with `instancesRefreshed` (nothing when the call fails).
    case refreshInstances(region: String, ids: [String])
    /// Sends `tick` at `at`, when an automatic refresh falls due; replaces any earlier schedule.
    case scheduleRefresh(at: Date)
    /// Leaves the program (the app loop restores the terminal).
    case quit
    /// Switches to the named theme.
    case setTheme(String)
    /// Turns mouse reporting on or off.
    case setMouse(Bool)
    /// Writes `contents` (`rows` rows) to `path`, replacing a file there only with `overwrite`; answered with
    /// `exportFinished`.
    case export(path: String, contents: String, rows: Int, overwrite: Bool)
    /// Puts `text` on the clipboard through the terminal (the app loop's).
    case copy(String)
    /// Signs in with another profile of the CLI's config file (`:profile NAME`), checks the credentials, and
    /// moves the runner to that account; answered with `profileSwitched` or `profileSwitchFailed`.
    case switchProfile(String)
    /// Rings the bell and sends a desktop notification (the app loop's): a long operation ended.
    case notify(title: String, body: String)
    /// Finishes an interrupted operation from its journal entry (`JournalResume`: status re-read, nothing
    /// re-sent), reporting as an operation does (`operationUpdated`, then `operationFinished`, or `resumeFailed`).
    case resume(OperationHistory.Entry)
    /// Reads the instances of an operation to undo, region by region (`DescribeInstances` by ID), answered with
    /// `undoTargetsRead`.
    case readUndoTargets(OperationHistory.Entry, later: [OperationHistory.Entry])
}

extension FleetEffect: Equatable {
    /// Effects are equal when their data is (plans compared field by field).
    public static func == (l: FleetEffect, r: FleetEffect) -> Bool {
        switch (l, r) {
        case (.loadRegionList, .loadRegionList), (.loadJournal, .loadJournal), (.quit, .quit): return true
        case (.loadInstances(let a, let g), .loadInstances(let b, let h)): return a == b && g == h
        case (.cancelLoading(let a), .cancelLoading(let b)): return a == b
        case (.checkPermission(let a, let g), .checkPermission(let b, let h)): return a == b && g == h
        case (.execute(let a), .execute(let b)), (.preview(let a), .preview(let b)): return a.isSame(as: b)
        case (.refreshInstances(let a, let x), .refreshInstances(let b, let y)): return a == b && x == y
        case (.scheduleRefresh(let a), .scheduleRefresh(let b)): return a == b
        case (.setTheme(let a), .setTheme(let b)): return a == b
        case (.setMouse(let a), .setMouse(let b)): return a == b
        case (.export(let p, let c, let n, let o), .export(let q, let d, let m, let w)):
            return p == q && c == d && n == m && o == w
        case (.copy(let a), .copy(let b)): return a == b
        case (.switchProfile(let a), .switchProfile(let b)): return a == b
        case (.resume(let a), .resume(let b)): return a.operation == b.operation
        case (.readUndoTargets(let a, let x), .readUndoTargets(let b, let y)):
            return a.operation == b.operation && x.map(\.operation) == y.map(\.operation)
        default: return false
        }
    }
}
