/// `DescribeRegions`' answer.
public struct DescribeRegionsResponse: JSONConvertible, Equatable {
    public var requestId: String
    public var regions: [Region]

    public struct Region: Sendable, Equatable {
        public var regionId: String
        public var localName: String
        public var regionEndpoint: String
        /// May be absent.
        public var status: String?
        public init(regionId: String, localName: String, regionEndpoint: String, status: String? = nil) {
            self.regionId = regionId
            self.localName = localName
            self.regionEndpoint = regionEndpoint
            self.status = status
        }
    }

    public init(requestId: String, regions: [Region]) {
        self.requestId = requestId
        self.regions = regions
    }

    public init(json: JSONValue) throws(WireFormatError) {
        requestId = json["RequestId"]?.stringValue ?? ""
        regions = (json["Regions"]?.unwrappedList("Region") ?? []).compactMap { r in
            guard let id = r["RegionId"]?.stringValue else { return nil }
            return Region(
                regionId: id, localName: r["LocalName"]?.stringValue ?? "",
                regionEndpoint: r["RegionEndpoint"]?.stringValue ?? "", status: r["Status"]?.stringValue)
        }
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        o.addWrapped(
            "Regions", element: "Region",
            regions.map { r in
                var b = JSONObjectBuilder()
                b.add("RegionId", r.regionId)
                b.add("LocalName", r.localName)
                b.add("RegionEndpoint", r.regionEndpoint)
                b.add("Status", r.status)
                return b.value
            })
        return o.value
    }
}

/// `DescribeInstances`' answer: one page.
public struct DescribeInstancesResponse: JSONConvertible, Equatable {
    public var requestId: String
    public var instances: [Instance]
    /// Empty or absent on the last page (token paging only).
    public var nextToken: String?
    public var totalCount: Int
    public var pageNumber: Int?
    public var pageSize: Int?

    public init(
        requestId: String, instances: [Instance], nextToken: String?, totalCount: Int, pageNumber: Int?, pageSize: Int?
    ) {
        self.requestId = requestId
        self.instances = instances
        self.nextToken = nextToken
        self.totalCount = totalCount
        self.pageNumber = pageNumber
        self.pageSize = pageSize
    }

    public init(json: JSONValue) throws(WireFormatError) {
        requestId = json["RequestId"]?.stringValue ?? ""
        var list: [Instance] = []
        for item in json["Instances"]?.unwrappedList("Instance") ?? [] { list.append(try Instance(json: item)) }
        instances = list
        nextToken = json["NextToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        totalCount = json["TotalCount"]?.intValue ?? list.count
        pageNumber = json["PageNumber"]?.intValue
        pageSize = json["PageSize"]?.intValue
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        o.add("TotalCount", totalCount)
        o.add("PageNumber", pageNumber)
        o.add("PageSize", pageSize)
        o.add("NextToken", nextToken)
        o.addWrapped("Instances", element: "Instance", instances.map(\.json))
        return o.value
    }
}

/// `DescribeInstanceStatus`' answer: one page of (ID, status) pairs.
public struct DescribeInstanceStatusResponse: JSONConvertible, Equatable {
    public var requestId: String
    public var statuses: [Entry]
    public var totalCount: Int
    public var pageNumber: Int
    public var pageSize: Int

    public struct Entry: Sendable, Equatable {
        public var instanceId: String
        public var status: InstanceStatus
        public init(instanceId: String, status: InstanceStatus) {
            self.instanceId = instanceId
            self.status = status
        }
    }

    public init(requestId: String, statuses: [Entry], totalCount: Int, pageNumber: Int, pageSize: Int) {
        self.requestId = requestId
        self.statuses = statuses
        self.totalCount = totalCount
        self.pageNumber = pageNumber
        self.pageSize = pageSize
    }

    public init(json: JSONValue) throws(WireFormatError) {
        requestId = json["RequestId"]?.stringValue ?? ""
        statuses = (json["InstanceStatuses"]?.unwrappedList("InstanceStatus") ?? []).compactMap { e in
            guard let id = e["InstanceId"]?.stringValue else { return nil }
            return Entry(instanceId: id, status: InstanceStatus(rawValue: e["Status"]?.stringValue ?? ""))
        }
        totalCount = json["TotalCount"]?.intValue ?? statuses.count
        pageNumber = json["PageNumber"]?.intValue ?? 1
        pageSize = json["PageSize"]?.intValue ?? statuses.count
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        o.add("TotalCount", totalCount)
        o.add("PageNumber", pageNumber)
        o.add("PageSize", pageSize)
        o.addWrapped(
            "InstanceStatuses", element: "InstanceStatus",
            statuses.map {
                .object([("InstanceId", .string($0.instanceId)), ("Status", .string($0.status.rawValue))])
            })
        return o.value
    }
}

/// One instance's result in a batch call. `code` is the string `"200"` on success.
public struct InstanceResponse: Sendable, Equatable {
    public var instanceId: String
    public var code: String
    public var message: String
    /// Empty when the instance was not found.
    public var previousStatus: String
    public var currentStatus: String

    public init(instanceId: String, code: String, message: String, previousStatus: String, currentStatus: String) {
        self.instanceId = instanceId
        self.code = code
        self.message = message
        self.previousStatus = previousStatus
        self.currentStatus = currentStatus
    }

    public var succeeded: Bool { code == "200" }
}

/// The answer of `StopInstances` and `StartInstances`.
public struct InstanceResponsesResponse: JSONConvertible, Equatable {
    public var requestId: String
    public var instanceResponses: [InstanceResponse]

    public init(requestId: String, instanceResponses: [InstanceResponse]) {
        self.requestId = requestId
        self.instanceResponses = instanceResponses
    }

    public init(json: JSONValue) throws(WireFormatError) {
        requestId = json["RequestId"]?.stringValue ?? ""
        instanceResponses = (json["InstanceResponses"]?.unwrappedList("InstanceResponse") ?? []).compactMap { r in
            guard let id = r["InstanceId"]?.stringValue else { return nil }
            return InstanceResponse(
                instanceId: id, code: r["Code"]?.stringValue ?? "", message: r["Message"]?.stringValue ?? "",
                previousStatus: r["PreviousStatus"]?.stringValue ?? "",
                currentStatus: r["CurrentStatus"]?.stringValue ?? "")
        }
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        o.addWrapped(
            "InstanceResponses", element: "InstanceResponse",
            instanceResponses.map { r in
                .object([
                    ("Code", .string(r.code)), ("Message", .string(r.message)), ("InstanceId", .string(r.instanceId)),
                    ("PreviousStatus", .string(r.previousStatus)), ("CurrentStatus", .string(r.currentStatus)),
                ])
            })
        return o.value
    }
}

/// An answer that carries nothing but its `RequestId` (`StopInstance`, `StartInstance`).
public struct RequestIdResponse: JSONConvertible, Equatable {
    public var requestId: String
    public init(requestId: String) { self.requestId = requestId }
    public init(json: JSONValue) throws(WireFormatError) { requestId = json["RequestId"]?.stringValue ?? "" }
    public var json: JSONValue { .object([("RequestId", .string(requestId))]) }
}
