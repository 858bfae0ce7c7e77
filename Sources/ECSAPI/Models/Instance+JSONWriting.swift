extension Instance {
    /// `json` as UTF-8, written straight from the fields: byte for byte what `json.jsonBytes()` (compact) or
    /// `json.jsonText(pretty: true)` gives, without building the tree. `level` is the indentation level of the
    /// object when it sits inside others (pretty only).
    public func writeJSON(into out: inout [UInt8], pretty: Bool, level: Int = 0) {
        var w = FieldWriter(indent: pretty ? 2 : nil, capacity: 2048)
        write(to: &w, level: level)
        out.append(contentsOf: w.sink.bytes())
    }

    func write(to w: inout FieldWriter, level: Int) {
        w.open(UInt8(ascii: "{"))
        w.member("InstanceId", level + 1)
        w.string(instanceId)
        w.member("InstanceName", level + 1)
        w.string(instanceName)
        w.member("Description", level + 1)
        w.string(description)
        w.member("HostName", level + 1)
        w.string(hostName)
        w.member("Status", level + 1)
        w.string(status.rawValue)
        w.member("StoppedMode", level + 1)
        w.string(stoppedMode)
        w.member("InstanceType", level + 1)
        w.string(instanceType)
        w.member("InstanceTypeFamily", level + 1)
        w.string(instanceTypeFamily)
        w.member("Cpu", level + 1)
        w.int(cpu)
        w.member("Memory", level + 1)
        w.int(memory)
        w.member("OSName", level + 1)
        w.string(osName)
        w.member("OSType", level + 1)
        w.string(osType)
        w.member("RegionId", level + 1)
        w.string(regionId)
        w.member("ZoneId", level + 1)
        w.string(zoneId)
        w.member("InstanceChargeType", level + 1)
        w.string(instanceChargeType)
        w.member("SpotStrategy", level + 1)
        w.string(spotStrategy)
        w.member("InstanceNetworkType", level + 1)
        w.string(instanceNetworkType)
        w.member("LocalStorageAmount", level + 1)
        w.int(localStorageAmount)
        w.member("LocalStorageCapacity", level + 1)
        w.int(localStorageCapacity)
        w.member("CreationTime", level + 1)
        w.string(creationTime)
        w.member("StartTime", level + 1)
        w.string(startTime)
        w.member("ExpiredTime", level + 1)
        w.string(expiredTime)
        w.member("DeletionProtection", level + 1)
        w.bool(deletionProtection)
        w.member("OperationLocks", level + 1)
        w.beginList("LockReason", level + 1)
        for lock in operationLocks {
            w.item(level + 1)
            w.open(UInt8(ascii: "{"))
            w.member("LockReason", level + 4)
            w.string(lock.lockReason)
            w.member("LockMsg", level + 4)
            w.string(lock.lockMsg)
            w.close(UInt8(ascii: "}"), level + 3)
        }
        w.endList(level + 1)
        w.member("VpcAttributes", level + 1)
        w.open(UInt8(ascii: "{"))
        w.member("VpcId", level + 2)
        w.string(vpcAttributes?.vpcId ?? "")
        w.member("VSwitchId", level + 2)
        w.string(vpcAttributes?.vSwitchId ?? "")
        w.member("PrivateIpAddress", level + 2)
        w.wrappedStrings("IpAddress", vpcAttributes?.privateIpAddresses ?? [], level + 2)
        w.member("NatIpAddress", level + 2)
        w.string("")
        w.close(UInt8(ascii: "}"), level + 1)
        w.member("PublicIpAddress", level + 1)
        w.wrappedStrings("IpAddress", publicIpAddresses, level + 1)
        w.member("InnerIpAddress", level + 1)
        w.wrappedStrings("IpAddress", innerIpAddresses, level + 1)
        w.member("EipAddress", level + 1)
        w.open(UInt8(ascii: "{"))
        w.member("AllocationId", level + 2)
        w.string(eipAddress?.allocationId ?? "")
        w.member("IpAddress", level + 2)
        w.string(eipAddress?.ipAddress ?? "")
        w.member("Bandwidth", level + 2)
        w.int(eipAddress?.bandwidth ?? 0)
        w.close(UInt8(ascii: "}"), level + 1)
        w.member("Tags", level + 1)
        w.beginList("Tag", level + 1)
        for tag in tags {
            w.item(level + 1)
            w.open(UInt8(ascii: "{"))
            w.member("TagKey", level + 4)
            w.string(tag.key)
            w.member("TagValue", level + 4)
            w.string(tag.value)
            w.close(UInt8(ascii: "}"), level + 3)
        }
        w.endList(level + 1)
        w.member("SecurityGroupIds", level + 1)
        w.wrappedStrings("SecurityGroupId", securityGroupIds, level + 1)
        w.member("HibernationOptions", level + 1)
        w.open(UInt8(ascii: "{"))
        w.member("Configured", level + 2)
        w.bool(hibernationConfigured)
        w.close(UInt8(ascii: "}"), level + 1)
        w.member("ImageId", level + 1)
        w.string(imageId)
        w.member("KeyPairName", level + 1)
        w.string(keyPairName)
        w.member("AutoReleaseTime", level + 1)
        w.string(autoReleaseTime)
        for key in otherFields.keys.sorted() {
            guard let value = otherFields[key] else { continue }
            w.member(key, level + 1)
            var text: [UInt8] = []
            JSONWriter.write(value, into: &text, indent: w.indent, level: level + 1)
            w.sink.append(text)
        }
        w.close(UInt8(ascii: "}"), level)
    }
}

