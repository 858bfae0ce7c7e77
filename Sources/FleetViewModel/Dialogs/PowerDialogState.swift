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
        public var regionId: String
        /// Its latest known state; `nil` when the instance is not loaded (gone, or never seen).
        public var status: InstanceStatus?
        /// The preflight verdict for the current options.
        public var preflight: Preflight.Verdict
        /// The dry run's result, once previewed with the current options.
        public var dryRun: InstanceResult?
        /// Whether economical mode can apply to it (VPC, pay-as-you-go, no local disks; true when not loaded).
        var economical: Bool
        /// Why economical mode cannot apply to a stop target that will be sent (`nil` otherwise): the verdict
        /// then depends on StoppedMode alone, so changing it re-judges nothing.
        var keepsChargingReason: String?

        /// `id` judged for `action` at `now`, with its verdict for `stopCharging` (StoppedMode=StopCharging) or not.
        init(
            instanceId: String, regionId: String, instance: Instance?, action: PowerAction, stopCharging: Bool,
            now: Date
        ) {
            if let instance {
                self = Target(
                    instanceId: instanceId, regionId: instance.regionId, facts: Preflight.Facts(instance),
                    action: action, stopCharging: stopCharging, now: now)
            } else {
                self = Target(missing: instanceId, regionId: regionId, action: action, now: now)
            }
        }

        /// `id`, not loaded, judged for `action` at `now`.
        private init(missing instanceId: String, regionId: String, action: PowerAction, now: Date) {
            self.instanceId = instanceId
            self.regionId = regionId
            status = nil
            economical = true
            dryRun = nil
            keepsChargingReason = nil
            preflight =
                Preflight.judge(nil, id: instanceId, action: action, options: OperationOptions(), now: now)
                .verdict
        }

        /// `id` in `regionId`, found with `facts`, judged for `action` at `now`.
        init(
            instanceId: String, regionId: String, facts: Preflight.Facts, action: PowerAction, stopCharging: Bool,
            now: Date
        ) {
            self.instanceId = instanceId
            self.regionId = regionId
            status = facts.status
            economical = facts.ineligibility == nil
            dryRun = nil
            // Only StopCharging changes a verdict (from proceed to standardModeOnly), so the verdict without it and
            // the reason it would not apply are all the options need.
            let base = Preflight.verdict(facts, action: action, options: OperationOptions(), now: now)
            keepsChargingReason = action == .stop && base == .proceed ? facts.ineligibility : nil
            preflight = base
            setStopCharging(stopCharging)
        }

        /// Sets the verdict for StoppedMode=StopCharging (`on`) or any other StoppedMode.
        mutating func setStopCharging(_ on: Bool) {
            guard let why = keepsChargingReason else { return }
            preflight = on ? .standardModeOnly(reason: why) : .proceed
        }

        /// Whether it will be in a call.
        public var willSend: Bool {
            if case .skip = preflight { return false }
            return true
        }

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
    public private(set) var targets: [Target]
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
            var made: [Target] = []
            made.reserveCapacity(list.count)
            for i in list.indices where seen.insert(list[i].instanceId).inserted {
                made.append(
                    Target(
                        instanceId: list[i].instanceId, regionId: list[i].regionId, instance: list[i].instance,
                        action: action, stopCharging: stopCharging, now: now))
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
            func target(_ r: Int32) -> Target {
                Target(
                    instanceId: table.ids[Int(r)], regionId: table.regionId(ofRow: r),
                    facts: table.preflightFacts[Int(r)], action: action, stopCharging: stopCharging, now: now)
            }
            var made: [Target]
            if rows.count >= 1024,
                let inRowOrder = Self.targetsInRowOrder(
                    rows, rowCount: table.ids.count, extra: ids.count, make: target)
            {
                made = inRowOrder
            } else {
                made = []
                made.reserveCapacity(rows.count + ids.count)
                for r in rows { made.append(target(r)) }
            }
            for id in ids {
                if let r = table.row(id) {
                    made.append(target(r))
                } else {
                    made.append(
                        Target(
                            instanceId: id, regionId: "", instance: nil, action: action, stopCharging: stopCharging,
                            now: now))
                }
            }
            return made
        }
    }

    private init(
        action: PowerAction, hidden: Set<String>, options: OperationOptions, readOnly: Bool, readOnlyFixed: Bool,
        safety: SafetyPolicy.Decision, now: Date, targets make: (_ stopCharging: Bool) -> [Target]
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
            for i in targets.indices where index[targets[i].instanceId] == nil { index[targets[i].instanceId] = i }
            place.index = index
        }
        return place.index?[id]
    }

    /// The frozen target IDs, in order.
    public var targetIds: [String] { targets.map(\.instanceId) }

    /// Re-judges every target with the current options at `now`, from what `instances` knows of each.
    mutating func judge(now: Date, instances: (String) -> Instance?) {
        judgedAt = now
        let stopCharging = options.stoppedMode == .stopCharging
        for i in targets.indices {
            var t = Target(
                instanceId: targets[i].instanceId, regionId: targets[i].regionId,
                instance: instances(targets[i].instanceId), action: action, stopCharging: stopCharging, now: now)
            t.dryRun = targets[i].dryRun
            targets[i] = t
        }
        tally = VerdictTally(targets)
        findFirstCall()
    }

    /// Puts StoppedMode's effect on the verdicts: only targets that cannot use economical mode change, and no
    /// count does (they are sent either way).
    mutating func applyStoppedMode() {
        let on = options.stoppedMode == .stopCharging
        for i in targets.indices where targets[i].keepsChargingReason != nil { targets[i].setStopCharging(on) }
    }

    /// Takes in fresher data for targets among `instances`, and forgets the data of targets among `gone` (no
    /// longer in their region); other instances are ignored: the set never changes.
    mutating func refresh(_ instances: [Instance], gone: [String] = [], now: Date) {
        var any = false
        var sendChanged = false
        func change(_ i: Int, to instance: Instance?, id: String) {
            var t = Target(
                instanceId: id, regionId: targets[i].regionId, instance: instance, action: action,
                stopCharging: options.stoppedMode == .stopCharging, now: now)
            t.dryRun = targets[i].dryRun
            guard t != targets[i] else { return }
            if t.willSend != targets[i].willSend { sendChanged = true }
            tally.replace(targets[i], with: t)
            targets[i] = t
            any = true
        }
        for instance in instances {
            guard let i = targetIndex(of: instance.instanceId) else { continue }
            change(i, to: instance, id: instance.instanceId)
        }
        for id in gone {
            guard let i = targetIndex(of: id), targets[i].status != nil else { continue }
            change(i, to: nil, id: id)
        }
        if any { judgedAt = now }
        if sendChanged { findFirstCall() }
    }

    /// Forgets the targets that were hidden by the filter.
    mutating func dropHidden() {
        guard !hiddenIds.isEmpty else { return }
        targets.removeAll { hiddenIds.contains($0.instanceId) }
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
            var t = targets[i]
            t.dryRun = r
            tally.replace(targets[i], with: t)
            targets[i] = t
        }
        preview = .done(operationId: id, notes: report.notes)
    }

    /// Forgets a preview (its options no longer hold).
    mutating func clearPreview() {
        preview = .notRun
        guard tally.dryRuns > 0 else { return }
        for i in targets.indices { targets[i].dryRun = nil }
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
        firstCallIds = []
        guard let first = targets.firstIndex(where: \.willSend) else { return }
        firstCallRegion = targets[first].regionId
        for i in targets.indices[first...] where targets[i].willSend && targets[i].regionId == targets[first].regionId {
            firstCallIds.append(targets[i].instanceId)
            if firstCallIds.count == OperationPlan.maxPerCall { break }
        }
    }
}

/// The index of a dialog's targets by ID: derived from the targets and made when first needed, so two dialogs
/// with the same targets are equal whether or not either has made it yet.
struct TargetPlaces: Sendable, Equatable {
    var index: [String: Int]?

    static func == (_: TargetPlaces, _: TargetPlaces) -> Bool { true }
}
