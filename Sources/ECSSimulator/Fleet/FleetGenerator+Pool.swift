import ECSAPI
import Foundation

extension FleetGenerator {
    /// `count` instances in `region` that a stop accepts: `Running`, no lock, pay-as-you-go (so never expired),
    /// otherwise as varied as a generated fleet. A load test stops them by the thousand (`ecs-sim --pool`), so
    /// the supply lasts however fast the stops come. IDs never repeat one in `used`; the new ones are added.
    public static func runningPool(count: Int, region: String, seed: UInt64, now: Date, used: inout Set<String>)
        -> [Instance]
    {
        var h: UInt64 = seed ^ 0x9E37_79B9_7F4A_7C15
        for b in region.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        var rng = SeededRandom(seed: h)
        return (0..<count).map { n in
            var i = make(n, region: region, rng: &rng, used: &used, now: now)
            i.status = .running
            i.operationLocks = []
            if i.instanceChargeType == "PrePaid" {
                i.instanceChargeType = "PostPaid"
                i.expiredTime = "2099-12-31T15:59Z"
            }
            i.stoppedMode =
                i.isEconomicalModeEligible ? StoppedMode.keepCharging.rawValue : StoppedMode.notApplicable.rawValue
            return i
        }
    }
}
