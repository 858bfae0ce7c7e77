import ECSAPI
import Foundation

extension SimulatedFleet {
    /// Fails with `InvalidRegionId.NotFound` unless the region is in the fleet or the public catalogue.
    func checkRegion(_ region: String) throws(APIError) {
        guard regionOrder[region] != nil || RegionCatalog.isKnown(region) || configuration.extraRegions.contains(region) else {
            throw APIError(code: ErrorCode.invalidRegionIdNotFound, message: "The specified RegionId does not exist.", httpStatus: 404)
        }
    }

    /// `DescribeRegions`: the fleet's regions plus the vendor's public ones.
    public func describeRegions(_ request: DescribeRegionsRequest, requestId: String) -> DescribeRegionsResponse {
        let chinese = (request.acceptLanguage ?? "zh-CN").lowercased().hasPrefix("zh")
        let ids = Set(RegionCatalog.regions.map(\.id)).union(regionOrder.keys).union(configuration.extraRegions).sorted()
        return DescribeRegionsResponse(requestId: requestId, regions: ids.map { id in
            DescribeRegionsResponse.Region(
                regionId: id, localName: RegionCatalog.localName(id, chinese: chinese),
                regionEndpoint: RegionCatalog.endpoint(id), status: "available")
        })
    }

    /// `DescribeInstances` with its filters and both paging styles.
    public func describeInstances(_ r: DescribeInstancesRequest, requestId: String) throws(APIError) -> DescribeInstancesResponse {
        try checkRegion(r.region)
        if let status = r.status, !InstanceStatus(rawValue: status).isKnown {
            throw APIError(code: ErrorCode.invalidStatusNotFound, message: "The specified Status does not exist.", httpStatus: 404)
        }
        if r.dryRun == true {
            throw APIError(code: ErrorCode.dryRunOperation, message: "Request validation has been passed with DryRun flag set.", httpStatus: 400)
        }
        settle()
        let order = regionOrder[r.region] ?? []
        let filter = InstanceFilter(r)
        let matches: (Int) -> Bool = { [instances] i in filter.matches(instances[order[i]]!.instance) }

        if r.usesTokenPaging {
            let size = min(max(r.maxResults ?? 10, 10), 100)
            var start = 0
            if let token = r.nextToken {
                guard let offset = decodeToken(token, region: r.region), offset <= order.count else {
                    throw .invalidParameter("NextToken", "the token is not one this service issued")
                }
                start = offset
            }
            var page: [Instance] = [], i = start
            while i < order.count, page.count < size {
                if matches(i) { page.append(instances[order[i]]!.instance) }
                i += 1
            }
            while i < order.count, !matches(i) { i += 1 }
            let total = filter.isEmpty ? order.count : (0..<order.count).lazy.filter(matches).count
            return DescribeInstancesResponse(requestId: requestId, instances: page,
                                             nextToken: i < order.count ? encodeToken(i, region: r.region) : "",
                                             totalCount: total, pageNumber: nil, pageSize: nil)
        }
        let number = r.pageNumber ?? 1, size = r.pageSize ?? 10
        let all: [Int] = filter.isEmpty ? Array(order.indices) : order.indices.filter(matches)
        let from = Self.pageStart(number, size, count: all.count), to = min(from + size, all.count)
        return DescribeInstancesResponse(requestId: requestId, instances: all[from..<to].map { instances[order[$0]]!.instance },
                                         nextToken: nil, totalCount: all.count, pageNumber: number, pageSize: size)
    }

    /// `DescribeInstanceStatus`: (ID, status) pairs, pages of at most 50.
    public func describeInstanceStatus(_ r: DescribeInstanceStatusRequest, requestId: String) throws(APIError) -> DescribeInstanceStatusResponse {
        try checkRegion(r.region)
        settle()
        var selected: [Instance]
        if r.instanceIds.isEmpty {
            selected = (regionOrder[r.region] ?? []).compactMap { instances[$0]?.instance }
        } else {
            var seen = Set<String>()
            selected = r.instanceIds.compactMap { id in
                guard seen.insert(id).inserted, let i = instances[id]?.instance, i.regionId == r.region else { return nil }
                return i
            }
        }
        if let zone = r.zoneId { selected.removeAll { $0.zoneId != zone } }
        let number = r.pageNumber ?? 1, size = r.pageSize ?? 10
        let from = Self.pageStart(number, size, count: selected.count), to = min(from + size, selected.count)
        return DescribeInstanceStatusResponse(
            requestId: requestId,
            statuses: selected[from..<to].map { .init(instanceId: $0.instanceId, status: $0.status) },
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
        let macText = token.prefix(16), offsetText = token.dropFirst(16)
        guard let mac = UInt64(macText, radix: 16), let offset = Int(offsetText, radix: 16), offset >= 0,
              tokenMAC(offset, region) == mac else { return nil }
        return offset
    }
}

/// The `DescribeInstances` filters, all of which must match.
struct InstanceFilter {
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
        zoneId = r.zoneId; vpcId = r.vpcId; chargeType = r.instanceChargeType; tags = r.tags
    }

    var isEmpty: Bool {
        ids == nil && status == nil && name == nil && zoneId == nil && vpcId == nil && chargeType == nil && tags.isEmpty
    }

    func matches(_ i: Instance) -> Bool {
        if let ids, !ids.contains(i.instanceId) { return false }
        if let status, i.status != status { return false }
        if let zoneId, i.zoneId != zoneId { return false }
        if let vpcId, i.vpcAttributes?.vpcId != vpcId { return false }
        if let chargeType, i.instanceChargeType != chargeType { return false }
        for tag in tags {
            guard let v = i.tag(tag.key) else { return false }
            if let want = tag.value, want != v { return false }
        }
        if let name, !name.matches(i.instanceName) { return false }
        return true
    }
}

/// `InstanceName` matching: exact and case-sensitive, with `*` matching any run of characters.
struct NamePattern {
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
