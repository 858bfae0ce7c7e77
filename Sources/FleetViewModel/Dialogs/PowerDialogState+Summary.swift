import ECSAPI
import FleetCore
import Foundation

extension PowerDialogState {
    /// The number of targets that will be in a call.
    public var sendCount: Int { tally.send }

    /// The number of targets hidden by the filter (still targets until dropped).
    public var hiddenCount: Int { hiddenIds.count }

    /// Targets by state, in lifecycle order; `nil` counts targets that are not loaded.
    public var statusCounts: [(status: InstanceStatus?, count: Int)] {
        var out: [(status: InstanceStatus?, count: Int)] = tally.statuses.keys.sorted().map {
            ($0, tally.statuses[$0]!)
        }
        if tally.missing > 0 { out.append((nil, tally.missing)) }
        return out
    }

    /// Why targets will be skipped, most frequent first: `[("already Stopped", 4), ("locked for security reasons", 1)]`.
    public var skipReasons: [(reason: String, count: Int)] {
        tally.skipReasons.map { (reason: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason
        }
    }

    /// The skip reasons as dialog lines, summing to every skipped target: each reason on its own line when
    /// there are at most `lines` of them, else the most frequent `lines - 1` and one line for the rest.
    public func skipReasonLines(max lines: Int) -> [String] {
        let reasons = skipReasons
        guard reasons.count > lines, lines >= 1 else { return reasons.map { "skip \($0.count): \($0.reason)" } }
        let shown = reasons.prefix(lines - 1)
        let rest = reasons.dropFirst(lines - 1)
        let restCount = rest.reduce(0) { $0 + $1.count }
        return shown.map { "skip \($0.count): \($0.reason)" }
            + ["skip \(restCount): " + rest.map { "\($0.count) \($0.reason)" }.joined(separator: ", ")]
    }

    /// The preview's verdicts counted, once a preview has answered (skipped targets are not sent).
    public var previewCounts: (passed: Int, failed: Int, skipped: Int)? {
        guard case .done = preview else { return nil }
        return (tally.dryRunPassed, tally.dryRunFailed, targets.count - sendCount)
    }

    /// Targets that will be sent but cannot use economical mode: with `StopCharging` they stop in standard
    /// mode and keep charging.
    public var notEligibleCount: Int { tally.notEligible }

    /// The plan for the current targets and options, with the dialog's verdicts (as judged at `judgedAt`) and the
    /// names `table` has (read in place, not copied with their instances).
    func plan(id: String, dryRun: Bool = false, table: InstanceTable) -> OperationPlan {
        plan(id: id, dryRun: dryRun, name: { table.name(of: $0) })
    }

    private func plan(id: String, dryRun: Bool, name: (String) -> String) -> OperationPlan {
        var o = options
        o.dryRun = dryRun
        var judged: [OperationPlan.Target] = []
        judged.reserveCapacity(targets.count)
        for i in targets.indices {
            let id = targets.instanceId(at: i)
            let j = targets.judgement(at: i)
            judged.append(
                OperationPlan.Target(
                    instanceId: id, regionId: j.regionId, status: j.status, name: name(id),
                    preflight: Preflight(instanceId: id, verdict: j.preflight)))
        }
        var plan = OperationPlan(id: id, action: action, options: o, judged: judged, now: judgedAt)
        plan.undoes = undoes
        return plan
    }

    /// The number of API calls the real operation makes (at most 100 instances a call, one region a call).
    public var callCount: Int { tally.callCount }

    /// The equivalent `aliyun ecs StopInstances ...` command for each call (plans every target: not for frames).
    public var commandLines: [String] {
        plan(id: "dialog", dryRun: false, name: { _ in "" }).cliEquivalents
    }

    /// The equivalent command of the first call, as `commandLines.first`, from that call's targets alone.
    public var firstCommandLine: String? {
        guard !firstCallIds.isEmpty else { return nil }
        let call = firstCallIds.map { id in
            OperationPlan.Target(
                instanceId: id, regionId: firstCallRegion, status: nil, name: "",
                preflight: Preflight(instanceId: id, verdict: .proceed))
        }
        return OperationPlan(id: "dialog", action: action, options: options, judged: call, now: judgedAt)
            .cliEquivalents.first
    }

    /// `Stop` or `Start`: the confirm button's title.
    public var confirmTitle: String { action == .stop ? "Stop" : "Start" }

    /// A button's title.
    public func title(of button: Button) -> String {
        switch button {
        case .cancel: return "Cancel"
        case .preview: return "Preview"
        case .confirm: return confirmTitle
        }
    }

    /// Why the confirm button is disabled, or `nil` when it is enabled.
    public var confirmDisabledReason: String? {
        if readOnly { return FleetState.readOnlyReason(fixed: readOnlyFixed) }
        if safety.action == .deny { return "denied by the aliyun safety policy: \(safety.explanation)" }
        if sendCount == 0 { return "no target can be \(action == .stop ? "stopped" : "started")" }
        return nil
    }

    /// Why the preview button is disabled, or `nil`.
    public var previewDisabledReason: String? {
        if sendCount == 0 { return "nothing to preview: every target is skipped" }
        if case .running = preview { return "a preview is running" }
        return nil
    }

    /// Whether confirming needs the count typed (10 or more instances, ForceStop, or a safety policy that says
    /// confirm) rather than a single `y`.
    public var needsTypedCount: Bool { sendCount >= 10 || options.forceStop || safety.action == .confirm }

    /// Whether the dialog is asking for confirmation (`y`, or the typed count).
    public var isConfirming: Bool { step != .choosing }

    /// What the confirmation line asks.
    public var confirmationPrompt: String {
        let what =
            "\(action.rawValue) \(sendCount) instance\(sendCount == 1 ? "" : "s")"
            + (options.forceStop ? " with ForceStop" : "")
        switch step {
        case .choosing: return ""
        case .askingYes: return "Press y to \(what), n to go back."
        case .typingCount(let text): return "Type \(sendCount) and Enter to \(what): \(text)"
        }
    }

    /// The StoppedMode choice in words.
    public var stoppedModeTitle: String { options.stoppedMode?.rawValue ?? "default" }

    /// One line on what the StoppedMode choice means.
    public var stoppedModeConsequence: String {
        switch options.stoppedMode {
        case nil, .notApplicable?:
            return
                "Account default: economical mode if the account enabled it and the instance qualifies, else standard."
        case .keepCharging?:
            return "Standard mode: resources are kept and keep being charged; a restart is quick and keeps its IP."
        case .stopCharging?:
            let n = notEligibleCount
            return
                "Economical mode: compute is released and not charged; a restart can fail for lack of stock and a public IP without EIP may change."
                + (n > 0 ? " \(n) target\(n == 1 ? " is" : "s are") not eligible and will keep charging." : "")
        }
    }

    /// One line on what the BatchOptimization choice means.
    public var batchConsequence: String {
        switch options.batch {
        case .allTogether:
            return
                "AllTogether: all or nothing per call; if one instance fails the check, none in that call is \(action == .stop ? "stopped" : "started")."
        case .successFirst: return "SuccessFirst: each instance on its own; the others go ahead when one fails."
        }
    }

    /// One line on ForceStop.
    public var forceStopConsequence: String {
        options.forceStop
            ? "ForceStop: like pulling the power; unsaved data may be lost."
            : "Normal stop: the operating system shuts down cleanly."
    }
}
