import ArgumentParser
import ECSAPI
import ECSClient
import FleetCore
import FleetViewModel
import Foundation

/// `journal --undo`'s own flags, as `stop` and `start` spell them.
struct UndoOptions: ParsableArguments {
    @Flag(help: "With --undo: check without changing anything.") var dryRun = false
    @Flag(help: "With --undo: do not ask for confirmation (needed without a terminal).") var yes = false
    @Flag(help: "With --undo: wait until each instance reaches its final state.") var wait = false
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("With --undo --wait, give up waiting after this many seconds.", valueName: "seconds"))
    var timeout: Int = 600
}

extension JournalCommand {
    /// Reverses operation `id`: reads its instances' state now, selects what to reverse (`UndoSelection`), and
    /// runs the reverse as an operation of its own, confirmed like `stop` and journaled as the undo of `id`.
    func undoOperation(_ id: String, history: OperationHistory, path: String) async throws {
        guard let index = history.entries.firstIndex(where: { $0.operation == id }) else {
            throw CommandError.usage("No operation \(id) in \(path); `ecsfleet journal` lists them.")
        }
        let entry = history.entries[index]
        if (entry.profile == "sandbox") != global.sandbox {
            throw CommandError.usage(
                ResumeAdvice.otherProfile(entry, current: global.sandbox ? "sandbox" : nil, verb: "undo"))
        }
        let action: PowerAction = entry.action == PowerAction.stop.rawValue ? .start : .stop
        var arguments = ["--output", output.rawValue, "--timeout", String(undoOptions.timeout)]
        if undoOptions.dryRun { arguments.append("--dry-run") }
        if undoOptions.yes { arguments.append("--yes") }
        if undoOptions.wait { arguments.append("--wait") }
        let run = try RunOptions.parse(arguments)
        let runner = PowerRunner(
            action: action, options: OperationOptions(dryRun: undoOptions.dryRun), global: global, run: run)
        try runner.checkTimeout()
        let decision = try runner.policyDecision()
        let session = try await CloudSession.open(global, fallbackRegion: entry.regions.first)
        guard entry.profile == session.account.profile else {
            await session.close()
            throw CommandError.usage(
                ResumeAdvice.otherProfile(entry, current: session.account.profile, verb: "undo"))
        }
        let wanted = entry.results.map {
            RegionLocator.Wanted($0.instanceId, regionId: $0.regionId.isEmpty ? nil : $0.regionId)
        }
        let located: [RegionLocator.Located]
        do {
            located = try await RegionLocator(service: session.service).locate(
                wanted.filter { $0.regionId != nil }, regions: [])
        } catch {
            await session.close()
            throw CallFailure.commandError(
                error, action: ECSAction.describeInstances, region: entry.regions.first ?? session.account.region,
                retry: session.client.configuration.retry,
                consequence: "Nothing was sent: the undo needs each instance's state.")
        }
        let instances = Dictionary(
            located.compactMap { l in l.instance.map { (l.instanceId, $0) } }, uniquingKeysWith: { a, _ in a })
        let selection: UndoSelection
        do {
            selection = try UndoSelection.select(
                entry, current: instances.mapValues(\.status), later: Array(history.entries[(index + 1)...]))
        } catch {
            await session.close()
            throw CommandError.usage(error.description)
        }
        var plan = OperationPlan(
            action: action, options: runner.options,
            targets: selection.targets.map { ($0.instanceId, $0.regionId, instances[$0.instanceId]) }, now: Date())
        plan.undoes = entry.operation
        let skipped = selection.skipped.map { s in
            InstanceResult(
                instanceId: s.instanceId, regionId: s.regionId, outcome: .skipped, code: "NotUndone", message: s.reason,
                currentStatus: instances[s.instanceId]?.status.rawValue ?? "")
        }
        let verb = action == .stop ? "stops" : "starts"
        TerminalFacts.printError(
            "ecsfleet: "
                + SafeText.escaped(
                    "Undo of \(entry.title) \(entry.operation): \(verb) \(plan.targets.count) instance\(plan.targets.count == 1 ? "" : "s"), leaves \(skipped.count) alone"
                        + (action == .stop
                            ? "; the stop uses the standard options (no ForceStop, the account's StoppedMode, AllTogether)."
                            : ".")))
        try await runner.execute(plan, decision: decision, session: session, extra: skipped)
    }
}
