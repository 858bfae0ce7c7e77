import ECSAPI
import FleetCore
import Foundation

extension FleetReducer {
    /// `u` in the results view: opens the reverse dialog for what the operation changed that is still where it
    /// left it, by the screen's latest view of each instance (`UndoSelection`, as `journal --undo` selects).
    static func undo(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        guard let view = s.resultsView, let run = s.operation(view.operationId) else { return [] }
        var instances: [String: Instance] = [:]
        for r in run.results { if let i = s.instance(r.instanceId) { instances[r.instanceId] = i } }
        let selection = Result<UndoSelection, UndoError>(catching: { () throws(UndoError) -> UndoSelection in
            try UndoSelection.select(
                operation: run.id, action: run.action, isDryRun: run.plan.options.dryRun,
                results: run.results, current: instances.mapValues(\.status), later: [])
        })
        return openUndoDialog(&s, selection, instances: instances, now: now)
    }

    /// Opens the start (or stop) dialog on what `selection` reverses, saying "undo of" the operation and listing
    /// the instances it leaves alone with why; `instances` is what is known of them now. The journal's `u` and the
    /// results view's come here. When nothing can be reversed, or the operation cannot be undone, a banner says why.
    static func openUndoDialog(
        _ s: inout FleetState, _ selection: Result<UndoSelection, UndoError>, instances: [String: Instance], now: Date
    ) -> [FleetEffect] {
        let chosen: UndoSelection
        switch selection {
        case .success(let c): chosen = c
        case .failure(let error):
            s.post(.info, error.description, now: now)
            return []
        }
        guard !chosen.targets.isEmpty else {
            s.post(
                .info,
                "Nothing to undo: \(chosen.skipped.first.map { "\($0.instanceId) \($0.reason)" } ?? "no instance changed")"
                    + (chosen.skipped.count > 1 ? " (and \(chosen.skipped.count - 1) more)." : "."), now: now)
            return []
        }
        let targets = chosen.targets.map { t in
            (
                instanceId: t.instanceId, regionId: t.regionId,
                instance: instances[t.instanceId] ?? s.instance(t.instanceId)
            )
        }
        var dialog = PowerDialogState(
            action: chosen.action, targets: targets, readOnly: s.readOnly, readOnlyFixed: s.readOnlyFixed,
            safety: s.safety[chosen.action], now: now)
        dialog.undoes = chosen.operation
        dialog.undoSkipped = chosen.skipped
        s.dialog = .power(dialog)
        return []
    }
}
