import ECSAPI
import FleetCore

extension InstanceTable {
    /// Row `r`'s region, from the region codes (not from its instance: see `preflightFacts`).
    func regionId(ofRow r: Int32) -> String { codes.region.values[Int(codes.rowRegion[Int(r)])] }
}
