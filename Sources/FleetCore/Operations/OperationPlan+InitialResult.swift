import ECSAPI

extension OperationPlan.Target {
    /// The result this target starts with, before anything is sent; the engine, the journal and the screen all
    /// start from it. A target preflight rules out is never sent: one that does not exist (not found, or not an
    /// instance ID) is `.failed`, since the operator named something that is not there and must fix the list (the
    /// command exits non-zero, "retry failed" offers it); any other (already stopped, locked, ...) is `.skipped`.
    public var initialResult: InstanceResult {
        let status = self.status?.rawValue ?? ""
        guard case .skip(let code, let reason) = preflight.verdict else {
            return InstanceResult(
                instanceId: instanceId, regionId: regionId, outcome: .queued,
                previousStatus: status, currentStatus: status)
        }
        let missing = ErrorCode.isNotThere(code)
        return InstanceResult(
            instanceId: instanceId, regionId: regionId, outcome: missing ? .failed : .skipped,
            code: code, message: reason, previousStatus: status, currentStatus: status)
    }
}
