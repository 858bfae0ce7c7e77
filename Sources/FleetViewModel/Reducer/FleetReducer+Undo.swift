import ECSAPI
import FleetCore
import Foundation

extension FleetReducer {
    /// `u` in the results view: opens the reverse dialog for what the operation changed that is still where it
    /// left it, by the screen's latest view of each instance (`UndoSelection`, as `journal --undo` selects).
    static func undo(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        guard let view = s.resultsView, let run = s.operation(view.operationId) else { return [] }
        var current: [String: InstanceStatus] = [:]
        for r in run.results { if let i = s.instance(r.instanceId) { current[r.instanceId] = i.status } }
        let selection: UndoSelection
        do {
            selection = try UndoSelection.select(
                operation: run.id, action: run.action, isDryRun: run.plan.options.dryRun,
                results: run.results, current: current, later: [])
        } catch {
            s.post(.info, error.description, now: now)
            return []
        }
        guard !selection.targets.isEmpty else {
            s.post(
                .info,
                "Nothing to undo: \(selection.skipped.first.map { "\($0.instanceId) \($0.reason)" } ?? "no instance changed")"
                    + (selection.skipped.count > 1 ? " (and \(selection.skipped.count - 1) more)." : "."), now: now)
            return []
        }
        let effects = openPowerDialog(
            &s, selection.action, now: now, preview: false, ids: selection.targets.map(\.instanceId))
        s.withPowerDialog { $0.undoes = run.id }
        return effects
    }
}
