extension Instance: JSONConvertible {
    public init(json: JSONValue) throws(WireFormatError) {
        guard case .object(let members) = json else { throw WireFormatError("an instance must be a JSON object") }
        guard let id = json["InstanceId"]?.stringValue, !id.isEmpty else {
            throw WireFormatError("an instance has no InstanceId")
        }
        self.init(instanceId: id)
        for (key, value) in members {
            if let field = Field(rawValue: key) {
                if field != .instanceId { apply(field, value) }
            } else {
                otherFields[key] = value
            }
        }
    }

    static func strings(_ value: JSONValue?, _ element: String) -> [String] {
        (value?.unwrappedList(element) ?? []).compactMap(\.stringValue)
    }

    static func wrappedStrings(_ element: String, _ values: [String]) -> JSONValue {
        .object([(element, .array(values.map(JSONValue.string)))])
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("InstanceId", instanceId)
        o.add("InstanceName", instanceName)
        o.add("Description", description)
        o.add("HostName", hostName)
        o.add("Status", status.rawValue)
        o.add("StoppedMode", stoppedMode)
        o.add("InstanceType", instanceType)
        o.add("InstanceTypeFamily", instanceTypeFamily)
        o.add("Cpu", cpu)
        o.add("Memory", memory)
        o.add("OSName", osName)
        o.add("OSType", osType)
        o.add("RegionId", regionId)
        o.add("ZoneId", zoneId)
        o.add("InstanceChargeType", instanceChargeType)
        o.add("SpotStrategy", spotStrategy)
        o.add("InstanceNetworkType", instanceNetworkType)
        o.add("LocalStorageAmount", localStorageAmount)
        o.add("LocalStorageCapacity", localStorageCapacity)
        o.add("CreationTime", creationTime)
        o.add("StartTime", startTime)
        o.add("ExpiredTime", expiredTime)
        o.add("DeletionProtection", deletionProtection)
        o.addWrapped(
            "OperationLocks", element: "LockReason",
            operationLocks.map {
                .object([("LockReason", .string($0.lockReason)), ("LockMsg", .string($0.lockMsg))])
            })
        o.add(
            "VpcAttributes",
            JSONValue.object([
                ("VpcId", .string(vpcAttributes?.vpcId ?? "")),
                ("VSwitchId", .string(vpcAttributes?.vSwitchId ?? "")),
                ("PrivateIpAddress", Self.wrappedStrings("IpAddress", vpcAttributes?.privateIpAddresses ?? [])),
                ("NatIpAddress", .string("")),
            ]))
        o.add("PublicIpAddress", Self.wrappedStrings("IpAddress", publicIpAddresses))
        o.add("InnerIpAddress", Self.wrappedStrings("IpAddress", innerIpAddresses))
        o.add(
            "EipAddress",
            JSONValue.object([
                ("AllocationId", .string(eipAddress?.allocationId ?? "")),
                ("IpAddress", .string(eipAddress?.ipAddress ?? "")),
                ("Bandwidth", .int(eipAddress?.bandwidth ?? 0)),
            ]))
        o.addWrapped(
            "Tags", element: "Tag",
            tags.map {
                .object([("TagKey", .string($0.key)), ("TagValue", .string($0.value))])
            })
        o.add("SecurityGroupIds", Self.wrappedStrings("SecurityGroupId", securityGroupIds))
        o.add("HibernationOptions", JSONValue.object([("Configured", .bool(hibernationConfigured))]))
        o.add("ImageId", imageId)
        o.add("KeyPairName", keyPairName)
        o.add("AutoReleaseTime", autoReleaseTime)
        for key in otherFields.keys.sorted() { o.add(key, otherFields[key]) }
        return o.value
    }
}
