/// `DescribeRegions`.
public struct DescribeRegionsRequest: ECSRequest, Equatable {
    public typealias Response = DescribeRegionsResponse
    public static let action = ECSAction.describeRegions
    public var acceptLanguage: String?
    public var regionId: String? { nil }
    public init(acceptLanguage: String? = nil) { self.acceptLanguage = acceptLanguage }
    public var parameters: Parameters {
        var p = Parameters()
        p.set("AcceptLanguage", acceptLanguage)
        return p
    }
}

/// `DescribeInstances`, with its filters and either paging style.
public struct DescribeInstancesRequest: ECSRequest, Equatable {
    public typealias Response = DescribeInstancesResponse
    public static let action = ECSAction.describeInstances
    public var region: String
    public var regionId: String? { region }
    /// Up to 100 IDs; an empty list matches nothing.
    public var instanceIds: [String]?
    public var status: String?
    /// Exact name, or a pattern with `*`.
    public var instanceName: String?
    public var zoneId: String?
    public var vpcId: String?
    public var instanceChargeType: String?
    public var tags: [Tag] = []
    public var maxResults: Int?
    public var nextToken: String?
    public var pageNumber: Int?
    public var pageSize: Int?
    public var dryRun: Bool?

    /// A tag filter: a `nil` value matches any value of the key.
    public struct Tag: Sendable, Equatable {
        public var key: String
        public var value: String?
        public init(key: String, value: String?) {
            self.key = key
            self.value = value
        }
    }

    public init(regionId: String) { self.region = regionId }

    public var parameters: Parameters {
        var p = Parameters()
        p.set("RegionId", region)
        if let instanceIds { p.setJSONArray("InstanceIds", instanceIds) }
        p.set("Status", status)
        p.set("InstanceName", instanceName)
        p.set("ZoneId", zoneId)
        p.set("VpcId", vpcId)
        p.set("InstanceChargeType", instanceChargeType)
        p.setTags(tags.map { ($0.key, $0.value) })
        p.set("MaxResults", maxResults)
        p.set("NextToken", nextToken)
        p.set("PageNumber", pageNumber)
        p.set("PageSize", pageSize)
        p.set("DryRun", dryRun)
        return p
    }

    /// Reads and validates the parameters as the API does.
    public init(parameters p: Parameters) throws(APIError) {
        region = try p.required("RegionId")
        instanceIds = try p.jsonStringArray("InstanceIds")
        if let ids = instanceIds, ids.count > 100 {
            throw .invalidParameter("InstanceIds", "at most 100 IDs are allowed")
        }
        status = p["Status"].flatMap { $0.isEmpty ? nil : $0 }
        instanceName = p["InstanceName"].flatMap { $0.isEmpty ? nil : $0 }
        zoneId = p["ZoneId"].flatMap { $0.isEmpty ? nil : $0 }
        vpcId = p["VpcId"].flatMap { $0.isEmpty ? nil : $0 }
        instanceChargeType = p["InstanceChargeType"].flatMap { $0.isEmpty ? nil : $0 }
        tags = try p.tags().map { Tag(key: $0.key, value: $0.value) }
        maxResults = try p.int("MaxResults")
        nextToken = p["NextToken"].flatMap { $0.isEmpty ? nil : $0 }
        pageNumber = try p.int("PageNumber")
        pageSize = try p.int("PageSize")
        dryRun = try p.bool("DryRun")
        if let n = pageNumber, n < 1 { throw .invalidParameter("PageNumber", "must be 1 or more") }
        if let s = pageSize, !(1...100).contains(s) { throw .invalidParameter("PageSize", "must be from 1 to 100") }
    }

    /// Whether paging is by `MaxResults`/`NextToken` (the default, and the winner when both are given).
    public var usesTokenPaging: Bool { maxResults != nil || nextToken != nil || (pageNumber == nil && pageSize == nil) }
}

/// `DescribeInstanceStatus`: up to 100 IDs, pages of at most 50.
public struct DescribeInstanceStatusRequest: ECSRequest, Equatable {
    public typealias Response = DescribeInstanceStatusResponse
    public static let action = ECSAction.describeInstanceStatus
    public var region: String
    public var regionId: String? { region }
    public var instanceIds: [String]
    public var zoneId: String?
    public var pageNumber: Int?
    public var pageSize: Int?

    public init(regionId: String, instanceIds: [String] = [], pageNumber: Int? = nil, pageSize: Int? = nil) {
        self.region = regionId
        self.instanceIds = instanceIds
        self.pageNumber = pageNumber
        self.pageSize = pageSize
    }

    public var parameters: Parameters {
        var p = Parameters()
        p.set("RegionId", region)
        p.setList("InstanceId", instanceIds)
        p.set("ZoneId", zoneId)
        p.set("PageNumber", pageNumber)
        p.set("PageSize", pageSize)
        return p
    }

    public init(parameters p: Parameters) throws(APIError) {
        region = try p.required("RegionId")
        instanceIds = try p.list("InstanceId")
        zoneId = p["ZoneId"].flatMap { $0.isEmpty ? nil : $0 }
        pageNumber = try p.int("PageNumber")
        pageSize = try p.int("PageSize")
        if let n = pageNumber, n < 1 { throw .invalidParameter("PageNumber", "must be 1 or more") }
        if let s = pageSize, !(1...50).contains(s) { throw .invalidParameter("PageSize", "must be from 1 to 50") }
    }
}
