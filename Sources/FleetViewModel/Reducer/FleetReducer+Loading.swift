import ECSAPI
import FleetCore
import Foundation

extension FleetReducer {
    /// Reloads the regions shown (fetching the region list first when showing all and none is known).
    static func refresh(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        if s.regionsShown == .all && s.knownRegions.isEmpty {
            s.regionListLoading = true
            return [.loadRegionList]
        }
        return startLoads(&s, regions: s.shownRegions, now: now)
    }

    /// Starts a new load (a new generation) of each region; pages of earlier loads will be ignored.
    static func startLoads(_ s: inout FleetState, regions: [String], now: Date) -> [FleetEffect] {
        regions.map { r in
            let previous = s.loads[r]
            var load = RegionLoad(region: r, generation: (previous?.generation ?? 0) + 1, startedAt: now)
            load.total = previous?.total
            s.loads[r] = load
            return .loadInstances(region: r, generation: load.generation)
        }
    }

    static func cancelLoading(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        let loading = s.loads.values.filter(\.isLoading).map(\.region).sorted()
        guard !loading.isEmpty else { return [] }
        for r in loading {
            s.loads[r]?.phase = .cancelled
            s.loads[r]?.finishedAt = now
        }
        s.post(.info, "Loading cancelled: \(loading.joined(separator: ", ")).", now: now)
        return [.cancelLoading(regions: loading)]
    }

    static func togglePause(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        s.paused.toggle()
        s.post(.info, s.paused ? "Live updates paused." : "Live updates resumed.", now: now)
        guard !s.paused, let at = nextRefresh(s, now: now) else { return [] }
        return [.scheduleRefresh(at: at)]
    }

    static func loading(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        switch action {
        case .regionsLoaded(let list):
            // The account's own list is the truth: a region only named by the operator (a typo) is not in it.
            s.knownRegions = list
            s.regionListLoaded = true
            s.regionListLoading = false
            s.clearBanners(topic: "regions")
            guard s.regionsShown == .all else { return [] }
            for r in s.loads.keys where !list.contains(r) { s.loads[r] = nil }
            return startLoads(&s, regions: s.knownRegions.filter { s.loads[$0] == nil }, now: now)
        case .regionListFailed(let message):
            s.regionListLoading = false
            s.post(.error, "The region list could not be loaded: \(message)", topic: "regions", now: now)
        case .instancesLoaded(let page):
            return pageLoaded(&s, page, now: now)
        case .loadFailed(let region, let generation, let message):
            guard var load = s.loads[region], load.generation == generation, load.isLoading else { return [] }
            load.phase = .failed(message)
            load.finishedAt = now
            load.permission = .checking
            s.loads[region] = load
            // A region no longer shown (`:region` moved on while it loaded) is not worth a banner.
            if s.shownRegions.contains(region) {
                s.post(.error, "\(region): \(message)", topic: "region:" + region, now: now)
            }
            return [.checkPermission(region: region, generation: generation)]
        case .permissionChecked(let region, let generation, let answer):
            guard var load = s.loads[region], load.generation == generation else { return [] }
            load.permission = answer
            s.loads[region] = load
            if case .denied(let message) = answer, s.shownRegions.contains(region) {
                s.post(
                    .error, "No permission to list instances in \(region): \(message)", topic: "region:" + region,
                    now: now)
            }
        default: break
        }
        return []
    }

    private static func pageLoaded(_ s: inout FleetState, _ page: InstancePage, now: Date) -> [FleetEffect] {
        guard var load = s.loads[page.region], load.generation == page.generation, load.isLoading else { return [] }
        let touched = s.table.upsert(page.instances, region: page.region, generation: page.generation, readAt: now)
        load.loaded = page.loaded
        load.total = page.total
        if !page.instances.isEmpty { s.clearBanners(topic: "region:" + page.region) }
        var gone: [String] = []
        var effects: [FleetEffect] = []
        if page.isLast {
            gone = s.table.removeUnseen(region: page.region, generation: page.generation)
            load.phase = .done
            load.finishedAt = now
            s.lastRefresh = now
            if load.loaded == 0 {
                load.permission = .checking
                effects.append(.checkPermission(region: page.region, generation: page.generation))
            }
        }
        s.loads[page.region] = load
        if s.dialog.power != nil, !touched.isEmpty || !gone.isEmpty {
            let changed = touched.compactMap { s.instance($0) }
            s.withPowerDialog { $0.refresh(changed, gone: gone, now: now) }
        }
        if page.isLast, let at = nextRefresh(s, now: now) { effects.append(.scheduleRefresh(at: at)) }
        return effects
    }
}
