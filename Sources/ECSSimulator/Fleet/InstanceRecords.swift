import ECSAPI

/// Every simulated instance, stored once in load order, with where each ID sits and each region's order.
///
/// Instances are reached by position so the fleet reads and changes them in place: copying an `Instance` out
/// of a dictionary and back costs a retain and a release for each of its strings, on every page and every stop.
struct InstanceRecords: Sendable {
    /// Every instance in the order loaded. Positions never change: instances are replaced, never removed.
    private(set) var records: [SimulatedInstance] = []
    private var positions: [String: Int] = [:]
    /// Positions in `records` per region, in the order loaded.
    private(set) var regionOrder: [String: [Int]] = [:]
    /// Goes up with every change to an instance (not with caching its JSON), so answers computed from many
    /// instances can be reused until it moves.
    private(set) var revision = 0

    var count: Int { records.count }

    /// Where the instance with this ID sits, if it exists.
    func position(_ id: String) -> Int? { positions[id] }

    /// Adds an instance, or replaces the one with the same ID (keeping its place in its region's order).
    mutating func insert(_ instance: Instance, transition: SimulatedInstance.Transition?) {
        revision &+= 1
        let record = SimulatedInstance(instance: instance, transition: transition)
        if let p = positions[instance.instanceId] {
            records[p] = record
            return
        }
        positions[instance.instanceId] = records.count
        regionOrder[instance.regionId, default: []].append(records.count)
        records.append(record)
    }

    /// Changes the instance at `position` in place.
    mutating func update(_ position: Int, _ change: (inout SimulatedInstance) -> Void) {
        revision &+= 1
        change(&records[position])
    }

    /// The instance's JSON, rendered and cached if needed (not a change: `revision` stays).
    mutating func json(_ position: Int) -> [UInt8] { records[position].json() }

    /// Caches JSON rendered elsewhere for the instance at `position` (see `SimulatedFleet.prerender`).
    mutating func adopt(_ json: [UInt8], at position: Int) { records[position].adopt(json) }

    /// Every instance, regions in name order, each region in load order (a stable order for snapshots and state).
    var inStableOrder: [SimulatedInstance] {
        regionOrder.keys.sorted().flatMap { regionOrder[$0]!.map { records[$0] } }
    }
}
