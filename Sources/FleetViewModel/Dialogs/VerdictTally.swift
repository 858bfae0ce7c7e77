import ECSAPI
import FleetCore

/// The stop dialog's counts (targets by state, sent and skipped, skip reasons, calls per region, targets that
/// cannot use economical mode, dry-run outcomes), kept up to date target by target: each change takes the old
/// target out and puts the new one in, so a frame or a key never walks 100,000 targets to count them.
struct VerdictTally: Sendable, Equatable {
    /// Targets by their latest known state.
    var statuses: [InstanceStatus: Int] = [:]
    /// Targets that are not loaded.
    var missing = 0
    /// Targets that will be in a call.
    var send = 0
    /// Skipped targets by reason.
    var skipReasons: [String: Int] = [:]
    /// Targets that will be sent, by region.
    var sendByRegion: [String: Int] = [:]
    /// Targets that will be sent but cannot use economical mode.
    var notEligible = 0
    /// Targets with a dry-run result, and how many of those passed or failed.
    var dryRuns = 0
    var dryRunPassed = 0
    var dryRunFailed = 0

    /// The tally of `targets`, counted from scratch: targets by judgement first (a number each), then each
    /// judgement's share once. A fleet has a handful of judgements, so this is one pass over small numbers.
    init(_ targets: PowerDialogState.Targets) {
        for (j, n) in targets.countsByJudgement.enumerated() where n > 0 { add(targets.judgements[j], sign: n) }
        for r in targets.targetDryRuns { addDryRun(r, sign: 1) }
    }

    /// Counts `t` in (`sign` 1) or out (`sign` -1).
    mutating func add(_ t: PowerDialogState.Target, sign: Int = 1) {
        add(t.judgement, sign: sign)
        if let r = t.dryRun { addDryRun(r, sign: sign) }
    }

    /// Counts `sign` targets judged `j` in (`sign` above 0) or out (below 0).
    mutating func add(_ j: PowerDialogState.Judgement, sign: Int) {
        if let s = j.status {
            statuses[s, default: 0] += sign
            if statuses[s] == 0 { statuses[s] = nil }
        } else {
            missing += sign
        }
        if case .skip(_, let reason) = j.preflight {
            skipReasons[reason, default: 0] += sign
            if skipReasons[reason] == 0 { skipReasons[reason] = nil }
        } else {
            send += sign
            sendByRegion[j.regionId, default: 0] += sign
            if sendByRegion[j.regionId] == 0 { sendByRegion[j.regionId] = nil }
            if !j.economical { notEligible += sign }
        }
    }

    /// Counts a dry run in or out.
    mutating func addDryRun(_ r: InstanceResult, sign: Int) {
        dryRuns += sign
        switch r.outcome {
        case .dryRunPassed: dryRunPassed += sign
        case .dryRunFailed, .failed: dryRunFailed += sign
        default: break
        }
    }

    /// Replaces a target's dry run `old` (if any) by `new`.
    mutating func replaceDryRun(_ old: InstanceResult?, with new: InstanceResult) {
        if let old { addDryRun(old, sign: -1) }
        addDryRun(new, sign: 1)
    }

    /// Replaces `old` by `new` in the counts.
    mutating func replace(_ old: PowerDialogState.Target, with new: PowerDialogState.Target) {
        add(old, sign: -1)
        add(new)
    }

    /// The API calls the targets to send make: at most 100 instances a call, one region a call.
    var callCount: Int {
        sendByRegion.values.reduce(0) { $0 + ($1 + OperationPlan.maxPerCall - 1) / OperationPlan.maxPerCall }
    }
}
