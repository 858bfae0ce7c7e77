import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

extension PowerRunner {
    /// The per-instance results on stdout: a table followed by notes and a summary, or a JSON array alone, with
    /// the notes on stderr so that stdout stays valid JSON. `notes` come before the engine's own.
    func write(_ report: OperationEngine.Report, notes: [String]) {
        let allNotes = (notes + report.notes).map { SafeText.escaped($0) }
        if run.output != .table {
            print(Self.machineText(report.results, operation: report.operation, format: run.output), terminator: "")
            for n in allNotes { TerminalFacts.printError("ecsfleet: note: " + n) }
            if run.output != .json { TerminalFacts.printError("ecsfleet: operation \(report.operation)") }
            return
        }
        let width = TerminalFacts.width()
        var lines = [Self.resultsTable(report.results).render(width: width)]
        // Notes stay one line each (the terminal wraps them): scripts grep them, IDs included.
        lines += allNotes.map { "note: " + $0 }
        lines += Self.summaryLines(report, width: width)
        print(lines.joined(separator: "\n"))
    }

    /// Results for scripts: a JSON array (each row naming the operation in `Operation`), CSV with a header, or
    /// the IDs that reached the outcome one a line (`stop --dry-run --output ids` lists what a stop would stop).
    static func machineText(_ results: [InstanceResult], operation: String, format: OutputFormat) -> String {
        switch format {
        case .json: return FleetExport.results(results, operation: operation, as: .json)
        case .csv: return FleetExport.results(results, operation: operation, as: .csv)
        case .ids, .table:
            let reached: Set<Outcome> = [.stopped, .started, .accepted, .dryRunPassed]
            return results.filter { reached.contains($0.outcome) }.map { Sanitizer.clean($0.instanceId) + "\n" }
                .joined()
        }
    }

    /// The per-instance table. MESSAGE is last and gives up columns first (ending in `…`), so that at 80 columns
    /// ID, OUTCOME, CODE and CURRENT stay whole; REGION and PREVIOUS go before CURRENT, and CURRENT before MESSAGE.
    static func resultsTable(_ results: [InstanceResult]) -> TableWriter {
        var t = TableWriter(columns: [
            .init(title: "ID", priority: 100, minWidth: 22), .init(title: "REGION", priority: 40),
            .init(title: "OUTCOME", priority: 100),
            .init(title: "CODE", priority: 80), .init(title: "PREVIOUS", priority: 30),
            .init(title: "CURRENT", priority: 75),
            .init(title: "MESSAGE", priority: 70, minWidth: 10, flexible: true),
        ])
        for r in results {
            t.add([r.instanceId, r.regionId, r.outcome.rawValue, r.code, r.previousStatus, r.currentStatus, r.message])
        }
        return t
    }

    /// `10 instances: 7 stopped, 3 skipped (operation ID)`, on two lines when one is wider than the terminal: the
    /// counts, then the operation (never split, so it can be copied whole).
    static func summaryLines(_ report: OperationEngine.Report, width: Int?) -> [String] {
        let counts =
            "\(report.results.count) instance\(report.results.count == 1 ? "" : "s"): \(OperationEngine.summary(report.results))"
        let operation = "(operation \(report.operation))"
        guard let width, counts.count + 1 + operation.count > width else { return [counts + " " + operation] }
        return TextWrap.wrap(counts, width: width) + [operation]
    }

    /// With `AllTogether`, instances the preflight left out were never in the call, so the API's "one failure
    /// stops none" covers only the instances sent. `nil` when nothing was left out or nothing is sent.
    func allTogetherNote(_ plan: OperationPlan) -> String? {
        let left = plan.targets.count - plan.sendCount
        guard plan.options.batch == .allTogether, left > 0, plan.sendCount > 0 else { return nil }
        let them =
            left == 1 ? "the 1 instance the preflight skipped was" : "the \(left) instances the preflight skipped were"
        let call = plan.options.dryRun ? "dry run" : (plan.batches.count > 1 ? "calls" : "call")
        let scope = plan.batches.count > 1 ? " (in each call of at most \(OperationPlan.maxPerCall))" : ""
        return
            "With AllTogether, \(them) not part of the \(call), so \"all or nothing\" applies only to the \(plan.sendCount) \(plan.options.dryRun ? "checked" : "sent")\(scope)."
    }

    /// The preflight's "will stop in standard mode" verdicts as one note: how many, which, and why, grouped by
    /// reason (`StopCharging` asked, but economical mode applies only to VPC pay-as-you-go instances without
    /// local disks; the API then stops them in standard mode without failing). `nil` text when there are none.
    func standardModeNote(_ plan: OperationPlan) -> (count: Int, text: String?) {
        var groups: [(reason: String, ids: [String])] = []
        for t in plan.targets {
            guard case .standardModeOnly(let reason) = t.preflight.verdict else { continue }
            // The preflight's reasons end in ": keeps charging", which the note says once for all.
            let why = reason.hasSuffix(": keeps charging") ? String(reason.dropLast(": keeps charging".count)) : reason
            if let i = groups.firstIndex(where: { $0.reason == why }) {
                groups[i].ids.append(t.instanceId)
            } else {
                groups.append((why, [t.instanceId]))
            }
        }
        let count = groups.reduce(0) { $0 + $1.ids.count }
        guard count > 0 else { return (0, nil) }
        let verb = plan.options.dryRun ? "would stop" : "will stop"
        let subject = count == 1 ? "1 instance \(verb)" : "\(count) instances \(verb)"
        let which = groups.map { "\($0.reason): \($0.ids.joined(separator: ", "))" }.joined(separator: "; ")
        return (
            count,
            "\(subject) in standard mode and keep charging, because StopCharging applies only to VPC pay-as-you-go instances without local disks (\(which))."
        )
    }
}
