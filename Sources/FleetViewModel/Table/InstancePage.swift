import ECSAPI
import FleetCore

/// One page of a region's instances, as the loader reports it.
public struct InstancePage: Sendable, Equatable {
    /// The region the page belongs to.
    public var region: String
    /// The load it belongs to (see `RegionLoad.generation`).
    public var generation: Int
    /// The instances of this page (possibly several API pages).
    public var instances: [Instance]
    /// Instances received so far in this load, this page included.
    public var loaded: Int
    /// The region's instance count as the API reports it.
    public var total: Int
    /// Whether this is the last page.
    public var isLast: Bool

    /// A page as the loader reports it.
    public init(region: String, generation: Int, instances: [Instance], loaded: Int, total: Int, isLast: Bool) {
        self.region = region
        self.generation = generation
        self.instances = instances
        self.loaded = loaded
        self.total = total
        self.isLast = isLast
    }
}
