import ECSAPI
import FleetCore
import FleetViewModel
import Foundation

extension PowerRunner {
    /// A real stop or start asks first: the operator types `yes` (any case) on the terminal; anything else, `y`
    /// included, is a no, because the question says "Type yes". Without a terminal it needs `--yes` (and a
    /// safety policy `confirm` needs it too). A signal while the question waits ends the command: nothing was sent.
    func confirm(
        _ plan: OperationPlan, decision: SafetyPolicy.Decision, standardModeCount: Int,
        watch: InterruptWatch
    ) async throws(CommandError) {
        if run.yes { return }
        let verb = action == .stop ? "Stop" : "Start"
        let extra = options.forceStop ? " with ForceStop (unsaved data may be lost)" : ""
        let standard =
            standardModeCount > 0 ? " \(standardModeCount) of them will stop in standard mode and keep charging." : ""
        let left = plan.targets.count - plan.sendCount
        let leftOut = left > 0 ? " (\(left) other\(left == 1 ? " is" : "s are") skipped by the preflight)" : ""
        let policyNote =
            decision.action == .confirm
            ? " The aliyun safety policy asks for confirmation (\(decision.explanation))." : ""
        var regions: [String] = []
        for b in plan.batches where !regions.contains(b.regionId) { regions.append(b.regionId) }
        let undo = plan.undoes.map { " (undo of \($0))" } ?? ""
        let question = SafeText.escaped(
            "\(verb) \(plan.sendCount) instance(s) in \(regions.joined(separator: ", "))\(extra)\(leftOut)\(undo)?\(standard)\(policyNote) Type yes to continue: "
        )
        guard let asked = await watch.interruptible({ TerminalFacts.ask(question) }) else {
            // The cursor is still on the question's line (after a `^C`).
            if TerminalFacts.stderrIsTerminal { TerminalFacts.printError("") }
            throw .interrupted("interrupted; nothing was sent.", signal: watch.caught ?? SIGINT)
        }
        guard let answer = asked else {
            if decision.action == .confirm {
                throw .refused(
                    "Refused by the aliyun safety policy: \(decision.explanation) asks a person to confirm ecs:\(action.apiAction), and there is no terminal to ask. Pass --yes to \(action.rawValue) anyway; nothing was sent."
                )
            }
            throw .refused(
                "Not confirmed: no terminal to ask. Pass --yes to \(action.rawValue) without asking; nothing was sent.")
        }
        guard Self.isConfirmation(answer) else {
            throw .refused("Not confirmed (the answer was not yes); nothing was sent.")
        }
    }

    /// Whether `answer` is the `yes` the question asks for.
    static func isConfirmation(_ answer: String) -> Bool { answer.lowercased() == "yes" }

    /// The line for an operation a signal cut short: whether anything was sent, and how to finish it.
    func interruptedMessage(_ report: OperationEngine.Report, plan: OperationPlan, profile: String) -> String {
        InterruptionNotice.line(plan: plan, results: report.results, profile: profile)
    }
}
