/// A wire model that converts to and from the ECS JSON tree.
public protocol JSONConvertible: Codable, Sendable {
    /// Reads the model from the API's JSON, ignoring (or keeping) unknown members.
    init(json: JSONValue) throws(WireFormatError)
    /// The API's JSON for this model.
    var json: JSONValue { get }
}

extension JSONConvertible {
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }

    /// Parses the model from a JSON document.
    public init(jsonBytes: some Collection<UInt8>) throws(WireFormatError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: jsonBytes) } catch { throw WireFormatError("\(error)") }
        try self.init(json: value)
    }
}

/// A document that parsed as JSON but does not have the shape the API promises.
public struct WireFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Instance: JSONConvertible {
    static let knownFields: Set<String> = [
        "InstanceId", "InstanceName", "Description", "HostName", "Status", "StoppedMode", "InstanceType",
        "InstanceTypeFamily", "Cpu", "Memory", "OSName", "OSType", "RegionId", "ZoneId", "InstanceChargeType",
        "SpotStrategy", "InstanceNetworkType", "LocalStorageAmount", "LocalStorageCapacity", "CreationTime",
        "StartTime", "ExpiredTime", "DeletionProtection", "OperationLocks", "VpcAttributes", "PublicIpAddress",
        "InnerIpAddress", "EipAddress", "Tags", "SecurityGroupIds", "HibernationOptions",
    ]

    public init(json: JSONValue) throws(WireFormatError) {
        guard case let .object(members) = json else { throw WireFormatError("an instance must be a JSON object") }
        guard let id = json["InstanceId"]?.stringValue, !id.isEmpty else {
            throw WireFormatError("an instance has no InstanceId")
        }
        self.init(instanceId: id)
        for (key, value) in members {
            switch key {
            case "InstanceId": break
            case "InstanceName": instanceName = value.stringValue ?? ""
            case "Description": description = value.stringValue ?? ""
            case "HostName": hostName = value.stringValue ?? ""
            case "Status": status = InstanceStatus(rawValue: value.stringValue ?? "")
            case "StoppedMode": stoppedMode = value.stringValue ?? ""
            case "InstanceType": instanceType = value.stringValue ?? ""
            case "InstanceTypeFamily": instanceTypeFamily = value.stringValue ?? ""
            case "Cpu": cpu = value.intValue ?? 0
            case "Memory": memory = value.intValue ?? 0
            case "OSName": osName = value.stringValue ?? ""
            case "OSType": osType = value.stringValue ?? ""
            case "RegionId": regionId = value.stringValue ?? ""
            case "ZoneId": zoneId = value.stringValue ?? ""
            case "InstanceChargeType": instanceChargeType = value.stringValue ?? "PostPaid"
            case "SpotStrategy": spotStrategy = value.stringValue ?? "NoSpot"
            case "InstanceNetworkType": instanceNetworkType = value.stringValue ?? "vpc"
            case "LocalStorageAmount": localStorageAmount = value.intValue ?? 0
            case "LocalStorageCapacity": localStorageCapacity = value.intValue ?? 0
            case "CreationTime": creationTime = value.stringValue ?? ""
            case "StartTime": startTime = value.stringValue ?? ""
            case "ExpiredTime": expiredTime = value.stringValue ?? ""
            case "DeletionProtection": deletionProtection = value.boolValue ?? false
            case "OperationLocks":
                operationLocks = value.unwrappedList("LockReason").compactMap { lock in
                    guard let reason = lock["LockReason"]?.stringValue else { return nil }
                    return LockReason(lockReason: reason, lockMsg: lock["LockMsg"]?.stringValue ?? "")
                }
            case "VpcAttributes":
                if let vpcId = value["VpcId"]?.stringValue, !vpcId.isEmpty {
                    vpcAttributes = VpcAttributes(
                        vpcId: vpcId, vSwitchId: value["VSwitchId"]?.stringValue ?? "",
                        privateIpAddresses: Self.strings(value["PrivateIpAddress"], "IpAddress"))
                }
            case "PublicIpAddress": publicIpAddresses = Self.strings(value, "IpAddress")
            case "InnerIpAddress": innerIpAddresses = Self.strings(value, "IpAddress")
            case "EipAddress":
                let eip = EipAddress(
                    allocationId: value["AllocationId"]?.stringValue ?? "", ipAddress: value["IpAddress"]?.stringValue ?? "",
                    bandwidth: value["Bandwidth"]?.intValue ?? 0)
                if !eip.ipAddress.isEmpty || !eip.allocationId.isEmpty { eipAddress = eip }
            case "Tags":
                tags = value.unwrappedList("Tag").compactMap { tag in
                    guard let k = tag["TagKey"]?.stringValue else { return nil }
                    return Tag(key: k, value: tag["TagValue"]?.stringValue ?? "")
                }
            case "SecurityGroupIds": securityGroupIds = Self.strings(value, "SecurityGroupId")
            case "HibernationOptions": hibernationConfigured = value["Configured"]?.boolValue ?? false
            default: otherFields[key] = value
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
        o.addWrapped("OperationLocks", element: "LockReason", operationLocks.map {
            .object([("LockReason", .string($0.lockReason)), ("LockMsg", .string($0.lockMsg))])
        })
        o.add("VpcAttributes", JSONValue.object([
            ("VpcId", .string(vpcAttributes?.vpcId ?? "")),
            ("VSwitchId", .string(vpcAttributes?.vSwitchId ?? "")),
            ("PrivateIpAddress", Self.wrappedStrings("IpAddress", vpcAttributes?.privateIpAddresses ?? [])),
            ("NatIpAddress", .string("")),
        ]))
        o.add("PublicIpAddress", Self.wrappedStrings("IpAddress", publicIpAddresses))
        o.add("InnerIpAddress", Self.wrappedStrings("IpAddress", innerIpAddresses))
        o.add("EipAddress", JSONValue.object([
            ("AllocationId", .string(eipAddress?.allocationId ?? "")),
            ("IpAddress", .string(eipAddress?.ipAddress ?? "")),
            ("Bandwidth", .int(eipAddress?.bandwidth ?? 0)),
        ]))
        o.addWrapped("Tags", element: "Tag", tags.map {
            .object([("TagKey", .string($0.key)), ("TagValue", .string($0.value))])
        })
        o.add("SecurityGroupIds", Self.wrappedStrings("SecurityGroupId", securityGroupIds))
        o.add("HibernationOptions", JSONValue.object([("Configured", .bool(hibernationConfigured))]))
        for key in otherFields.keys.sorted() { o.add(key, otherFields[key]) }
        return o.value
    }
}
