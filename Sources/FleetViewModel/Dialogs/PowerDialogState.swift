import ECSAPI
import FleetCore
import Foundation

/// The stop or start dialog (`action` says which; previews too). Opening it freezes the
/// target set by instance ID; refreshes later update what the dialog knows of each target, never the set.
public struct PowerDialogState: Sendable, Equatable {
    /// The dialog's buttons, in Tab order.
    public enum Button: Sendable, Equatable, CaseIterable { case cancel, preview, confirm }

    /// Where the confirmation stands.
    public enum Step: Sendable, Equatable {
        /// Choosing options; nothing asked yet.
        case choosing
        /// "Press y to stop 3 instances."
        case askingYes
        /// "Type 12 and Enter to stop 12 instances": the text typed so far.
        case typingCount(String)
    }

    /// The dry run of the current options.
    public enum Preview: Sendable, Equatable {
        case notRun
        case running(operationId: String)
        case done(operationId: String, notes: [String])
    }

    /// One target: what the dialog counts and shows of it, judged from the instance when the dialog opened or
    /// last heard of it. The instance itself stays in the table (copying 100,000 of them made opening the dialog
    /// take seconds); what a row draws beyond this (the name) is looked up there for the rows on screen.
    public struct Target: Sendable, Equatable {
        /// The instance ID.
        public var instanceId: String
        /// Its region (empty when it is not loaded).
        public var regionId: String { judgement.regionId }
        /// Its latest known state; `nil` when the instance is not loaded (gone, or never seen).
        public var status: InstanceStatus? { judgement.status }
        /// The preflight verdict for the current options.
        public var preflight: Preflight.Verdict { judgement.preflight }
        /// The dry run's result, once previewed with the current options.
        public var dryRun: InstanceResult?
        /// The rest of what the dialog knows and judged of it.
        var judgement: Judgement

        init(instanceId: String, judgement: Judgement, dryRun: InstanceResult? = nil) {
            self.instanceId = instanceId
            self.judgement = judgement
            self.dryRun = dryRun
        }

        /// Whether it will be in a call.
        public var willSend: Bool { judgement.willSend }

        /// What the dialog shows for it: the dry run's verdict once previewed, else the preflight's.
        public var verdictText: String {
            if let r = dryRun, r.outcome == .dryRunPassed {
                if case .standardModeOnly(let reason) = preflight { return "dry run passed; \(reason)" }
                return "dry run passed"
            }
            if let r = dryRun, r.outcome == .dryRunFailed { return "dry run failed: \(r.code) \(r.message)" }
            switch preflight {
            case .proceed: return "will be sent"
            case .standardModeOnly(let reason): return "will be sent; \(reason)"
            case .skip(_, let reason): return "skipped: \(reason)"
            }
        }
    }

    /// Stop, or start.
    public let action: PowerAction
    /// The frozen targets, in order (marked visible ones in list order, then hidden ones).
    public private(set) var targets: Targets
    /// Targets that were marked but hidden by the filter when the dialog opened.
    public private(set) var hiddenIds: Set<String>
    /// The options of the real call (`dryRun` is always false here).
    public internal(set) var options: OperationOptions
    /// The focused button (Cancel when the dialog opens).
    public var focus: Button
    /// The first target row shown.
    public internal(set) var scroll: Int
    /// Where the confirmation stands.
    public internal(set) var step: Step
    /// The dry run of the current options, if any.
    public internal(set) var preview: Preview
    /// Read-only mode when the dialog opened: the confirm button is disabled.
    public var readOnly: Bool
    /// Read-only since the session started (`--readonly`): `:readonly off` cannot lift it.
    public var readOnlyFixed: Bool
    /// The operation this dialog reverses (`u` in the results view or the journal); its plan names it in the journal.
    public var undoes: String?
    /// For an undo: the operation's instances it leaves alone, and why (already stopped before it, started since...).
    public var undoSkipped: [UndoSelection.Skip] = []
    /// The safety policy's decision for this action.
    public var safety: SafetyPolicy.Decision
    /// Why the last key was refused ("Typed 12; type 13 to stop 13 instances"), until the next key.
    public internal(set) var message: String?
    /// When the verdicts were last judged.
    public internal(set) var judgedAt: Date

