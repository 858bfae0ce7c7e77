import ECSAPI
import FleetCore
import Foundation

extension FleetReducer {
    /// Time passes: banners expire, and what the refresh scheduler finds due is read (regions re-listed,
    /// instances read by ID). Nothing is read automatically while paused, with `--refresh 0`, or before a first
    /// listing has ended.
    static func tick(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        s.banners.removeAll { $0.expires <= now }
        guard !s.paused, let interval = s.autoRefreshInterval, s.lastRefresh != nil else { return [] }
        let inputs = s.refreshInputs()
        let plan = s.refreshes.plan(
            now: now, interval: interval, onScreen: inputs.onScreen, inTransition: inputs.inTransition,
            regions: inputs.regions)
        return startLoads(&s, regions: plan.relist, now: now)
            + plan.calls.map { .refreshInstances(region: $0.region, ids: $0.ids) }
    }

    /// When the next automatic refresh falls due, if one should (`now` when something is due already).
    static func nextRefresh(_ s: FleetState, now: Date) -> Date? {
        guard !s.paused, let interval = s.autoRefreshInterval else { return nil }
        var scheduler = s.refreshes
        let inputs = s.refreshInputs()
        let plan = scheduler.plan(
            now: now, interval: interval, onScreen: inputs.onScreen, inTransition: inputs.inTransition,
            regions: inputs.regions)
        if !plan.relist.isEmpty || !plan.calls.isEmpty { return now }
        return plan.nextDue.map { max(now, $0) }
    }

    /// Answers to reads by ID, and the rows on screen.
    static func liveUpdate(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        switch action {
        case .viewportChanged(let viewport):
            s.viewport = viewport
        case .instancesRefreshed(let region, let asked, let instances):
            s.refreshes.answered(asked)
            // Seen now, so as current as the region's latest listing: that listing must not remove them.
            let generation = s.loads[region]?.generation ?? 0
            let touched = s.table.upsert(instances, region: region, generation: generation, readAt: now)
            let found = Set(instances.map(\.instanceId))
            let gone = s.table.remove(asked.filter { !found.contains($0) }, region: region)
            if s.dialog.power != nil, !touched.isEmpty || !gone.isEmpty {
                let changed = touched.compactMap { s.instance($0) }
                s.withPowerDialog { $0.refresh(changed, gone: gone, now: now) }
            }
        default: break
        }
        return []
    }
}

extension FleetState {
    /// What the refresh scheduler needs: the rows on screen, the instances in a transition that no operation of
    /// this session tracks (the engine reads those itself), and the regions shown with their listings.
    func refreshInputs() -> (
        onScreen: [RefreshScheduler.Row], inTransition: [RefreshScheduler.Row], regions: [RefreshScheduler.Region]
    ) {
        let onScreen = onScreenIds.compactMap { table.refreshRow($0) }
        var inTransition = table.inTransition(regions: regionsShown.allowed)
        let tracking = inFlightOperations
        if !tracking.isEmpty, !inTransition.isEmpty {
            let tracked = Set(tracking.flatMap { $0.plan.targets.map(\.instanceId) })
            inTransition.removeAll { tracked.contains($0.id) }
        }
        let regions = shownRegions.map { r in
            let load = loads[r]
            return RefreshScheduler.Region(
                name: r, instances: load.map { max($0.loaded, $0.total ?? 0) } ?? 0,
                listedAt: load?.isLoading == true ? nil : load?.finishedAt, isListing: load?.isLoading ?? false)
        }
        return (onScreen, inTransition, regions)
    }
}
