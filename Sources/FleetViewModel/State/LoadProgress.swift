import FleetCore

/// How a load of several regions stands while it runs (`:region all`, a refresh): the header's second line says
/// it until every region is in.
public struct LoadProgress: Sendable, Equatable {
    /// Regions whose load ended (done, failed or cancelled).
    public var regionsDone: Int
    /// Regions shown.
    public var regions: Int
    /// Instances received so far in the regions shown.
    public var instances: Int
    /// Whether the account's region list is still awaited (`:region all`).
    public var listingRegions: Bool

    /// Progress as counted.
    public init(regionsDone: Int, regions: Int, instances: Int, listingRegions: Bool) {
        self.regionsDone = regionsDone
        self.regions = regions
        self.instances = instances
        self.listingRegions = listingRegions
    }
}

extension FleetState {
    /// The progress of loading the regions shown, while more than one is shown and some are still loading (or
    /// the region list is awaited); `nil` otherwise, and for a single region (its own counts say enough).
    public var loadProgress: LoadProgress? {
        let shown = shownRegions
        let listing = regionListLoading && regionsShown == .all
        guard shown.count > 1 || listing else { return nil }
        let loads = shown.compactMap { self.loads[$0] }
        guard listing || loads.contains(where: \.isLoading) else { return nil }
        return LoadProgress(
            regionsDone: loads.filter { !$0.isLoading }.count, regions: shown.count,
            instances: loads.reduce(0) { $0 + $1.loaded }, listingRegions: listing)
    }
}
