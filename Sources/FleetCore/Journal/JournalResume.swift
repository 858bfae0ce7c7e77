import ECSAPI
import Foundation

/// Finishes an operation that was interrupted (a crash, Ctrl-C, a quit): re-reads the status of its unfinished
/// instances, follows the ones still on their way until they arrive or `timeout` passes, and records their final
/// outcomes, then the operation's end. Nothing is re-sent.
public struct JournalResume: Sendable {
    public var service: any ECSService
    public var journal: Journal
    public var clock: any EngineClock
    /// How long instances still `Stopping` (or `Starting`) are followed before they are called `timeout`.
    public var timeout: Duration
    /// The first wait between status reads; later ones back off to `pollMax`, as tracking does.
    public var pollInitial: Duration = .seconds(1)
    public var pollMax: Duration = .seconds(10)

    public init(
        service: any ECSService, journal: Journal, clock: any EngineClock = WallClock(),
        timeout: Duration = .seconds(600)
    ) {
        self.service = service
        self.journal = journal
        self.clock = clock
        self.timeout = timeout
    }

    /// Resumes `entry` and returns the final results of its unfinished instances. After each status read,
    /// `onUpdate` gets the results that changed (the ones now final, and the ones still on their way with the
    /// status read), for a screen that follows the operation.
    public func resume(
        _ entry: OperationHistory.Entry, onUpdate: @Sendable ([InstanceResult]) -> Void = { _ in }
    ) async throws(ECSCallError) -> [InstanceResult] {
        let action = PowerAction(rawValue: entry.action) ?? .stop
        var finished: [InstanceResult] = []
        let byRegion = Dictionary(grouping: entry.unfinished, by: \.regionId)
        let deadline = clock.now().addingTimeInterval(Double(timeout.components.seconds))
        for region in byRegion.keys.sorted() {
            var pending = byRegion[region]!
            var first = true
            var cadence = PollCadence(first: pollInitial, max: pollMax)
            while !pending.isEmpty {
                let statuses = try await service.statuses(region: region, instanceIds: pending.map(\.instanceId))
                let finishedBefore = finished.count
                var moving: [InstanceResult] = []
                for var r in pending {
                    guard let s = statuses[r.instanceId] else {
                        r.outcome = .failed
                        r.code = ErrorCode.invalidInstanceIdNotFound
                        r.message = "not found when resuming"
                        finished.append(r)
                        continue
                    }
                    r.currentStatus = s.rawValue
                    if s == action.targetStatus {
                        r.outcome = action == .stop ? .stopped : .started
                        r.message = "reached \(s) (found when resuming)"
                        finished.append(r)
                    } else if s == action.transitionStatus {
                        moving.append(r)
                    } else if first {
                        r.code = r.outcome == .queued ? "NotSent" : "NotApplied"
                        r.outcome = .failed
                        r.message =
                            "interrupted before it took effect; the instance is \(s). Run the \(action.rawValue) again if still wanted"
                        finished.append(r)
                    } else {
                        r.outcome = .failed
                        r.code = "IncorrectInstanceStatus"
                        r.message = "was \(action.transitionStatus) when resuming, then \(s)"
                        finished.append(r)
                    }
                }
                pending = moving
                first = false
                guard !pending.isEmpty else {
                    onUpdate(Array(finished[finishedBefore...]))
                    break
                }
                if clock.now() >= deadline {
                    for var r in pending {
                        r.outcome = .timeout
                        r.code = "Timeout"
                        r.message = "still \(action.transitionStatus) \(timeout.components.seconds) s after resuming"
                        finished.append(r)
                    }
                    onUpdate(Array(finished[finishedBefore...]))
                    break
                }
                onUpdate(Array(finished[finishedBefore...]) + pending)
                do { try await cadence.wait(on: clock) } catch {
                    throw .noAnswer("cancelled while following the instances", mayHaveBeenApplied: false, attempts: 0)
                }
            }
        }
        let now = clock.now()
        try? journal.append(
            JournalRecord(
                time: now, operation: entry.operation, event: .outcome, profile: entry.profile,
                action: entry.action, results: finished, note: "resumed"))
        try? journal.append(
            JournalRecord(
                time: now, operation: entry.operation, event: .end, profile: entry.profile,
                action: entry.action, note: "resumed after an interruption"))
        return finished
    }
}
