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

        /// Whether the operation never recorded its end (the process was interrupted).
        public var isInterrupted: Bool { ended == nil }
        /// Instances whose part was not over when the journal stops.
        public var unfinished: [InstanceResult] { results.filter { !$0.outcome.isFinal } }
    }

    public var entries: [Entry]

    public init(records: [JournalRecord]) {
        var order: [String] = []
        var byId: [String: Entry] = [:]
        var resultOrder: [String: [String]] = [:]
        var latest: [String: [String: InstanceResult]] = [:]
        for r in records {
            if byId[r.operation] == nil {
                order.append(r.operation)
                byId[r.operation] = Entry(operation: r.operation, action: r.event == .begin ? r.action : "", profile: r.profile,
                                          started: r.time, ended: nil, regions: [], results: [], calls: 0)
            }
            var e = byId[r.operation]!
            if r.event == .begin { e.action = r.action; e.started = r.time }
            if r.event == .end { e.ended = r.time }
            if r.event == .send { e.calls += 1 }
            for res in r.results {
                if latest[r.operation, default: [:]][res.instanceId] == nil { resultOrder[r.operation, default: []].append(res.instanceId) }
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

/// Finishes an operation that a crash interrupted: re-reads the status of its unfinished instances and records
/// their final outcomes, then the operation's end. Nothing is re-sent.
public struct JournalResume: Sendable {
    public var service: any ECSService
    public var journal: Journal
    public var clock: any EngineClock

    public init(service: any ECSService, journal: Journal, clock: any EngineClock = WallClock()) {
        self.service = service; self.journal = journal; self.clock = clock
    }

    public func resume(_ entry: OperationHistory.Entry) async throws(ECSCallError) -> [InstanceResult] {
        let action = PowerAction(rawValue: entry.action) ?? .stop
        var finished: [InstanceResult] = []
        let byRegion = Dictionary(grouping: entry.unfinished, by: \.regionId)
        for region in byRegion.keys.sorted() {
            let pending = byRegion[region]!
            let statuses = try await service.statuses(region: region, instanceIds: pending.map(\.instanceId))
            for var r in pending {
                guard let s = statuses[r.instanceId] else {
                    r.outcome = .failed; r.code = ErrorCode.invalidInstanceIdNotFound; r.message = "not found when resuming"
                    finished.append(r); continue
                }
                r.currentStatus = s.rawValue
                if s == action.targetStatus {
                    r.outcome = action == .stop ? .stopped : .started
                    r.message = "reached \(s) (found when resuming)"
                } else if s == action.transitionStatus {
                    r.outcome = .accepted
                    r.message = "still \(s) when resuming"
                } else {
                    r.code = r.outcome == .queued ? "NotSent" : "NotApplied"
                    r.outcome = .failed
                    r.message = "interrupted before it took effect; the instance is \(s). Run the \(action.rawValue) again if still wanted"
                }
                finished.append(r)
            }
        }
        let now = clock.now()
        try? journal.append(JournalRecord(time: now, operation: entry.operation, event: .outcome, profile: entry.profile,
                                          action: entry.action, results: finished, note: "resumed"))
        try? journal.append(JournalRecord(time: now, operation: entry.operation, event: .end, profile: entry.profile,
                                          action: entry.action, note: "resumed after an interruption"))
        return finished
    }
}
