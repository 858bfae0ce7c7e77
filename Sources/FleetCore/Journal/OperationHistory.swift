import ECSAPI
import Foundation

/// Operations as the journal tells them: one summary per operation, with each instance's latest result.
public struct OperationHistory: Sendable {
    public struct Entry: Sendable {
        public var operation: String
        public var action: String
        public var profile: String
        public var started: Date
        public var ended: Date?
        public var regions: [String]
        /// Latest result per instance, in plan order.
        public var results: [InstanceResult]
        public var calls: Int
        /// Whether its calls were dry runs (a preview): nothing was changed.
        public var isDryRun: Bool
        /// The options its calls were sent with, as the API names them: `ForceStop, StopCharging, SuccessFirst`
        /// (empty before any call was sent).
        public var options: [String]
        /// The operation this one reverses, when it was made by `journal --undo`.
        public var undoes: String?

        /// Whether the operation never recorded its end (the process was interrupted).
        public var isInterrupted: Bool { ended == nil }
        /// The command that finishes it, with the credentials it was made with.
        public var resumeCommand: String { OperationHistory.resumeCommand(profile: profile) }
        /// `stop`, or `stop (dry run)` for a preview.
        public var title: String { isDryRun ? action + " (dry run)" : action }
        /// Instances whose part was not over when the journal stops.
        public var unfinished: [InstanceResult] { results.filter { !$0.outcome.isFinal } }
    }

    public var entries: [Entry]

    /// The command that resumes an operation made with `profile`: `sandbox` (made with `--sandbox`),
    /// `environment` (the `ALIBABA_CLOUD_*` variables), or an aliyun CLI profile, named with `--profile` (without
    /// it the current profile would be used, and refused).
    public static func resumeCommand(profile: String) -> String { journalCommand("--resume", profile: profile) }

    /// `ecsfleet journal FLAG` (`--resume`, `--undo`) with the credentials of `profile`, as `resumeCommand` says.
    public static func journalCommand(_ flag: String, profile: String) -> String {
        switch profile {
        case "sandbox": return "ecsfleet --sandbox journal \(flag)"
        case "environment": return "ecsfleet journal \(flag)"
        default: return "ecsfleet --profile \(shellWord(profile)) journal \(flag)"
        }
    }

    /// `name` as one shell word: as it is when made of letters, digits and `._-@`, else in single quotes.
    static func shellWord(_ name: String) -> String {
        let safe =
            !name.isEmpty
            && name.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
                    || [0x2E, 0x5F, 0x2D, 0x40].contains(b)
            }
        return safe ? name : "'" + name.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Whether a call's parameters ask for a dry run, and the options they set.
    static func options(of parameters: [(String, String)]) -> (dryRun: Bool, options: [String]) {
        var dryRun = false
        var options: [String] = []
        for (name, value) in parameters {
            switch name {
            case "DryRun": dryRun = value == "true"
            case "ForceStop" where value == "true": options.append("ForceStop")
            case "StoppedMode", "BatchOptimization": options.append(value)
            default: break
            }
        }
        return (dryRun, options)
    }

    public init(records: [JournalRecord]) {
        var order: [String] = []
        var byId: [String: Entry] = [:]
        var resultOrder: [String: [String]] = [:]
        var latest: [String: [String: InstanceResult]] = [:]
        for r in records {
            if byId[r.operation] == nil {
                order.append(r.operation)
                byId[r.operation] = Entry(
                    operation: r.operation, action: r.event == .begin ? r.action : "", profile: r.profile,
                    started: r.time, ended: nil, regions: [], results: [], calls: 0, isDryRun: false, options: [])
            }
            var e = byId[r.operation]!
            if r.event == .begin {
                e.action = r.action
                e.started = r.time
                if !r.undoes.isEmpty { e.undoes = r.undoes }
                if !r.parameters.isEmpty { (e.isDryRun, e.options) = Self.options(of: r.parameters) }
            }
            if r.event == .end { e.ended = r.time }
            if r.event == .send {
                e.calls += 1
                // Journals written before the begin record held the options: the first call's.
                if e.calls == 1, e.options.isEmpty { (e.isDryRun, e.options) = Self.options(of: r.parameters) }
            }
            for res in r.results {
                if latest[r.operation, default: [:]][res.instanceId] == nil {
                    resultOrder[r.operation, default: []].append(res.instanceId)
                }
                latest[r.operation, default: [:]][res.instanceId] = res
                if !res.regionId.isEmpty, !e.regions.contains(res.regionId) { e.regions.append(res.regionId) }
            }
            byId[r.operation] = e
        }
        entries = order.map { id in
            var e = byId[id]!
            e.results = (resultOrder[id] ?? []).compactMap { latest[id]?[$0] }
            return e
        }
    }
}
