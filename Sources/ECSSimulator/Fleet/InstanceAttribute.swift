import ECSAPI

/// `DescribeInstanceAttribute`'s parameters: `InstanceId` (required) and, from the older SDK, a `RegionId`.
struct DescribeInstanceAttributeRequest: Sendable, Equatable {
    var instanceId: String
    var regionId: String?

    init(parameters p: Parameters) throws(APIError) {
        instanceId = try p.required("InstanceId")
        regionId = p["RegionId"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The answer to `DescribeInstanceAttribute`: one flat object in the vendor's shape for this action (not wrapped
/// in `Instances.Instance`). Fields the fleet holds come from the instance; fields a fleet file may carry from a
/// real account (`ImageId`, `InternetChargeType`, ...) come from its unmodelled members; the rest take the
/// vendor's empty values. See docs/ECS-SEMANTICS.md#describeinstanceattribute.
enum InstanceAttribute {
    static func json(_ i: Instance, requestId: String) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        o.add("InstanceId", i.instanceId)
        o.add("InstanceName", i.instanceName)
        o.add("Description", i.description)
        o.add("HostName", i.hostName)
        o.add("RegionId", i.regionId)
        o.add("ZoneId", i.zoneId)
        o.add("Status", i.status.rawValue)
        o.add("StoppedMode", i.stoppedMode)
        o.add("InstanceType", i.instanceType)
        o.add("Cpu", i.cpu)
        o.add("Memory", i.memory)
        o.add("ImageId", other(i, "ImageId", .string("")))
        o.add("InstanceNetworkType", i.instanceNetworkType)
        o.add("InstanceChargeType", i.instanceChargeType)
        o.add("InternetChargeType", other(i, "InternetChargeType", .string("")))
        o.add("InternetMaxBandwidthIn", other(i, "InternetMaxBandwidthIn", .int(0)))
        o.add("InternetMaxBandwidthOut", other(i, "InternetMaxBandwidthOut", .int(0)))
        o.add("IoOptimized", other(i, "IoOptimized", .string("")))
        o.add("CreationTime", i.creationTime)
        o.add("ExpiredTime", i.expiredTime)
        o.add("CreditSpecification", other(i, "CreditSpecification", .string("")))
        o.add("SerialNumber", other(i, "SerialNumber", .string("")))
        o.add("ClusterId", other(i, "ClusterId", .string("")))
        o.add("VlanId", other(i, "VlanId", .string("")))
        o.add("VpcAttributes", vpcAttributes(i))
        o.addWrapped("PublicIpAddress", element: "IpAddress", i.publicIpAddresses.map(JSONValue.string))
        o.addWrapped("InnerIpAddress", element: "IpAddress", i.innerIpAddresses.map(JSONValue.string))
        o.add("EipAddress", eipAddress(i))
        o.addWrapped("SecurityGroupIds", element: "SecurityGroupId", i.securityGroupIds.map(JSONValue.string))
        // This action's lock entries carry only `LockReason` (the vendor's model has no `LockMsg` here).
        o.addWrapped(
            "OperationLocks", element: "LockReason",
            i.operationLocks.map { .object([("LockReason", .string($0.lockReason))]) })
        o.add("DedicatedHostAttribute", dedicatedHost(i))
        return o.value
    }

    /// A member a fleet file kept verbatim, else the vendor's empty value.
    private static func other(_ i: Instance, _ key: String, _ empty: JSONValue) -> JSONValue {
        i.otherFields[key] ?? empty
    }

    private static func vpcAttributes(_ i: Instance) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("VpcId", i.vpcAttributes?.vpcId ?? "")
        o.add("VSwitchId", i.vpcAttributes?.vSwitchId ?? "")
        o.addWrapped(
            "PrivateIpAddress", element: "IpAddress", (i.vpcAttributes?.privateIpAddresses ?? []).map(JSONValue.string))
        o.add("NatIpAddress", "")
        return o.value
    }

    private static func eipAddress(_ i: Instance) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("AllocationId", i.eipAddress?.allocationId ?? "")
        o.add("IpAddress", i.eipAddress?.ipAddress ?? "")
        o.add("Bandwidth", i.eipAddress?.bandwidth ?? 0)
        o.add("InternetChargeType", "")
        return o.value
    }

    /// `DescribeInstances` carries the same object under the same name; a fleet file's is kept.
    private static func dedicatedHost(_ i: Instance) -> JSONValue {
        let kept = i.otherFields["DedicatedHostAttribute"]
        var o = JSONObjectBuilder()
        o.add("DedicatedHostId", kept?["DedicatedHostId"] ?? .string(""))
        o.add("DedicatedHostName", kept?["DedicatedHostName"] ?? .string(""))
        return o.value
    }
}