    /// Where each target is in `targets`, made on first need (a refresh or a preview's results), not on opening.
    private var place = TargetPlaces()
    /// The counts the dialog shows, kept with the targets.
    private(set) var tally: VerdictTally
    /// The IDs of the plan's first call (one region, up to 100): the dialog shows its `aliyun` equivalent.
    private(set) var firstCallIds: [String]
    /// Their region.
    private(set) var firstCallRegion = ""

    /// Opens the dialog on `targets` (ID, region and what is known), in order; `hidden` are the targets the filter hides.
    public init(
        action: PowerAction, targets list: [(instanceId: String, regionId: String, instance: Instance?)],
        hidden: Set<String> = [], options: OperationOptions = OperationOptions(), readOnly: Bool = false,
        readOnlyFixed: Bool = false, safety: SafetyPolicy.Decision = PowerSafety.allowAll.stop, now: Date
    ) {
        var seen = Set<String>(minimumCapacity: list.count)
        self.init(
            action: action, hidden: hidden, options: options, readOnly: readOnly, readOnlyFixed: readOnlyFixed,
            safety: safety, now: now
        ) { stopCharging in
            var made = Targets()
            made.reserveCapacity(list.count)
            for t in list where seen.insert(t.instanceId).inserted {
                made.append(
                    id: t.instanceId,
                    judgement: Judgement(
                        instanceId: t.instanceId, regionId: t.regionId, instance: t.instance, action: action,
                        stopCharging: stopCharging, now: now))
            }
            return made
        }
        hiddenIds = hidden.intersection(seen)
    }

    /// Opens the dialog on the table's `rows`, then `ids` (all distinct, in order), judged from what `table` knows
    /// of each; `hidden` are the targets the filter hides. The instances are read in place, never copied.
    init(
        action: PowerAction, rows: [Int32], ids: [String], table: InstanceTable, hidden: Set<String>,
        options: OperationOptions, readOnly: Bool, readOnlyFixed: Bool, safety: SafetyPolicy.Decision, now: Date
    ) {
        self.init(
            action: action, hidden: hidden, options: options, readOnly: readOnly, readOnlyFixed: readOnlyFixed,
            safety: safety, now: now
        ) { stopCharging in
            var made = Targets(rowIds: table.ids)
            made.reserveCapacity(rows.count + ids.count)
            var judgements = RowJudgements(table, action: action, stopCharging: stopCharging, now: now)
            func number(_ r: Int32) -> Int32 { judgements.number(ofRow: r, in: &made) }
            for r in rows { made.append(row: r, judgement: number(r)) }
            for id in ids {
                if let r = table.row(id) {
                    made.append(row: r, judgement: number(r))
                } else {
                    made.append(id: id, judgement: Judgement(missing: id, regionId: "", action: action, now: now))
                }
            }
            return made
        }
    }

    private init(
        action: PowerAction, hidden: Set<String>, options: OperationOptions, readOnly: Bool, readOnlyFixed: Bool,
        safety: SafetyPolicy.Decision, now: Date, targets make: (_ stopCharging: Bool) -> Targets
    ) {
        self.action = action
        var o = options
        o.dryRun = false
        if action == .start {
            o.forceStop = false
            o.stoppedMode = nil
        }
        self.options = o
        targets = make(o.stoppedMode == .stopCharging)
        hiddenIds = hidden
        focus = .cancel
        scroll = 0
        step = .choosing
        preview = .notRun
        self.readOnly = readOnly
        self.readOnlyFixed = readOnlyFixed
        self.safety = safety
        message = nil
        judgedAt = now
        tally = VerdictTally(targets)
        firstCallIds = []
        findFirstCall()
    }

    /// Where target `id` is in `targets`.
    private mutating func targetIndex(of id: String) -> Int? {
        if place.index == nil {
            var index = [String: Int](minimumCapacity: targets.count)
            for i in targets.indices {
                let id = targets.instanceId(at: i)
                if index[id] == nil { index[id] = i }
            }
            place.index = index
        }
        return place.index?[id]
    }

    /// The frozen target IDs, in order.
    public var targetIds: [String] { targets.indices.map(targets.instanceId(at:)) }

