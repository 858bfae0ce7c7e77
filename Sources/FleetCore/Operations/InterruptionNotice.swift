import Foundation

/// The line an operator reads when a stop or start is cut short (Ctrl-C, SIGTERM, a confirmed quit of the
/// screen): whether anything was sent and, if so, the command that finishes it. The commands and the screen print
/// the same line.
public enum InterruptionNotice {
    /// The line for `plan`, with `results` as far as they got, made with the credentials of `profile`.
    public static func line(plan: OperationPlan, results: [InstanceResult], profile: String) -> String {
        if plan.options.dryRun { return "interrupted; operation \(plan.id) was a dry run: nothing was changed." }
        let toSend = Set(plan.targets.filter(\.preflight.willSend).map(\.instanceId))
        // Queued: never sent. A `JournalUnavailable` failure was refused before sending.
        let sent = results.contains {
            toSend.contains($0.instanceId) && $0.outcome != .queued && $0.code != "JournalUnavailable"
        }
        guard sent else { return "interrupted; nothing was sent (operation \(plan.id))." }
        if results.allSatisfy(\.outcome.isFinal) {
            return
                "interrupted; operation \(plan.id) had already finished: see `ecsfleet journal \(plan.id)` for its results."
        }
        return
            "interrupted; operation \(plan.id) was sent and stays in the journal: run `\(OperationHistory.resumeCommand(profile: profile)) \(plan.id)` to finish it"
    }
}
