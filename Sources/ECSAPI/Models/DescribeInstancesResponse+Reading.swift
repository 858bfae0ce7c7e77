extension DescribeInstancesResponse {
    /// Reads a page straight from the bytes into `Instance`s, without building the document's tree first (a page
    /// of 100 instances is most of what `ecsfleet list` spends its time on). Whatever this direct reader does not
    /// accept goes through the tree instead, so answers and error messages are exactly `init(json:)`'s.
    public init(jsonBytes: some Collection<UInt8>) throws(WireFormatError) {
        if let page = try? JSONReader.withReader(jsonBytes, Self.readPage) {
            self = page
        } else {
            try self.init(parsingTree: jsonBytes)
        }
    }

    /// The document's top-level object, member by member. As with `json["Name"]`, the first member of a name
    /// counts and later ones are read and ignored.
    static func readPage(_ reader: inout JSONReader) throws(JSONSyntaxError) -> DescribeInstancesResponse {
        guard reader.peek() == UInt8(ascii: "{") else { throw reader.fail("not an object") }
        try reader.enterObject()
        var requestId: JSONValue?
        var nextToken: JSONValue?
        var totalCount: JSONValue?
        var pageNumber: JSONValue?
        var pageSize: JSONValue?
        var instances: [Instance]?
        while let key = try reader.nextMember() {
            switch key.string(in: reader) {
            case "RequestId" where requestId == nil: requestId = try reader.readValue()
            case "NextToken" where nextToken == nil: nextToken = try reader.readValue()
            case "TotalCount" where totalCount == nil: totalCount = try reader.readValue()
            case "PageNumber" where pageNumber == nil: pageNumber = try reader.readValue()
            case "PageSize" where pageSize == nil: pageSize = try reader.readValue()
            case "Instances" where instances == nil: instances = try readInstanceList(&reader)
            default: _ = try reader.readValue()
            }
        }
        try reader.expectEnd()
        let list = instances ?? []
        return DescribeInstancesResponse(
            requestId: requestId?.stringValue ?? "", instances: list,
            nextToken: nextToken?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
            totalCount: totalCount?.intValue ?? list.count, pageNumber: pageNumber?.intValue,
            pageSize: pageSize?.intValue)
    }

    /// `Instances` as `unwrappedList("Instance")` reads it: `{"Instance": [...]}`, a single `{"Instance": {...}}`,
    /// a bare array, or anything else as no instances.
    private static func readInstanceList(_ reader: inout JSONReader) throws(JSONSyntaxError) -> [Instance] {
        switch reader.peek() {
        case UInt8(ascii: "[")?:
            return try readInstanceArray(&reader)
        case UInt8(ascii: "{")?:
            var list: [Instance]?
            try reader.enterObject()
            while let key = try reader.nextMember() {
                guard list == nil, key.string(in: reader) == "Instance" else {
                    _ = try reader.readValue()
                    continue
                }
                switch reader.peek() {
                case UInt8(ascii: "[")?: list = try readInstanceArray(&reader)
                case UInt8(ascii: "{")?: list = [try Instance(reading: &reader)]
                default:
                    _ = try reader.readValue()
                    list = []
                }
            }
            return list ?? []
        default:
            _ = try reader.readValue()
            return []
        }
    }

    private static func readInstanceArray(_ reader: inout JSONReader) throws(JSONSyntaxError) -> [Instance] {
        var list: [Instance] = []
        try reader.enterArray()
        while try reader.nextElement() { list.append(try Instance(reading: &reader)) }
        return list
    }
}
