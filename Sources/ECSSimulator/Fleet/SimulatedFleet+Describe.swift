import ECSAPI
import Foundation

extension SimulatedFleet {
    /// Fails with `InvalidRegionId.NotFound` unless the region is in the fleet or the public catalogue.
    func checkRegion(_ region: String) throws(APIError) {
        guard
            table.regionOrder[region] != nil || RegionCatalog.isKnown(region)
                || configuration.extraRegions.contains(region)
        else {
            throw APIError(
                code: ErrorCode.invalidRegionIdNotFound, message: "The specified RegionId does not exist.",
                httpStatus: 404)
        }
    }

    /// `DescribeRegions`: the fleet's regions plus the vendor's public ones.
    public func describeRegions(_ request: DescribeRegionsRequest, requestId: String) -> DescribeRegionsResponse {
        let chinese = (request.acceptLanguage ?? "zh-CN").lowercased().hasPrefix("zh")
        let ids = Set(RegionCatalog.regions.map(\.id)).union(table.regionOrder.keys).union(configuration.extraRegions)
            .sorted()
        return DescribeRegionsResponse(
            requestId: requestId,
            regions: ids.map { id in
                DescribeRegionsResponse.Region(
                    regionId: id, localName: RegionCatalog.localName(id, chinese: chinese),
                    regionEndpoint: RegionCatalog.endpoint(id), status: "available")
            })
    }

    /// `DescribeInstances` with its filters and both paging styles (docs/ECS-SEMANTICS.md#paging-and-filters).
    public func describeInstances(_ r: DescribeInstancesRequest, requestId: String) throws(APIError)
        -> DescribeInstancesResponse
    {
        let page = try selectPage(r)
        return DescribeInstancesResponse(
            requestId: requestId, instances: page.positions.map { table.records[$0].instance },
            nextToken: page.nextToken, totalCount: page.totalCount,
            pageNumber: page.pageNumber, pageSize: page.pageSize)
    }

    /// `DescribeInstances` as JSON: the same answer as `describeInstances(_:requestId:).json.jsonBytes()`, built
    /// from each instance's cached JSON, so a page costs a copy of bytes rather than a tree and its writing.
    func describeInstancesJSON(_ r: DescribeInstancesRequest, requestId: String) throws(APIError) -> InstancePageJSON {
        let page = try selectPage(r)
        return InstancePageJSON(
            requestId: requestId, totalCount: page.totalCount, pageNumber: page.pageNumber,
            pageSize: page.pageSize, nextToken: page.nextToken,
            instances: page.positions.map { table.json($0) })
    }

    /// Which instances a `DescribeInstances` call answers with (positions in the table, in the region's order),
    /// and its paging fields.
    struct PageSelection {
        var positions: ArraySlice<Int>
        var nextToken: String?
        var totalCount: Int
        var pageNumber: Int?
        var pageSize: Int?
    }

    private func selectPage(_ r: DescribeInstancesRequest) throws(APIError) -> PageSelection {
        try checkRegion(r.region)
        if let status = r.status, !InstanceStatus(rawValue: status).isKnown {
            throw APIError(
                code: ErrorCode.invalidStatusNotFound, message: "The specified Status does not exist.", httpStatus: 404)
        }
        if r.dryRun == true {
            throw APIError(
                code: ErrorCode.dryRunOperation, message: "Request validation has been passed with DryRun flag set.",
                httpStatus: 400)
        }
        settle()
        let order = table.regionOrder[r.region] ?? []
        let filter = InstanceFilter(r)
        // With a filter, one pass finds every match (indices into `order`): it gives the page and `TotalCount`.
        let matched = filter.isEmpty ? nil : matches(of: filter, in: r.region, order: order)

        if r.usesTokenPaging {
            let size = min(max(r.maxResults ?? 10, 10), 100)
            var start = 0
            if let token = r.nextToken {
                guard let offset = decodeToken(token, region: r.region), offset <= order.count else {
                    throw .invalidParameter("NextToken", "the token is not one this service issued")
                }
                start = offset
            }
            let positions: ArraySlice<Int>
            let next: Int
            let total: Int
            if let matched {
                // The token is an offset into the region's order: the page is the next `size` matches from there,
                // and the next token points at the match after them.
                let first = Self.firstIndex(in: matched, notBelow: start)
                let end = min(first + size, matched.count)
                positions = ArraySlice(matched[first..<end].map { order[$0] })
                next = end < matched.count ? matched[end] : order.count
                total = matched.count
            } else {
                // No filter (the common listing): the page is a slice of the region's order, nothing is tested.
                next = min(start + size, order.count)
                positions = order[start..<next]
                total = order.count
            }
            return PageSelection(
                positions: positions, nextToken: next < order.count ? encodeToken(next, region: r.region) : "",
                totalCount: total, pageNumber: nil, pageSize: nil)
        }
        let number = r.pageNumber ?? 1
        let size = r.pageSize ?? 10
        guard let matched else {
            let from = Self.pageStart(number, size, count: order.count)
            let to = min(from + size, order.count)
            return PageSelection(
                positions: order[from..<to], nextToken: nil, totalCount: order.count, pageNumber: number, pageSize: size
            )
        }
        let from = Self.pageStart(number, size, count: matched.count)
        let to = min(from + size, matched.count)
        return PageSelection(
            positions: ArraySlice(matched[from..<to].map { order[$0] }), nextToken: nil,
            totalCount: matched.count, pageNumber: number, pageSize: size)
    }