    /// Re-judges every target with the current options at `now`, from what `table` knows of each.
    mutating func judge(now: Date, table: InstanceTable) {
        judgedAt = now
        var judgements = RowJudgements(
            table, action: action, stopCharging: options.stoppedMode == .stopCharging, now: now)
        for i in targets.indices {
            let id = targets.instanceId(at: i)
            if let r = table.row(id) {
                let n = judgements.number(ofRow: r, in: &targets)
                targets.setJudgement(at: i, number: n)
            } else {
                targets.setJudgement(
                    at: i,
                    Judgement(missing: id, regionId: targets.judgement(at: i).regionId, action: action, now: now))
            }
        }
        tally = VerdictTally(targets)
        findFirstCall()
    }

    /// Puts StoppedMode's effect on the verdicts: only targets that cannot use economical mode change, and no
    /// count does (they are sent either way).
    mutating func applyStoppedMode() {
        targets.setStopCharging(options.stoppedMode == .stopCharging)
    }

    /// Takes in fresher data for targets among `instances`, and forgets the data of targets among `gone` (no
    /// longer in their region); other instances are ignored: the set never changes.
    mutating func refresh(_ instances: [Instance], gone: [String] = [], now: Date) {
        var any = false
        var sendChanged = false
        func change(_ i: Int, to instance: Instance?, id: String) {
            let old = targets[i]
            let j = Judgement(
                instanceId: id, regionId: old.regionId, instance: instance, action: action,
                stopCharging: options.stoppedMode == .stopCharging, now: now)
            guard j != old.judgement else { return }
            if j.willSend != old.willSend { sendChanged = true }
            tally.replace(old, with: Target(instanceId: id, judgement: j, dryRun: old.dryRun))
            targets.setJudgement(at: i, j)
            any = true
        }
        for instance in instances {
            guard let i = targetIndex(of: instance.instanceId) else { continue }
            change(i, to: instance, id: instance.instanceId)
        }
        for id in gone {
            guard let i = targetIndex(of: id), targets.judgement(at: i).status != nil else { continue }
            change(i, to: nil, id: id)
        }
        if any { judgedAt = now }
        if sendChanged { findFirstCall() }
    }

    /// Forgets the targets that were hidden by the filter.
    mutating func dropHidden() {
        guard !hiddenIds.isEmpty else { return }
        let hidden = hiddenIds
        targets.removeAll(where: hidden.contains)
        place = TargetPlaces()
        hiddenIds = []
        scroll = min(scroll, max(0, targets.count - 1))
        clearPreview()
        tally = VerdictTally(targets)
        findFirstCall()
        step = .choosing
    }

    /// Takes in a preview's results if they belong to the preview running now.
    mutating func applyPreview(_ report: OperationEngine.Report) {
        guard case .running(let id) = preview, id == report.operation else { return }
        for r in report.results {
            guard let i = targetIndex(of: r.instanceId) else { continue }
            tally.replaceDryRun(targets.dryRun(at: i), with: r)
            targets.setDryRun(at: i, r)
        }
        preview = .done(operationId: id, notes: report.notes)
    }

    /// Forgets a preview (its options no longer hold).
    mutating func clearPreview() {
        preview = .notRun
        guard tally.dryRuns > 0 else { return }
        targets.clearDryRuns()
        tally.dryRuns = 0
        tally.dryRunPassed = 0
        tally.dryRunFailed = 0
    }

    /// Scrolls the target list by `delta` rows, within bounds.
    mutating func scroll(by delta: Int) {
        scroll = max(0, min(scroll + delta, max(0, targets.count - 1)))
    }

    /// Finds the plan's first call as `OperationPlan` makes it: the region of the first target to send, and
    /// that region's first 100 targets to send, in order.
    private mutating func findFirstCall() {
        let call = targets.firstCall(limit: OperationPlan.maxPerCall)
        firstCallRegion = call?.region ?? ""
        firstCallIds = call?.ids ?? []
    }
}

/// The index of a dialog's targets by ID: derived from the targets and made when first needed, so two dialogs
/// with the same targets are equal whether or not either has made it yet.
struct TargetPlaces: Sendable, Equatable {
    var index: [String: Int]?

    static func == (_: TargetPlaces, _: TargetPlaces) -> Bool { true }
}
