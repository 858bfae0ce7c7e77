import ECSAPI
import FleetCore
import Foundation

extension PowerDialogState {
    /// What the dialog knows and judged of a target, less its ID and dry run. A fleet has few distinct ones (a
    /// region, a state, a verdict), so the targets keep each once and refer to it by number.
    struct Judgement: Sendable, Hashable {
        /// The region (empty when the target is not loaded).
        var regionId: String
        /// The latest known state; `nil` when the target is not loaded (gone, or never seen).
        var status: InstanceStatus?
        /// The preflight verdict for the current options.
        var preflight: Preflight.Verdict
        /// Whether economical mode can apply (VPC, pay-as-you-go, no local disks; true when not loaded).
        var economical: Bool
        /// Why economical mode cannot apply to a stop target that will be sent (`nil` otherwise): the verdict
        /// then depends on StoppedMode alone, so changing it re-judges nothing.
        var keepsChargingReason: String?

        /// An instance of `regionId` with `facts`, judged for `action` at `now`, with its verdict for
        /// `stopCharging` (StoppedMode=StopCharging) or not.
        init(regionId: String, facts: Preflight.Facts, action: PowerAction, stopCharging: Bool, now: Date) {
            self.regionId = regionId
            status = facts.status
            economical = facts.ineligibility == nil
            // Only StopCharging changes a verdict (from proceed to standardModeOnly), so the verdict without it and
            // the reason it would not apply are all the options need.
            let base = Preflight.verdict(facts, action: action, options: OperationOptions(), now: now)
            keepsChargingReason = action == .stop && base == .proceed ? facts.ineligibility : nil
            preflight = base
            setStopCharging(stopCharging)
        }

        /// `instanceId`, not loaded, judged for `action` at `now`.
        init(missing instanceId: String, regionId: String, action: PowerAction, now: Date) {
            self.regionId = regionId
            status = nil
            economical = true
            keepsChargingReason = nil
            preflight =
                Preflight.judge(nil, id: instanceId, action: action, options: OperationOptions(), now: now).verdict
        }

        /// `instanceId` judged from `instance` (`nil`: not loaded).
        init(
            instanceId: String, regionId: String, instance: Instance?, action: PowerAction, stopCharging: Bool,
            now: Date
        ) {
            if let instance {
                self.init(
                    regionId: instance.regionId, facts: Preflight.Facts(instance), action: action,
                    stopCharging: stopCharging, now: now)
            } else {
                self.init(missing: instanceId, regionId: regionId, action: action, now: now)
            }
        }

        /// Sets the verdict for StoppedMode=StopCharging (`on`) or any other StoppedMode.
        mutating func setStopCharging(_ on: Bool) {
            guard let why = keepsChargingReason else { return }
            preflight = on ? .standardModeOnly(reason: why) : .proceed
        }

        /// Whether its targets will be in a call.
        var willSend: Bool {
            if case .skip = preflight { return false }
            return true
        }
    }
}
