import ECSAPI
import FleetCore
import Foundation

extension PowerRunner {
    /// The per-instance results on stdout: a table followed by notes and a summary, or a JSON array alone, with
    /// the notes on stderr so that stdout stays valid JSON. `notes` come before the engine's own.
    func write(_ report: OperationEngine.Report, notes: [String]) {
        let allNotes = (notes + report.notes).map { SafeText.escaped($0) }
        if run.output == .json {
            print(JSONValue.array(report.results.map(\.json)).jsonText(pretty: true))
            for n in allNotes { TerminalFacts.printError("ecsfleet: note: " + n) }
            return
        }
        var t = TableWriter(columns: [
            .init(title: "ID", priority: 100, minWidth: 22), .init(title: "REGION", priority: 40), .init(title: "OUTCOME", priority: 100),
            .init(title: "CODE", priority: 80), .init(title: "MESSAGE", priority: 70, minWidth: 10),
            .init(title: "PREVIOUS", priority: 30), .init(title: "CURRENT", priority: 60),
        ])
        for r in report.results { t.add([r.instanceId, r.regionId, r.outcome.rawValue, r.code, r.message, r.previousStatus, r.currentStatus]) }
        var lines = [t.render(width: TerminalFacts.width())]
        lines += allNotes.map { "note: " + $0 }
        lines.append("\(report.results.count) instances: \(OperationEngine.summary(report.results)) (operation \(report.operation))")
        print(lines.joined(separator: "\n"))
    }

    /// The preflight's "will stop in standard mode" verdicts as one note: how many, which, and why, grouped by
    /// reason (`StopCharging` asked, but economical mode applies only to VPC pay-as-you-go instances without
    /// local disks; the API then stops them in standard mode without failing). `nil` text when there are none.
    func standardModeNote(_ plan: OperationPlan) -> (count: Int, text: String?) {
        var groups: [(reason: String, ids: [String])] = []
        for t in plan.targets {
            guard case let .standardModeOnly(reason) = t.preflight.verdict else { continue }
            // The preflight's reasons end in ": keeps charging", which the note says once for all.
            let why = reason.hasSuffix(": keeps charging") ? String(reason.dropLast(": keeps charging".count)) : reason
            if let i = groups.firstIndex(where: { $0.reason == why }) { groups[i].ids.append(t.instanceId) } else { groups.append((why, [t.instanceId])) }
        }
        let count = groups.reduce(0) { $0 + $1.ids.count }
        guard count > 0 else { return (0, nil) }
        let verb = plan.options.dryRun ? "would stop" : "will stop"
        let subject = count == 1 ? "1 instance \(verb)" : "\(count) instances \(verb)"
        let which = groups.map { "\($0.reason): \($0.ids.joined(separator: ", "))" }.joined(separator: "; ")
        return (count, "\(subject) in standard mode and keep charging, because StopCharging applies only to VPC pay-as-you-go instances without local disks (\(which)).")
    }
}
