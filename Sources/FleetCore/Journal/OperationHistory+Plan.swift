import ECSAPI
import Foundation

extension OperationHistory.Entry {
    /// The operation's plan as its journal tells it, for following it again after an interruption (the screen's
    /// results view of a resumed operation): its targets in order, the ones the journal shows were to be sent
    /// (any outcome but a preflight skip) as sent, its options, and its calls regrouped from those. `nil` when the
    /// journal has no stop or start for it. The instances' data is not in the journal: `instance` is `nil`.
    public var plan: OperationPlan? {
        guard let action = PowerAction(rawValue: action) else { return nil }
        var options = OperationOptions(dryRun: isDryRun)
        for option in self.options {
            if option == "ForceStop" { options.forceStop = true }
            if let mode = StoppedMode(rawValue: option) { options.stoppedMode = mode }
            if let batch = BatchOptimization(rawValue: option) { options.batch = batch }
        }
        let targets = results.map { r in
            let notThere = ErrorCode.isNotThere(r.code)
            let skipped = r.outcome == .skipped || (r.outcome == .failed && notThere)
            return OperationPlan.Target(
                instanceId: r.instanceId, regionId: r.regionId, instance: nil,
                preflight: Preflight(
                    instanceId: r.instanceId, verdict: skipped ? .skip(code: r.code, reason: r.message) : .proceed))
        }
        var plan = OperationPlan(id: operation, action: action, options: options, judged: targets, now: started)
        plan.undoes = undoes
        return plan
    }
}
