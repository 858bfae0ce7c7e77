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

    /// The tally of `targets`, counted from scratch (by index: iterating would copy each target). A fleet has a
    /// handful of states, regions and skip reasons: they are counted in short lists first (comparing values is far
    /// cheaper than hashing them 100,000 times), then put in the dictionaries once each.
    init(_ targets: [PowerDialogState.Target]) {
        var statusList = SmallCounts<InstanceStatus>()
        var reasonList = SmallCounts<String>()
        var regionList = SmallCounts<String>()
        // Field by field: `let t = targets[i]` would copy the whole target.
        for i in targets.indices {
            if let s = targets[i].status { statusList.add(s) } else { missing += 1 }
            if case .skip(_, let reason) = targets[i].preflight {
                reasonList.add(reason)
            } else {
                send += 1
                regionList.add(targets[i].regionId)
                if !targets[i].economical { notEligible += 1 }
            }
            if let outcome = targets[i].dryRun?.outcome {
                dryRuns += 1
                switch outcome {
                case .dryRunPassed: dryRunPassed += 1
                case .dryRunFailed, .failed: dryRunFailed += 1
                default: break
                }
            }
        }
        statuses = statusList.dictionary
        skipReasons = reasonList.dictionary
        sendByRegion = regionList.dictionary
    }

    /// Counts `t` in (`sign` 1) or out (`sign` -1).
    mutating func add(_ t: PowerDialogState.Target, sign: Int = 1) {
        if let s = t.status {
            statuses[s, default: 0] += sign
            if statuses[s] == 0 { statuses[s] = nil }
        } else {
            missing += sign
        }
        if case .skip(_, let reason) = t.preflight {
            skipReasons[reason, default: 0] += sign
            if skipReasons[reason] == 0 { skipReasons[reason] = nil }
        } else {
            send += sign
            sendByRegion[t.regionId, default: 0] += sign
            if sendByRegion[t.regionId] == 0 { sendByRegion[t.regionId] = nil }
            if !t.economical { notEligible += sign }
        }
        if let r = t.dryRun {
            dryRuns += sign
            switch r.outcome {
            case .dryRunPassed: dryRunPassed += sign
            case .dryRunFailed, .failed: dryRunFailed += sign
            default: break
            }
        }
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

/// Counts of a few distinct values, most recent first: a linear search that usually stops at the first entry.
private struct SmallCounts<Key: Hashable> {
    private var keys: [Key] = []
    private var counts: [Int] = []

    mutating func add(_ key: Key) {
        if let i = keys.firstIndex(of: key) {
            counts[i] += 1
        } else {
            keys.append(key)
            counts.append(1)
        }
    }

    var dictionary: [Key: Int] {
        var out = [Key: Int](minimumCapacity: keys.count)
        for i in keys.indices { out[keys[i], default: 0] += counts[i] }
        return out
    }
}
