import ECSAPI
import ECSClient
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// The path of a scripted stop or start: selection, safety policy, confirmation, plan with preflight, the
/// engine (journaled), and per-instance output with the exit status.
struct PowerRunner {
    let action: PowerAction
    let options: OperationOptions
    let global: GlobalOptions
    let run: RunOptions

    /// A stop or start of the instances `selection` names, in whichever regions they are.
    func execute(_ selection: InstanceSelection, scope: RegionScope) async throws {
        try checkTimeout()
        let decision = try policyDecision()
        let selected = try selection.resolved()
        // During the preflight SIGINT and SIGTERM say that nothing was sent, instead of ending without a word.
        let watch = InterruptWatch.start()
        let session: CloudSession
        // `--all-regions` asks `DescribeRegions`, which any region's endpoint answers, as `list` does.
        do {
            session = try await CloudSession.open(
                global, allRegions: scope.allRegions)
        } catch {
            watch.stop()
            throw error
        }
        let resolution = RegionResolution(session: session, global: global, scope: scope)
        let preflight = await watch.run { () -> Result<[RegionLocator.Located], any Error> in
            do {
                // Without the preflight nothing can be judged, so nothing is sent: a failed operation (1) unless
                // the region, credentials or endpoint are wrong (2).
                return .success(
                    try await resolution.targets(
                        selected, consequence: "Nothing was sent: the preflight needs each instance's state."))
            } catch { return .failure(error) }
        }
        if let signal = watch.caught {
            watch.stop()
            await session.close()
            throw CommandError.interrupted("interrupted during the preflight; nothing was sent.", signal: signal)
        }
        let located: [RegionLocator.Located]
        switch preflight {
        case .success(let found): located = found
        case .failure(let error):
            watch.stop()
            await session.close()
            throw error
        }
        guard !located.isEmpty else {
            watch.stop()
            await session.close()
            TerminalFacts.printError(
                "ecsfleet: "
                    + SafeText.escaped(
                        "No instance matches --where \(selection.query ?? ""); nothing to \(action.rawValue)."))
            if run.output == .json { print("[]") }
            return
        }
        let plan = OperationPlan(
            action: action, options: options, targets: located.map { ($0.instanceId, $0.regionId ?? "", $0.instance) },
            now: Date())
        try await execute(plan, decision: decision, session: session, watch: watch)
    }

    /// `--timeout` is a positive number of seconds.
    func checkTimeout() throws(CommandError) {
        guard run.timeout > 0 else {
            throw .usage("--timeout must be a positive number of seconds, got \(run.timeout)")
        }
    }

    /// What the aliyun safety policy says of this action; a denied real run is refused here.
    func policyDecision() throws(CommandError) -> SafetyPolicy.Decision {
        let environment = ProcessInfo.processInfo.environment
        let paths = AppPaths(environment: environment)
        let policy: SafetyPolicy
        do { policy = try SafetyPolicy.load(path: paths.safetyPolicy, environment: environment) } catch {
            throw CommandError.usage(error.description)
        }
        let decision = policy.decide("ecs:\(action.apiAction)")
        if decision.action == .deny, !options.dryRun {
            throw .refused(
                "Refused by the aliyun safety policy: \(decision.explanation) denies ecs:\(action.apiAction).")
        }
        return decision
    }

    /// Confirms and runs `plan` (closing `session`), prints the results with `extra` rows after the plan's own
    /// (an undo's skipped instances), and ends with the exit status.
    /// `watch`, when given, is the one that already guards the preflight: one watch from there to the end.
    func execute(
        _ plan: OperationPlan, decision: SafetyPolicy.Decision, session: CloudSession, extra: [InstanceResult] = [],
        watch given: InterruptWatch? = nil
    ) async throws {
        let standardMode = standardModeNote(plan)
        // From the confirmation to the end of the operation, SIGINT and SIGTERM are told what was sent.
        let watch = given ?? InterruptWatch.start()
        var report: OperationEngine.Report
        do {
            report = try await confirmAndRun(
                plan, decision: decision, standardModeCount: standardMode.count,
                session: session, environment: session.environment, watch: watch)
        } catch {
            watch.stop()
            await session.close()
            throw error
        }
        watch.stop()
        await session.close()
        // Decided on the plan's own results: `extra` rows (an undo's skipped instances) were never part of it.
        let succeeded = plan.succeeded(with: report.results, waited: run.wait)
        report.results += extra
        write(report, notes: [standardMode.text, allTogetherNote(plan)].compactMap { $0 })
        throw CommandStatus(code: succeeded ? 0 : 1)
    }

    /// Asks (unless a dry run, `--yes`, or nothing to send), opens the journal and runs the engine, which a signal
    /// cancels: the operation then ends as `CommandError.interrupted`, saying what was sent.
    func confirmAndRun(
        _ plan: OperationPlan, decision: SafetyPolicy.Decision, standardModeCount: Int,
        session: CloudSession, environment: [String: String], watch: InterruptWatch
    ) async throws(CommandError) -> OperationEngine.Report {
        if !options.dryRun && plan.sendCount > 0 {
            try await confirm(plan, decision: decision, standardModeCount: standardModeCount, watch: watch)
        }
        let journal = try JournalAccess.open(
            path: AppPaths(environment: environment).journal, consequence: "Nothing was sent.")
        var engine = OperationEngine(service: session.service, journal: journal, profile: session.account.profile)
        // Dry runs: as many at once as the client may make; its adaptive limit decides how many really go.
        engine.maxConcurrentDryRuns = session.client.configuration.concurrency.ceiling
        engine.trackingTimeout = .seconds(run.timeout)
        let progress = ProgressLine(
            enabled: TerminalFacts.stderrIsTerminal && run.output == .table, total: plan.targets.count, action: action)
        let wait = run.wait
        let report = await watch.run { [engine] in
            await engine.run(plan, wait: wait) { changed in progress.update(changed) }
        }
        progress.finish()
        if let signal = watch.caught {
            throw .interrupted(interruptedMessage(report, plan: plan, profile: session.account.profile), signal: signal)
        }
        return report
    }
}
