extension Instance {
    /// Reads one instance object straight from the document, without a tree around it: the direct path of
    /// `DescribeInstancesResponse(jsonBytes:)`. Same result as `init(json:)` on the same object (the nested
    /// members are read as `apply(_:_:)` reads them: the first member of a name counts); anything that would make
    /// `init(json:)` fail (not an object, no `InstanceId`) throws here too, and the caller falls back to the tree
    /// for the exact error.
    init(reading reader: inout JSONReader) throws(JSONSyntaxError) {
        guard reader.peek() == UInt8(ascii: "{") else { throw reader.fail("an instance must be a JSON object") }
        try reader.enterObject()
        self.init(instanceId: "")
        var id: String?
        var sawId = false
        while let key = try reader.nextMember() {
            let field: Field?
            switch key {
            case .raw(let range): field = Field.named(UnsafeBufferPointer(rebasing: reader.bytes[range]))
            case .decoded(let name): field = Field(rawValue: name)
            }
            switch field {
            case .instanceId?:
                // Like `json["InstanceId"]`: the first member of that name is the ID.
                let value = try reader.readValue()
                if !sawId {
                    sawId = true
                    id = value.stringValue
                }
            case .operationLocks?: operationLocks = try reader.readWrappedList("LockReason", Self.readLock)
            case .vpcAttributes?: try readVpcAttributes(&reader)
            case .publicIpAddress?: publicIpAddresses = try reader.readWrappedStrings("IpAddress")
            case .innerIpAddress?: innerIpAddresses = try reader.readWrappedStrings("IpAddress")
            case .eipAddress?: try readEipAddress(&reader)
            case .tags?: tags = try reader.readWrappedList("Tag", Self.readTag)
            case .securityGroupIds?: securityGroupIds = try reader.readWrappedStrings("SecurityGroupId")
            case .hibernationOptions?:
                var configured: JSONValue?
                _ = try reader.readObject { (r: inout JSONReader, key) throws(JSONSyntaxError) in
                    let value = try r.readValue()
                    if configured == nil, r.key(key, is: "Configured") { configured = value }
                }
                hibernationConfigured = configured?.boolValue ?? false
            case let field?: apply(field, try reader.readValue())
            case nil: otherFields[key.string(in: reader)] = try reader.readValue()
            }
        }
        guard let id, !id.isEmpty else { throw reader.fail("an instance has no InstanceId") }
        instanceId = id
    }

    private static func readLock(_ r: inout JSONReader) throws(JSONSyntaxError) -> LockReason? {
        var reason: JSONValue?
        var message: JSONValue?
        _ = try r.readObject { (r: inout JSONReader, key) throws(JSONSyntaxError) in
            let value = try r.readValue()
            if reason == nil, r.key(key, is: "LockReason") {
                reason = value
            } else if message == nil, r.key(key, is: "LockMsg") {
                message = value
            }
        }
        guard let text = reason?.stringValue else { return nil }
        return LockReason(lockReason: text, lockMsg: message?.stringValue ?? "")
    }

    private static func readTag(_ r: inout JSONReader) throws(JSONSyntaxError) -> Tag? {
        var key: JSONValue?
        var value: JSONValue?
        _ = try r.readObject { (r: inout JSONReader, name) throws(JSONSyntaxError) in
            let v = try r.readValue()
            if key == nil, r.key(name, is: "TagKey") {
                key = v
            } else if value == nil, r.key(name, is: "TagValue") {
                value = v
            }
        }
        guard let text = key?.stringValue else { return nil }
        return Tag(key: text, value: value?.stringValue ?? "")
    }

    private mutating func readVpcAttributes(_ reader: inout JSONReader) throws(JSONSyntaxError) {
        var vpcId: JSONValue?
        var vSwitchId: JSONValue?
        var ips: [String]?
        _ = try reader.readObject { (r: inout JSONReader, key) throws(JSONSyntaxError) in
            if ips == nil, r.key(key, is: "PrivateIpAddress") {
                ips = try r.readWrappedStrings("IpAddress")
                return
            }
            let value = try r.readValue()
            if vpcId == nil, r.key(key, is: "VpcId") {
                vpcId = value
            } else if vSwitchId == nil, r.key(key, is: "VSwitchId") {
                vSwitchId = value
            }
        }
        if let id = vpcId?.stringValue, !id.isEmpty {
            vpcAttributes = VpcAttributes(
                vpcId: id, vSwitchId: vSwitchId?.stringValue ?? "", privateIpAddresses: ips ?? [])
        }
    }

    private mutating func readEipAddress(_ reader: inout JSONReader) throws(JSONSyntaxError) {
        var allocationId: JSONValue?
        var ipAddress: JSONValue?
        var bandwidth: JSONValue?
        _ = try reader.readObject { (r: inout JSONReader, key) throws(JSONSyntaxError) in
            let value = try r.readValue()
            if allocationId == nil, r.key(key, is: "AllocationId") {
                allocationId = value
            } else if ipAddress == nil, r.key(key, is: "IpAddress") {
                ipAddress = value
            } else if bandwidth == nil, r.key(key, is: "Bandwidth") {
                bandwidth = value
            }
        }
        let eip = EipAddress(
            allocationId: allocationId?.stringValue ?? "", ipAddress: ipAddress?.stringValue ?? "",
            bandwidth: bandwidth?.intValue ?? 0)
        if !eip.ipAddress.isEmpty || !eip.allocationId.isEmpty { eipAddress = eip }
    }
}
