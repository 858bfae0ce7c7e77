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
    let selection: InstanceSelection
    let run: RunOptions

    func execute() async throws {
        guard run.timeout > 0 else { throw CommandError.usage("--timeout must be a positive number of seconds, got \(run.timeout)") }
        try global.requireOneRegion(for: action.rawValue)
        let ids = try selection.resolve()
        let environment = ProcessInfo.processInfo.environment
        let paths = AppPaths(environment: environment)
        let policy: SafetyPolicy
        do { policy = try SafetyPolicy.load(path: paths.safetyPolicy, environment: environment) } catch {
            throw CommandError.usage(error.description)
        }
        let decision = policy.decide("ecs:\(action.apiAction)")
        if decision.action == .deny, !options.dryRun {
            throw CommandError.refused("Refused by the aliyun safety policy: \(decision.explanation) denies ecs:\(action.apiAction).")
        }
        // From here to the end of the operation, SIGINT and SIGTERM are told what was sent (during the preflight:
        // nothing), instead of ending the process without a word.
        let watch = InterruptWatch.start()
        let session: CloudSession
        do { session = try await CloudSession.open(global) } catch {
            watch.stop()
            throw error
        }
        let region = session.account.region
        let service = session.service
        let preflight = await watch.run { () -> Result<[Instance], ECSCallError> in
            do throws(ECSCallError) { return .success(try await service.instances(region: region, instanceIds: ids)) } catch { return .failure(error) }
        }
        if let signal = watch.caught {
            watch.stop()
            await session.close()
            throw CommandError.interrupted("interrupted during the preflight; nothing was sent.", signal: signal)
        }
        let known: [Instance]
        switch preflight {
        case let .success(instances): known = instances
        case let .failure(error):
            watch.stop()
            await session.close()
            // Without the preflight nothing can be judged, so nothing is sent: a failed operation (1) unless the
            // region, credentials or endpoint are wrong (2).
            throw CallFailure.commandError(error, action: ECSAction.describeInstances, region: region, retry: session.client.configuration.retry,
                                           consequence: "Nothing was sent: the preflight needs each instance's state.")
        }
        let byId = Dictionary(known.map { ($0.instanceId, $0) }, uniquingKeysWith: { a, _ in a })
        let plan = OperationPlan(action: action, options: options, targets: ids.map { ($0, region, byId[$0]) }, now: Date())
        let standardMode = standardModeNote(plan)
        let report: OperationEngine.Report
        do {
            report = try await confirmAndRun(plan, region: region, decision: decision, standardModeCount: standardMode.count,
                                             session: session, environment: environment, watch: watch)
        } catch {
            watch.stop()
            await session.close()
            throw error
        }
        watch.stop()
        await session.close()
        write(report, notes: [standardMode.text, allTogetherNote(plan)].compactMap { $0 })
        throw CommandStatus(code: Self.allReached(report.results, plan: plan, waited: run.wait) ? 0 : 1)
    }

    /// Asks (unless a dry run, `--yes`, or nothing to send), opens the journal and runs the engine, which a signal
    /// cancels: the operation then ends as `CommandError.interrupted`, saying what was sent.
    func confirmAndRun(_ plan: OperationPlan, region: String, decision: SafetyPolicy.Decision, standardModeCount: Int,
                       session: CloudSession, environment: [String: String], watch: InterruptWatch) async throws(CommandError) -> OperationEngine.Report {
        if !options.dryRun && plan.sendCount > 0 {
            try await confirm(plan, region: region, decision: decision, standardModeCount: standardModeCount, watch: watch)
        }
        let journal = try JournalAccess.open(path: AppPaths(environment: environment).journal, consequence: "Nothing was sent.")
        var engine = OperationEngine(service: session.service, journal: journal, profile: session.account.profile)
        // Dry runs: as many at once as the client may make; its adaptive limit decides how many really go.
        engine.maxConcurrentDryRuns = session.client.configuration.concurrency.ceiling
        engine.trackingTimeout = .seconds(run.timeout)
        let progress = ProgressLine(enabled: TerminalFacts.stderrIsTerminal && run.output == .table, total: plan.targets.count, action: action)
        let wait = run.wait
        let report = await watch.run { [engine] in await engine.run(plan, wait: wait) { changed in progress.update(changed) } }
        progress.finish()
        if let signal = watch.caught {
            throw .interrupted(interruptedMessage(report, plan: plan, profile: session.account.profile), signal: signal)
        }
        return report
    }

    /// Whether the exit status is 0: every instance reached the wanted state. Stopped or started, a passed dry
    /// run, accepted when not waiting, or skipped because it is already there (a stop of a `Stopped` instance).
    /// Skipped for any other reason (a lock, `Pending`, on its way in a transition, expired) is not reached:
    /// the operator asked for a state the instance is not in and will not get to.
    static func allReached(_ results: [InstanceResult], plan: OperationPlan, waited: Bool) -> Bool {
        let already = Set(plan.targets.filter { isAlreadyThere($0, action: plan.action) }.map(\.instanceId))
        return results.allSatisfy { r in
            switch r.outcome {
            case .stopped, .started, .dryRunPassed: return true
            case .accepted: return !waited
            case .skipped: return already.contains(r.instanceId)
            case .failed, .timeout, .dryRunFailed, .queued, .sending: return false
            }
        }
    }

    /// Skipped by the preflight only because it is already in the action's final state. The preflight checks
    /// locks and expiry before the status, so its `IncorrectInstanceStatus` means an unlocked instance, except
    /// for the `recycling` lock, which it reports with that code too.
    static func isAlreadyThere(_ target: OperationPlan.Target, action: PowerAction) -> Bool {
        guard case let .skip(code, _) = target.preflight.verdict, code == ErrorCode.incorrectInstanceStatus, let i = target.instance else { return false }
        return i.status == action.targetStatus && !i.lockReasons.contains("recycling")
    }
}