    /// The indices into `order` (the region's) of the instances that pass `filter`; from the last call's result
    /// when it asked the same and nothing changed since.
    private func matches(of filter: InstanceFilter, in region: String, order: [Int]) -> [Int] {
        if let last = lastMatches, last.revision == table.revision, last.region == region, last.filter == filter {
            return last.matched
        }
        let matched = table.records.withUnsafeBufferPointer { records in
            // Through the pointer each test reads only the fields it needs: reading an element of the array
            // copied the whole record first (a retain and release per string, for every instance of the region).
            guard let base = records.baseAddress else { return [Int]() }
            return order.indices.filter { filter.matches(base + order[$0]) }
        }
        lastMatches = FilterMatches(revision: table.revision, region: region, filter: filter, matched: matched)
        return matched
    }

    /// The first index of a sorted list whose value is `value` or more (the list's count when there is none).
    static func firstIndex(in sorted: [Int], notBelow value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// `DescribeInstanceStatus`: (ID, status) pairs, pages of at most 50.
    public func describeInstanceStatus(_ r: DescribeInstanceStatusRequest, requestId: String) throws(APIError)
        -> DescribeInstanceStatusResponse
    {
        try checkRegion(r.region)
        settle()
        var selected: [Int]
        if r.instanceIds.isEmpty {
            selected = table.regionOrder[r.region] ?? []
        } else {
            var seen = Set<String>()
            selected = r.instanceIds.compactMap { id in
                guard seen.insert(id).inserted, let p = table.position(id),
                    table.records[p].instance.regionId == r.region
                else { return nil }
                return p
            }
        }
        if let zone = r.zoneId { selected.removeAll { table.records[$0].instance.zoneId != zone } }
        let number = r.pageNumber ?? 1
        let size = r.pageSize ?? 10
        let from = Self.pageStart(number, size, count: selected.count)
        let to = min(from + size, selected.count)
        return DescribeInstanceStatusResponse(
            requestId: requestId,
            statuses: selected[from..<to].map { p in
                .init(instanceId: table.records[p].instance.instanceId, status: table.records[p].instance.status)
            },
            totalCount: selected.count, pageNumber: number, pageSize: size)
    }

    /// Where page `number` starts, without overflowing on absurd page numbers.
    static func pageStart(_ number: Int, _ size: Int, count: Int) -> Int {
        let (start, overflow) = (number - 1).multipliedReportingOverflow(by: size)
        return overflow ? count : min(start, count)
    }

    func tokenMAC(_ offset: Int, _ region: String) -> UInt64 {
        var h: UInt64 = tokenKey ^ 0xCBF2_9CE4_8422_2325
        for b in region.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        var r = SeededRandom(seed: h ^ UInt64(offset))
        return r.next()
    }

    func encodeToken(_ offset: Int, region: String) -> String {
        let mac = String(tokenMAC(offset, region), radix: 16)
        return String(repeating: "0", count: 16 - mac.count) + mac + String(offset, radix: 16)
    }

    func decodeToken(_ token: String, region: String) -> Int? {
        guard token.utf8.count > 16, token.utf8.count < 32 else { return nil }
        let macText = token.prefix(16)
        let offsetText = token.dropFirst(16)
        guard let mac = UInt64(macText, radix: 16), let offset = Int(offsetText, radix: 16), offset >= 0,
            tokenMAC(offset, region) == mac
        else { return nil }
        return offset
    }
}

/// One filtered `DescribeInstances`' matches, valid while the fleet's revision is unchanged.
struct FilterMatches: Sendable {
    var revision: Int
    var region: String
    var filter: InstanceFilter
    /// Indices into the region's order.
    var matched: [Int]
}

/// The `DescribeInstances` filters, all of which must match.
struct InstanceFilter: Sendable, Equatable {
    var ids: Set<String>?
    var status: InstanceStatus?
    var name: NamePattern?
    var zoneId: String?
    var vpcId: String?
    var chargeType: String?
    var tags: [DescribeInstancesRequest.Tag]

    init(_ r: DescribeInstancesRequest) {
        ids = r.instanceIds.map(Set.init)
        status = r.status.map(InstanceStatus.init(rawValue:))
        name = r.instanceName.map(NamePattern.init)
        zoneId = r.zoneId
        vpcId = r.vpcId
        chargeType = r.instanceChargeType
        tags = r.tags
    }

    var isEmpty: Bool {
        ids == nil && status == nil && name == nil && zoneId == nil && vpcId == nil && chargeType == nil && tags.isEmpty
    }

    /// Whether the instance in `record` passes. Each check reads only its own field through the pointer, so
    /// testing a whole region copies no instance.
    func matches(_ record: UnsafePointer<SimulatedInstance>) -> Bool {
        if let ids, !ids.contains(record.pointee.instance.instanceId) { return false }
        if let status, record.pointee.instance.status != status { return false }
        if let zoneId, record.pointee.instance.zoneId != zoneId { return false }
        if let vpcId, record.pointee.instance.vpcAttributes?.vpcId != vpcId { return false }
        if let chargeType, record.pointee.instance.instanceChargeType != chargeType { return false }
        for tag in tags {
            guard let v = record.pointee.instance.tag(tag.key) else { return false }
            if let want = tag.value, want != v { return false }
        }
        if let name, !name.matches(record.pointee.instance.instanceName) { return false }
        return true
    }
}

/// `InstanceName` matching: exact and case-sensitive, with `*` matching any run of characters.
struct NamePattern: Sendable, Equatable {
    let parts: [Substring]
    let exact: String?

    init(_ pattern: String) {
        exact = pattern.contains("*") ? nil : pattern
        parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
    }

    func matches(_ name: String) -> Bool {
        if let exact { return name == exact }
        var rest = Substring(name)
        guard let first = parts.first, rest.hasPrefix(first) else { return false }
        rest = rest.dropFirst(first.count)
        for (i, part) in parts.enumerated().dropFirst() {
            if i == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            if part.isEmpty { continue }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
