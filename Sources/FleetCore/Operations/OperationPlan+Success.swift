import ECSAPI

extension OperationPlan {
    /// Whether the operation succeeded with these results: what the command's exit status 0 means.
    ///
    /// A real run succeeds when every instance reached the wanted state: stopped or started, accepted when not
    /// waiting, or skipped because it is already there (a stop of a `Stopped` instance, whatever lock it also
    /// has). Skipped for any other reason (a lock, `Pending`, a transition, expired) is not reached: the operator
    /// asked for a state the instance is not in and will not get to.
    ///
    /// A dry run asks a question instead, "what would happen to each instance?", and succeeds when every
    /// instance was found and has its answer: the API's `DryRunOperation` (it would go ahead), or a skip with its
    /// reason (a lock, already stopped). It fails when an instance was not found (or is not an instance ID), or
    /// its check failed (the API refused it, or no answer came).
    public func succeeded(with results: [InstanceResult], waited: Bool) -> Bool {
        // Not found and malformed IDs are `failed` from the start (`Target.initialResult`).
        if options.dryRun { return results.allSatisfy { $0.outcome == .dryRunPassed || $0.outcome == .skipped } }
        let already = Set(targets.filter(isAlreadyThere).map(\.instanceId))
        return results.allSatisfy { r in
            switch r.outcome {
            case .stopped, .started, .dryRunPassed: return true
            case .accepted: return !waited
            case .skipped: return already.contains(r.instanceId)
            case .failed, .timeout, .dryRunFailed, .queued, .sending: return false
            }
        }
    }

    /// Skipped by the preflight only because it is already in the action's final state.
    func isAlreadyThere(_ target: Target) -> Bool {
        guard case .skip(let code, _) = target.preflight.verdict, code == ErrorCode.incorrectInstanceStatus else {
            return false
        }
        return target.status == action.targetStatus
    }
}
