import ECSAPI

/// Finds the region of each instance ID: one `DescribeInstances` by ID list (at most 100 IDs a call) in each
/// candidate region, the regions at once. IDs whose region is already known (from `list --output json`) are
/// looked up in that region only; the others in every candidate region. What comes back also feeds the
/// preflight, so locating costs no extra call.
public struct RegionLocator: Sendable {
    public var service: any ECSService
    /// Regions read at once.
    public var maxConcurrentRegions = 8

    public init(service: any ECSService) { self.service = service }

    /// An ID to locate, with its region when known.
    public struct Wanted: Sendable, Equatable {
        public var instanceId: String
        public var regionId: String?
        public init(_ instanceId: String, regionId: String? = nil) {
            self.instanceId = instanceId
            self.regionId = regionId
        }
    }

    /// The IDs each region is asked about: those known to be there, then, in the candidate `regions`, those of
    /// unknown region (in order).
    public static func questions(_ wanted: [Wanted], regions: [String]) -> [(region: String, ids: [String])] {
        let unknown = wanted.filter { $0.regionId == nil }.map(\.instanceId)
        var asked = regions
        for w in wanted { if let r = w.regionId, !asked.contains(r) { asked.append(r) } }
        return asked.compactMap { region in
            // IDs of unknown region are looked for only in the candidate regions (`--region` limits the search).
            let ids =
                wanted.filter { $0.regionId == region }.map(\.instanceId) + (regions.contains(region) ? unknown : [])
            return ids.isEmpty ? nil : (region, ids)
        }
    }

    /// Each wanted ID, in order and once, with its region and instance; `nil` region and instance when no
    /// candidate region has it. `regions` are the candidates for IDs of unknown region.
    public func locate(_ wanted: [Wanted], regions: [String]) async throws(ECSCallError) -> [Located] {
        let questions = Self.questions(wanted, regions: regions)
        let service = self.service
        let limit = max(1, maxConcurrentRegions)
        let all = await withTaskGroup(of: (Int, Result<[Instance], ECSCallError>).self) { group in
            var next = 0
            var out: [Int: Result<[Instance], ECSCallError>] = [:]
            while next < questions.count && next < limit {
                let (n, q) = (next, questions[next])
                group.addTask { (n, await Self.ask(service, region: q.region, ids: q.ids)) }
                next += 1
            }
            while let (i, answer) = await group.next() {
                out[i] = answer
                if next < questions.count {
                    let (n, q) = (next, questions[next])
                    group.addTask { (n, await Self.ask(service, region: q.region, ids: q.ids)) }
                    next += 1
                }
            }
            return out
        }
        var found: [[Instance]] = []
        for i in questions.indices {
            switch all[i] {
            case .success(let list): found.append(list)
            case .failure(let error): throw error
            case nil: found.append([])
            }
        }
        return Self.merge(wanted, questions: questions.map(\.region), found: found)
    }

    /// One region's answer, as a value a task can hand back.
    static func ask(_ service: any ECSService, region: String, ids: [String]) async -> Result<[Instance], ECSCallError>
    {
        do { return .success(try await service.instances(region: region, instanceIds: ids)) } catch {
            return .failure(error)
        }
    }

    /// One wanted ID's place: its region and what `DescribeInstances` said of it.
    public struct Located: Sendable, Equatable {
        public var instanceId: String
        /// `nil` when no region had it.
        public var regionId: String?
        public var instance: Instance?
        public init(instanceId: String, regionId: String?, instance: Instance?) {
            self.instanceId = instanceId
            self.regionId = regionId
            self.instance = instance
        }
    }

    /// Joins the regions' answers (`found[i]` from `regions[i]`) to the wanted IDs. An instance is taken from the
    /// region that answered with it first, in the order the regions were asked.
    public static func merge(_ wanted: [Wanted], questions regions: [String], found: [[Instance]]) -> [Located] {
        var byId: [String: Instance] = [:]
        for (region, list) in zip(regions, found) {
            for var i in list where byId[i.instanceId] == nil {
                if i.regionId.isEmpty { i.regionId = region }
                byId[i.instanceId] = i
            }
        }
        var seen = Set<String>()
        return wanted.filter { seen.insert($0.instanceId).inserted }.map { w in
            let i = byId[w.instanceId]
            return Located(instanceId: w.instanceId, regionId: i?.regionId ?? w.regionId, instance: i)
        }
    }
}
