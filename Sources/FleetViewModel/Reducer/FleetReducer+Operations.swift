import ECSAPI
import FleetCore
import Foundation

extension FleetReducer {
    /// Changed results of a running operation: into its results, the instances' last operation and status,
    /// and an open dialog's targets.
    static func operationUpdated(_ s: inout FleetState, _ id: String, _ results: [InstanceResult], now: Date) {
        guard let i = s.operations.lastIndex(where: { $0.id == id }) else { return }
        s.operations[i].apply(results)
        record(&s, s.operations[i].action, id, results, now: now)
    }

    static func operationFinished(_ s: inout FleetState, _ report: OperationEngine.Report, now: Date) -> [FleetEffect] {
        guard let i = s.operations.lastIndex(where: { $0.id == report.operation }) else { return [] }
        s.operations[i].apply(report.results)
        s.operations[i].notes = report.notes
        s.operations[i].finishedAt = now
        let run = s.operations[i]
        record(&s, run.action, run.id, report.results, now: now)
        let failed = run.failures.count
        let summary = "\(run.action.rawValue) finished: \(OperationEngine.summary(run.results))."
        s.post(failed > 0 ? .warning : .info, summary, now: now)
        // An operator who looked away during a long one hears and sees that it ended.
        guard let after = s.notifyAfter, now.timeIntervalSince(run.startedAt) > after else { return [] }
        return [.notify(title: "ecsfleet: \(run.action.rawValue) \(run.id)", body: summary)]
    }

    private static func record(
        _ s: inout FleetState, _ action: PowerAction, _ id: String, _ results: [InstanceResult], now: Date
    ) {
        var changed: [Instance] = []
        for r in results {
            s.table.setLastOperation(
                r.instanceId,
                LastOperation(
                    operationId: id, action: action, outcome: r.outcome, code: r.code,
                    message: r.message, time: now))
            if !r.currentStatus.isEmpty, let instance = s.instance(r.instanceId),
                instance.status.rawValue != r.currentStatus
            {
                s.table.update(r.instanceId) { $0.status = InstanceStatus(rawValue: r.currentStatus) }
                if let updated = s.instance(r.instanceId) { changed.append(updated) }
            }
        }
        if !changed.isEmpty, s.dialog.power != nil { s.withPowerDialog { $0.refresh(changed, now: now) } }
    }

    static func resultsView(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        switch action {
        case .showResults(let id):
            guard let id = id ?? s.operations.last?.id, s.operation(id) != nil else {
                s.post(.info, "No operation has run in this session.", now: now)
                return []
            }
            s.resultsView = ResultsViewState(operationId: id)
        case .hideResults: s.resultsView = nil
        case .toggleFailuresOnly:
            s.resultsView?.failuresOnly.toggle()
            s.resultsView?.scroll = 0
        case .scrollResults(let delta):
            guard var view = s.resultsView else { return [] }
            view.scroll = max(0, min(view.scroll + delta, max(0, s.resultRows.count - 1)))
            s.resultsView = view
        case .retryFailed:
            guard let view = s.resultsView, let run = s.operation(view.operationId) else { return [] }
            let failed = run.failures.map(\.instanceId)
            guard !failed.isEmpty else {
                s.post(.info, "Nothing to retry: no instance failed.", now: now)
                return []
            }
            var options = run.plan.options
            options.dryRun = false
            return openPowerDialog(&s, run.action, now: now, preview: false, ids: failed, options: options)
        default: break
        }
        return []
    }
}
