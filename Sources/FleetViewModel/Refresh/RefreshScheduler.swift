import Foundation

/// Decides which instances the screen re-reads when, so live updates cost a small share of re-listing every
/// region at every refresh (1,000 `DescribeInstances` calls each time at 100,000 instances):
///
/// - the rows on screen, every refresh interval, by ID (`DescribeInstances` with up to 100 `InstanceIds`);
/// - instances in transition (`Pending`, `Starting`, `Stopping`), every 5 seconds at first, backing off to the
///   refresh interval the longer they stay there;
/// - every instance, by re-listing its region (which also finds new and deleted instances): a region of up to
///   100 instances at every interval, larger ones one more interval per 100 instances, up to `maxListingIntervals`
///   intervals apart (15 minutes at the default 30 s).
///
/// A region small enough to be re-listed at every interval is not read by ID too. At most `maxCallsPerPlan` calls
/// by ID are asked at once; what is left is due at the next plan. An ID asked is not asked again until it is
/// answered, or one interval later if the answer never comes.
///
/// A pure value: time and what is on screen are passed in; `FleetReducer` turns a plan into effects.
public struct RefreshScheduler: Sendable, Equatable {
    /// An instance that may be due: where it is and when its data was last read (`nil`: never by this session).
    public struct Row: Sendable, Equatable {
        public var id: String
        public var region: String
        public var refreshedAt: Date?
        public init(id: String, region: String, refreshedAt: Date?) {
            self.id = id
            self.region = region
            self.refreshedAt = refreshedAt
        }
    }

    /// A region shown: how many instances its last listing counted, and when that listing ended.
    public struct Region: Sendable, Equatable {
        public var name: String
        public var instances: Int
        /// When its last listing ended (done, failed or cancelled); `nil` when it was never listed.
        public var listedAt: Date?
        /// A listing is under way.
        public var isListing: Bool
        public init(name: String, instances: Int, listedAt: Date?, isListing: Bool) {
            self.name = name
            self.instances = instances
            self.listedAt = listedAt
            self.isListing = isListing
        }
    }

    /// What to read now, and when the next read falls due.
    public struct Plan: Sendable, Equatable {
        /// Regions to re-list.
        public var relist: [String]
        /// Calls by ID: a region and at most 100 IDs each.
        public var calls: [Call]
        /// When something next falls due if nothing changes (the screen's own tick also re-plans when the
        /// operator scrolls); `nil` when nothing ever will.
        public var nextDue: Date?
        public init(relist: [String] = [], calls: [Call] = [], nextDue: Date? = nil) {
            self.relist = relist
            self.calls = calls
            self.nextDue = nextDue
        }
    }

    /// One `DescribeInstances` call by ID.
    public struct Call: Sendable, Equatable {
        public var region: String
        public var ids: [String]
        public init(region: String, ids: [String]) {
            self.region = region
            self.ids = ids
        }
    }

    /// IDs in one call (the API's limit for `InstanceIds`).
    public static let idsPerCall = 100
    /// How often an instance that just entered a transition is read.
    public static let transitionPeriod: TimeInterval = 5
    /// A large region is re-listed at most this many refresh intervals apart.
    public static let maxListingIntervals = 30
    /// Calls by ID asked by one plan.
    public static let maxCallsPerPlan = 10

    /// When each instance now in transition was first seen in it.
    public private(set) var transitionSince: [String: Date] = [:]
    /// IDs asked and not answered yet, with when they were asked.
    public private(set) var asked: [String: Date] = [:]

    public init() {}

    /// How long apart a region of `instances` is re-listed: one interval per 100 instances (a listing page), at
    /// least one and at most `maxListingIntervals`.
    public static func listingPeriod(instances: Int, interval: TimeInterval) -> TimeInterval {
        let pages = max(1, (instances + idsPerCall - 1) / idsPerCall)
        return interval * Double(min(pages, maxListingIntervals))
    }

