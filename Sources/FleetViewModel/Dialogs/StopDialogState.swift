import ECSAPI
import FleetCore
import Foundation

/// The stop dialog (also used for previews and, with `action == .start`, for starts). Opening it freezes the
/// target set by instance ID; refreshes later update what the dialog knows of each target, never the set.
public struct StopDialogState: Sendable, Equatable {
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
                if case let .standardModeOnly(reason) = preflight { return "dry run passed; \(reason)" }
                return "dry run passed"
            }
            if let r = dryRun, r.outcome == .dryRunFailed { return "dry run failed: \(r.code) \(r.message)" }
            switch preflight {
            case .proceed: return "will be sent"
            case let .standardModeOnly(reason): return "will be sent; \(reason)"
            case let .skip(_, reason): return "skipped: \(reason)"
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
    /// The operation this dialog reverses (`u` in the results view); its plan names it in the journal.
    public var undoes: String?
    /// The safety policy's decision for this action.
    public var safety: SafetyPolicy.Decision
    /// Why the last key was refused ("Typed 12; type 13 to stop 13 instances"), until the next key.
    public internal(set) var message: String?
    /// When the verdicts were last judged.
    public internal(set) var judgedAt: Date

    private var place: [String: Int]

    /// Opens the dialog on `targets` (ID, region and what is known), in order; `hidden` are the targets the filter hides.
    public init(action: PowerAction, targets list: [(instanceId: String, regionId: String, instance: Instance?)],
                hidden: Set<String> = [], options: OperationOptions = OperationOptions(), readOnly: Bool = false,
                readOnlyFixed: Bool = false, safety: SafetyPolicy.Decision = PowerSafety.allowAll.stop, now: Date) {
        self.action = action
        var seen = Set<String>()
        targets = list.filter { seen.insert($0.instanceId).inserted }.map {
            Target(instanceId: $0.instanceId, regionId: $0.regionId, instance: $0.instance, preflight: .proceed, dryRun: nil)
        }
        place = Dictionary(targets.enumerated().map { ($0.element.instanceId, $0.offset) }, uniquingKeysWith: { a, _ in a })
        hiddenIds = hidden.intersection(seen)
        var o = options
        o.dryRun = false
        if action == .start { o.forceStop = false; o.stoppedMode = nil }
        self.options = o
        focus = .cancel; scroll = 0; step = .choosing; preview = .notRun
        self.readOnly = readOnly; self.readOnlyFixed = readOnlyFixed; self.safety = safety; message = nil; judgedAt = now
        judge(now: now)
    }

    /// The frozen target IDs, in order.
    public var targetIds: [String] { targets.map(\.instanceId) }

    /// Re-judges every target with the current options at `now`.
    mutating func judge(now: Date) {
        judgedAt = now
        for i in targets.indices {
            targets[i].preflight = Preflight.judge(targets[i].instance, id: targets[i].instanceId, action: action, options: options, now: now).verdict
        }
    }

    /// Takes in fresher data for targets among `instances`, and forgets the data of targets among `gone` (no
    /// longer in their region); other instances are ignored: the set never changes.
    mutating func refresh(_ instances: [Instance], gone: [String] = [], now: Date) {
        var any = false
        for instance in instances {
            guard let i = place[instance.instanceId], targets[i].instance != instance else { continue }
            targets[i].instance = instance
            targets[i].preflight = Preflight.judge(instance, id: instance.instanceId, action: action, options: options, now: now).verdict
            any = true
        }
        for id in gone {
            guard let i = place[id], targets[i].instance != nil else { continue }
            targets[i].instance = nil
            targets[i].preflight = Preflight.judge(nil, id: id, action: action, options: options, now: now).verdict
            any = true
        }
        if any { judgedAt = now }
    }

    /// Forgets the targets that were hidden by the filter.
    mutating func dropHidden() {
        guard !hiddenIds.isEmpty else { return }
        targets.removeAll { hiddenIds.contains($0.instanceId) }
        place = Dictionary(targets.enumerated().map { ($0.element.instanceId, $0.offset) }, uniquingKeysWith: { a, _ in a })
        hiddenIds = []
        scroll = min(scroll, max(0, targets.count - 1))
        clearPreview()
        step = .choosing
    }

    /// Takes in a preview's results if they belong to the preview running now.
    mutating func applyPreview(_ report: OperationEngine.Report) {
        guard case let .running(id) = preview, id == report.operation else { return }
        for r in report.results { if let i = place[r.instanceId] { targets[i].dryRun = r } }
        preview = .done(operationId: id, notes: report.notes)
    }

    /// Forgets a preview (its options no longer hold).
    mutating func clearPreview() {
        preview = .notRun
        for i in targets.indices { targets[i].dryRun = nil }
    }

    /// Scrolls the target list by `delta` rows, within bounds.
    mutating func scroll(by delta: Int) {
        scroll = max(0, min(scroll + delta, max(0, targets.count - 1)))
    }
}