/// Writes JSON the way `JSONWriter` lays it out, one member at a time; `open`/`close` pair up, and `entry`
/// puts the comma before every member or element but a container's first.
struct FieldWriter: ~Copyable {
    var sink: ByteSink
    let indent: Int?
    /// Whether the innermost open container has no entry yet.
    private var atFirst = false

    init(indent: Int?, capacity: Int) {
        self.indent = indent
        sink = ByteSink(capacity: capacity)
    }

    mutating func open(_ bracket: UInt8) {
        sink.append(bracket)
        atFirst = true
    }

    /// Closes a container whose entries were at `level + 1`; an empty one stays on one line (`[]`), as
    /// `JSONWriter` writes it.
    mutating func close(_ bracket: UInt8, _ level: Int) {
        if atFirst {
            atFirst = false
        } else {
            newline(level)
        }
        sink.append(bracket)
    }

    mutating func newline(_ level: Int) {
        if let indent { sink.appendNewline(indentedBy: indent * level) }
    }

    /// The separator and indentation before an entry at `level`.
    mutating func entry(_ level: Int) {
        if atFirst { atFirst = false } else { sink.append(UInt8(ascii: ",")) }
        newline(level)
    }

    /// A member whose name needs no escaping (the model's own names).
    mutating func member(_ key: StaticString, _ level: Int) {
        entry(level)
        sink.append(0x22)
        sink.append(key)
        sink.append(indent == nil ? "\":" : "\": ")
    }

    /// A member with any name (unknown fields kept from the wire).
    mutating func member(_ key: String, _ level: Int) {
        entry(level)
        sink.appendJSONString(key)
        sink.append(indent == nil ? ":" : ": ")
    }

    mutating func string(_ s: String) { sink.appendJSONString(s) }
    mutating func bool(_ b: Bool) { sink.append(b ? "true" : "false") }
    mutating func int(_ n: Int) { sink.appendInt(n) }

    /// `{"Element": [...]}`, the ECS list wrapper, at `level`: `beginList`, then `item` before each element,
    /// then `endList`.
    mutating func beginList(_ element: StaticString, _ level: Int) {
        open(UInt8(ascii: "{"))
        member(element, level + 1)
        open(UInt8(ascii: "["))
    }

    mutating func item(_ level: Int) { entry(level + 2) }

    mutating func endList(_ level: Int) {
        close(UInt8(ascii: "]"), level + 1)
        close(UInt8(ascii: "}"), level)
    }

    mutating func wrappedStrings(_ element: StaticString, _ items: [String], _ level: Int) {
        beginList(element, level)
        for s in items {
            item(level)
            string(s)
        }
        endList(level)
    }
}
