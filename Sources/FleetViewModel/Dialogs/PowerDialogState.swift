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

    /// One target: what is known of it and what is expected to happen.
    public struct Target: Sendable, Equatable {
        /// The instance ID.
        public var instanceId: String
        /// Its region (empty when it is not loaded).
        public var regionId: String
        /// The latest known data; `nil` when the instance is not loaded (gone, or never seen).
        public var instance: Instance?
        /// The preflight verdict for the current options.
        public var preflight: Preflight.Verdict
        /// The dry run's result, once previewed with the current options.
        public var dryRun: InstanceResult?
        /// Why economical mode cannot apply to a stop target that will be sent (`nil` otherwise): the verdict
        /// then depends on StoppedMode alone, so changing it re-judges nothing.
        var keepsChargingReason: String?

        /// `id` judged for `action` at `now`, with its verdict for `stopCharging` (StoppedMode=StopCharging) or not.
        init(
            instanceId: String, regionId: String, instance: Instance?, action: PowerAction, stopCharging: Bool,
            now: Date
        ) {
            self.instanceId = instanceId
            self.regionId = regionId
            self.instance = instance
            dryRun = nil
            // Only StopCharging changes a verdict (from proceed to standardModeOnly), so the verdict without it and
            // the reason it would not apply are all the options need.
            let base = Preflight.judge(instance, id: instanceId, action: action, options: OperationOptions(), now: now)
                .verdict
            keepsChargingReason = action == .stop && base == .proceed ? instance.flatMap(Preflight.ineligibility) : nil
            preflight = base
            setStopCharging(stopCharging)
        }

        /// Sets the verdict for StoppedMode=StopCharging (`on`) or any other StoppedMode.
        mutating func setStopCharging(_ on: Bool) {
            guard let why = keepsChargingReason else { return }
            preflight = on ? .standardModeOnly(reason: why) : .proceed
        }

        /// Its name, if known.
        public var name: String { instance?.instanceName ?? "" }
        /// Its latest known state.
        public var status: InstanceStatus? { instance?.status }
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

    private var place: [String: Int]
    /// The counts the dialog shows, kept with the targets.
    private(set) var tally: VerdictTally
    /// The IDs of the plan's first call (one region, up to 100): the dialog shows its `aliyun` equivalent.
    private(set) var firstCallIds: [String]

    /// Opens the dialog on `targets` (ID, region and what is known), in order; `hidden` are the targets the filter hides.
    public init(
        action: PowerAction, targets list: [(instanceId: String, regionId: String, instance: Instance?)],
        hidden: Set<String> = [], options: OperationOptions = OperationOptions(), readOnly: Bool = false,
        readOnlyFixed: Bool = false, safety: SafetyPolicy.Decision = PowerSafety.allowAll.stop, now: Date
    ) {
        self.action = action
        var o = options
        o.dryRun = false
        if action == .start {
            o.forceStop = false
            o.stoppedMode = nil
        }
        self.options = o
        var seen = Set<String>(minimumCapacity: list.count)
        let stopCharging = o.stoppedMode == .stopCharging
        // One pass, by index: each copy of an instance costs a retain per field, and 100,000 of them show.
        var made: [Target] = []
        made.reserveCapacity(list.count)
        for i in list.indices where seen.insert(list[i].instanceId).inserted {
            made.append(
                Target(
                    instanceId: list[i].instanceId, regionId: list[i].regionId, instance: list[i].instance,
                    action: action,
                    stopCharging: stopCharging, now: now))
        }
        targets = made
        place = Self.places(targets)
        hiddenIds = hidden.intersection(seen)
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

    private static func places(_ targets: [Target]) -> [String: Int] {
        var place = [String: Int](minimumCapacity: targets.count)
        for i in targets.indices where place[targets[i].instanceId] == nil { place[targets[i].instanceId] = i }
        return place
    }

    /// Where target `id` is in `targets`.
    func targetIndex(of id: String) -> Int? { place[id] }

    /// The frozen target IDs, in order.
    public var targetIds: [String] { targets.map(\.instanceId) }

    /// Re-judges every target with the current options at `now`.
    mutating func judge(now: Date) {
        judgedAt = now
        let stopCharging = options.stoppedMode == .stopCharging
        for i in targets.indices {
            var t = Target(
                instanceId: targets[i].instanceId, regionId: targets[i].regionId, instance: targets[i].instance,
                action: action, stopCharging: stopCharging, now: now)
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
            if t.willSend != targets[i].willSend { sendChanged = true }
            tally.replace(targets[i], with: t)
            targets[i] = t
            any = true
        }
        for instance in instances {
            guard let i = place[instance.instanceId], targets[i].instance != instance else { continue }
            change(i, to: instance, id: instance.instanceId)
        }
        for id in gone {
            guard let i = place[id], targets[i].instance != nil else { continue }
            change(i, to: nil, id: id)
        }
        if any { judgedAt = now }
        if sendChanged { findFirstCall() }
    }

    /// Forgets the targets that were hidden by the filter.
    mutating func dropHidden() {
        guard !hiddenIds.isEmpty else { return }
        targets.removeAll { hiddenIds.contains($0.instanceId) }
        place = Self.places(targets)
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
            guard let i = place[r.instanceId] else { continue }
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
        guard let first = targets.first(where: \.willSend) else { return }
        for t in targets where t.willSend && t.regionId == first.regionId {
            firstCallIds.append(t.instanceId)
            if firstCallIds.count == OperationPlan.maxPerCall { break }
        }
    }
}
