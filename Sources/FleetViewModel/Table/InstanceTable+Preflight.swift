import ECSAPI
import FleetCore

extension InstanceTable {
    /// What a verdict reads of row `r`, read field by field: `instances[r]` passed whole would be a copy of the
    /// instance (a retain for each of its fields), which the stop dialog would pay for every marked row.
    func preflightFacts(_ r: Int32) -> Preflight.Facts {
        let r = Int(r)
        return Preflight.Facts(
            status: instances[r].status, operationLocks: instances[r].operationLocks,
            chargeType: instances[r].instanceChargeType, expiredTime: instances[r].expiredTime,
            networkType: instances[r].instanceNetworkType, localStorageAmount: instances[r].localStorageAmount)
    }
}