    /// How long apart an instance in transition for `duration` is read: 5 s during its first 20 s, then a
    /// quarter of the time it has spent there, up to `interval`.
    public static func transitionPeriod(after duration: TimeInterval, interval: TimeInterval) -> TimeInterval {
        min(interval, max(transitionPeriod, duration / 4))
    }

    /// What is due at `now`: `onScreen` are the rows the operator sees, `inTransition` every instance of the
    /// shown regions in a transition (those an operation tracks left out), `regions` the regions shown.
    /// Remembers the IDs it asks for and when transitions began.
    public mutating func plan(
        now: Date, interval: TimeInterval, onScreen: [Row], inTransition: [Row], regions: [Region]
    ) -> Plan {
        var plan = Plan()
        var nextDue: Date?
        func consider(_ date: Date) { nextDue = min(nextDue ?? date, date) }

        // Transitions: forget instances that left them; start the clock for those that entered.
        var since: [String: Date] = [:]
        for row in inTransition { since[row.id] = transitionSince[row.id] ?? now }
        transitionSince = since
        asked = asked.filter { now.timeIntervalSince($0.value) < interval }

        // Re-listing, and which regions are read by ID (those not re-listed at every interval).
        var byId: Set<String> = []
        var listing: Set<String> = []
        for region in regions {
            let period = Self.listingPeriod(instances: region.instances, interval: interval)
            if region.isListing {
                listing.insert(region.name)
            } else if let last = region.listedAt, now < last.addingTimeInterval(period) {
                consider(last.addingTimeInterval(period))
            } else {
                plan.relist.append(region.name)
                listing.insert(region.name)
            }
            if period > interval { byId.insert(region.name) }
        }

        // Rows due, on screen first, then the transitions read longest ago.
        var due: [Row] = []
        var chosen: Set<String> = []
        func take(_ row: Row, period: TimeInterval, largeRegionsOnly: Bool) {
            guard !listing.contains(row.region), !largeRegionsOnly || byId.contains(row.region),
                !chosen.contains(row.id)
            else { return }
            if let at = asked[row.id] { return consider(at.addingTimeInterval(interval)) }
            if let last = row.refreshedAt, now < last.addingTimeInterval(period) {
                return consider(last.addingTimeInterval(period))
            }
            due.append(row)
            chosen.insert(row.id)
        }
        for row in onScreen { take(row, period: interval, largeRegionsOnly: true) }
        let transitions = inTransition.enumerated().sorted { a, b in
            let x = a.element.refreshedAt ?? .distantPast
            let y = b.element.refreshedAt ?? .distantPast
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        for row in transitions {
            take(
                row,
                period: Self.transitionPeriod(after: now.timeIntervalSince(since[row.id] ?? now), interval: interval),
                largeRegionsOnly: false)
        }

        // Calls per region, in the order regions first appear, 100 IDs each, up to the cap.
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for row in due {
            if groups[row.region] == nil { order.append(row.region) }
            groups[row.region, default: []].append(row.id)
        }
        for region in order {
            for chunk in stride(from: 0, to: groups[region]!.count, by: Self.idsPerCall) {
                let ids = Array(groups[region]![chunk..<min(chunk + Self.idsPerCall, groups[region]!.count)])
                if plan.calls.count == Self.maxCallsPerPlan {
                    consider(now)
                    continue
                }
                plan.calls.append(Call(region: region, ids: ids))
                for id in ids { asked[id] = now }
                consider(now.addingTimeInterval(interval))
            }
        }
        plan.nextDue = nextDue
        return plan
    }

    /// The answer to a call by ID came: its IDs may be asked again once due. The IDs of a call that failed are
    /// not passed here: they wait one interval before they are asked again (the header's refresh age says the
    /// data is getting old meanwhile).
    public mutating func answered(_ ids: [String]) {
        for id in ids { asked[id] = nil }
    }
}
