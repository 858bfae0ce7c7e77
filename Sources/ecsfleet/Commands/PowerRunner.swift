import ECSAPI
import FleetCore
import Foundation
import TerminalUI

/// The path of a scripted stop or start: selection, safety policy, confirmation, plan with preflight, the
/// engine (journaled), and per-instance output with the exit status.
struct PowerRunner {
    let action: PowerAction
    let options: OperationOptions
    let global: GlobalOptions
    let selection: InstanceSelection
    let run: RunOptions

    func execute() async throws {
        let ids = try selection.resolve()
        guard run.timeout > 0 else { throw CommandError.usage("--timeout must be a positive number of seconds") }
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let policy: SafetyPolicy
        do { policy = try SafetyPolicy.load(path: home + "/.aliyun/safety-policy.json", environment: environment) } catch {
            throw CommandError.usage(error.description)
        }
        let decision = policy.decide("ecs:\(action.apiAction)")
        if decision.action == .deny, !options.dryRun {
            throw CommandError.refused("Refused by the aliyun safety policy: \(decision.explanation) denies ecs:\(action.apiAction).")
        }
        let session = try await CloudSession.open(global)
        let region = session.account.region
        let known: [Instance]
        do { known = try await session.service.instances(region: region, instanceIds: ids) } catch {
            await session.close()
            throw CommandError.usage(describeCallError(error, region: region))
        }
        let byId = Dictionary(known.map { ($0.instanceId, $0) }, uniquingKeysWith: { a, _ in a })
        let plan = OperationPlan(action: action, options: options, targets: ids.map { ($0, region, byId[$0]) }, now: Date())
        if !options.dryRun && plan.sendCount > 0 {
            do { try confirm(plan, region: region, decision: decision) } catch {
                await session.close()
                throw error
            }
        }
        let journal: Journal
        do { journal = try Journal(path: Journal.defaultPath(environment: environment)) } catch {
            await session.close()
            throw CommandError.usage("The journal cannot be written: \(error). Nothing was sent.")
        }
        var engine = OperationEngine(service: session.service, journal: journal, profile: session.account.profile)
        engine.trackingTimeout = .seconds(run.timeout)
        let progress = ProgressLine(enabled: TerminalFacts.stderrIsTerminal && run.output == .table, total: plan.targets.count, action: action)
        let report = await engine.run(plan, wait: run.wait) { changed in progress.update(changed) }
        progress.finish()
        await session.close()
        print(render(report))
        throw CommandStatus(code: Self.allReached(report.results, action: action, dryRun: options.dryRun, waited: run.wait) ? 0 : 1)
    }

    /// A real stop asks first: `y` on a terminal, `yes` when the safety policy says confirm; without a terminal
    /// it needs `--yes` (and a policy `confirm` needs it too).
    func confirm(_ plan: OperationPlan, region: String, decision: SafetyPolicy.Decision) throws(CommandError) {
        if run.yes { return }
        let verb = action == .stop ? "Stop" : "Start"
        let extra = options.forceStop ? " with ForceStop (unsaved data may be lost)" : ""
        let policyNote = decision.action == .confirm ? " The aliyun safety policy asks for confirmation (\(decision.explanation))." : ""
        let question = "\(verb) \(plan.sendCount) instance(s) in \(region)\(extra)?\(policyNote) Type yes to continue: "
        guard let answer = TerminalFacts.ask(question) else {
            throw .refused("Not confirmed: no terminal to ask. Pass --yes to \(action.rawValue) without asking.")
        }
        guard answer.lowercased() == "yes" || (decision.action != .confirm && answer.lowercased() == "y") else {
            throw .refused("Not confirmed; nothing was sent.")
        }
    }

    static func allReached(_ results: [InstanceResult], action: PowerAction, dryRun: Bool, waited: Bool) -> Bool {
        results.allSatisfy { r in
            switch r.outcome {
            case .stopped, .started, .dryRunPassed: return true
            case .accepted: return !waited
            case .skipped: return r.currentStatus == action.targetStatus.rawValue
            default: return false
            }
        }
    }

    func render(_ report: OperationEngine.Report) -> String {
        if run.output == .json { return JSONValue.array(report.results.map(\.json)).jsonText(pretty: true) }
        var t = TableWriter(columns: [
            .init(title: "ID", priority: 100, minWidth: 22), .init(title: "REGION", priority: 40), .init(title: "OUTCOME", priority: 100),
            .init(title: "CODE", priority: 80), .init(title: "MESSAGE", priority: 70, minWidth: 10),
            .init(title: "PREVIOUS", priority: 30), .init(title: "CURRENT", priority: 60),
        ])
        for r in report.results { t.add([r.instanceId, r.regionId, r.outcome.rawValue, r.code, r.message, r.previousStatus, r.currentStatus]) }
        var lines = [t.render(width: TerminalFacts.width())]
        lines += report.notes.map { "note: " + $0 }
        lines.append("\(report.results.count) instances: \(OperationEngine.summary(report.results)) (operation \(report.operation))")
        return lines.joined(separator: "\n")
    }
}
