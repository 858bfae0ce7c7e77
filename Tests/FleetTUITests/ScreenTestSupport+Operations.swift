import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

/// The answers and journal records the screen tests feed the reducer, written once.
extension UI {
    /// A dry-run answer for instance `n` in Hangzhou (passed unless told otherwise).
    static func dryRun(
        _ n: Int, _ outcome: Outcome = .dryRunPassed, code: String = "DryRunOperation",
        message: String = "dry run passed"
    ) -> InstanceResult {
        InstanceResult(instanceId: id(n), regionId: hangzhou, outcome: outcome, code: code, message: message)
    }

    /// The preview the dialog tests share: 1 passes, 2 is refused (sold out), 3 is skipped (already Stopped).
    static let mixedPreview = [
        dryRun(1),
        dryRun(2, .dryRunFailed, code: "OperationDenied.NoStock", message: "The requested resource is sold out"),
        dryRun(3, .skipped, code: "IncorrectInstanceStatus", message: "already Stopped"),
    ]

    /// Ends the preview that `effects` started with `results`; records an issue when they started none.
    static func finishPreview(
        _ s: inout FleetState, _ effects: [FleetEffect], _ results: [InstanceResult], notes: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard case .preview(let plan)? = effects.first else {
            Issue.record("no preview effect: \(effects)", sourceLocation: sourceLocation)
            return
        }
        reduce(&s, .previewFinished(OperationEngine.Report(operation: plan.id, results: results, notes: notes)))
    }

    /// Instance `n` in Hangzhou, stopped by the operation (Running before).
    static func stopped(_ n: Int) -> InstanceResult {
        InstanceResult(
            instanceId: id(n), regionId: hangzhou, outcome: .stopped, code: "200", previousStatus: "Running",
            currentStatus: "Stopped")
    }

    /// Sends `results` as an update of the latest operation.
    static func updateLatestOperation(
        _ s: inout FleetState, _ results: [InstanceResult], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let id = try #require(s.operations.last?.id, sourceLocation: sourceLocation)
        reduce(&s, .operationUpdated(operationId: id, results: results))
    }

    /// A journal of two operations of profile `p`: an hour ago a stop of 1 that ended (Stopped); a minute ago a
    /// start of 2 and 3 that never ended (2 refused by throttling, 3 accepted).
    static func twoOperationsJournal() -> [OperationHistory.Entry] {
        let older = t0.addingTimeInterval(-3600)
        let newer = t0.addingTimeInterval(-60)
        func result(_ n: Int, _ outcome: Outcome) -> InstanceResult {
            InstanceResult(
                instanceId: id(n), regionId: hangzhou, outcome: outcome,
                code: outcome == .failed ? "Throttling" : "200",
                message: outcome == .failed ? "slow down" : "")
        }
        let records = [
            JournalRecord(
                time: older, operation: "op-old", event: .begin, profile: "p", action: "stop",
                results: [result(1, .queued)]),
            JournalRecord(
                time: older, operation: "op-old", event: .end, profile: "p", action: "stop",
                results: [result(1, .stopped)]),
            JournalRecord(
                time: newer, operation: "op-new", event: .begin, profile: "p", action: "start",
                results: [result(2, .queued), result(3, .queued)]),
            JournalRecord(
                time: newer, operation: "op-new", event: .answer, profile: "p", action: "start",
                results: [result(2, .failed), result(3, .accepted)]),
        ]
        return OperationHistory(records: records).entries
    }
}
