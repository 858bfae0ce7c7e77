extension Instance {
    /// The members of an instance this model reads, by their API names. Anything else goes to `otherFields`.
    enum Field: String, CaseIterable {
        case instanceId = "InstanceId"
        case instanceName = "InstanceName"
        case description = "Description"
        case hostName = "HostName"
        case status = "Status"
        case stoppedMode = "StoppedMode"
        case instanceType = "InstanceType"
        case instanceTypeFamily = "InstanceTypeFamily"
        case cpu = "Cpu"
        case memory = "Memory"
        case osName = "OSName"
        case osType = "OSType"
        case regionId = "RegionId"
        case zoneId = "ZoneId"
        case instanceChargeType = "InstanceChargeType"
        case spotStrategy = "SpotStrategy"
        case instanceNetworkType = "InstanceNetworkType"
        case localStorageAmount = "LocalStorageAmount"
        case localStorageCapacity = "LocalStorageCapacity"
        case creationTime = "CreationTime"
        case startTime = "StartTime"
        case expiredTime = "ExpiredTime"
        case deletionProtection = "DeletionProtection"
        case operationLocks = "OperationLocks"
        case vpcAttributes = "VpcAttributes"
        case publicIpAddress = "PublicIpAddress"
        case innerIpAddress = "InnerIpAddress"
        case eipAddress = "EipAddress"
        case tags = "Tags"
        case securityGroupIds = "SecurityGroupIds"
        case hibernationOptions = "HibernationOptions"
        case imageId = "ImageId"
        case keyPairName = "KeyPairName"
        case autoReleaseTime = "AutoReleaseTime"

        /// The field whose name is `key` (UTF-8, as it appears on the wire), without making a `String`.
        static func named(_ key: UnsafeBufferPointer<UInt8>) -> Field? {
            guard key.count < byLength.count else { return nil }
            for (name, field) in byLength[key.count] where name.withUnsafeBufferPointer({ $0.elementsEqual(key) }) {
                return field
            }
            return nil
        }

        /// Names grouped by length, so a lookup compares bytes with a few candidates at most.
        private static let byLength: [[([UInt8], Field)]] = {
            var table = [[([UInt8], Field)]](repeating: [], count: (allCases.map(\.rawValue.utf8.count).max() ?? 0) + 1)
            for field in allCases { table[field.rawValue.utf8.count].append((Array(field.rawValue.utf8), field)) }
            return table
        }()
    }

    /// Sets one modelled field from its JSON value, leniently: a value of the wrong type leaves the default.
    /// `InstanceId` is the caller's business (the first one counts and it must not be empty).
    mutating func apply(_ field: Field, _ value: JSONValue) {
        switch field {
        case .instanceId: break
        case .instanceName: instanceName = value.stringValue ?? ""
        case .description: description = value.stringValue ?? ""
        case .hostName: hostName = value.stringValue ?? ""
        case .status: status = InstanceStatus(rawValue: value.stringValue ?? "")
        case .stoppedMode: stoppedMode = value.stringValue ?? ""
        case .instanceType: instanceType = value.stringValue ?? ""
        case .instanceTypeFamily: instanceTypeFamily = value.stringValue ?? ""
        case .cpu: cpu = value.intValue ?? 0
        case .memory: memory = value.intValue ?? 0
        case .osName: osName = value.stringValue ?? ""
        case .osType: osType = value.stringValue ?? ""
        case .regionId: regionId = value.stringValue ?? ""
        case .zoneId: zoneId = value.stringValue ?? ""
        case .instanceChargeType: instanceChargeType = value.stringValue ?? "PostPaid"
        case .spotStrategy: spotStrategy = value.stringValue ?? "NoSpot"
        case .instanceNetworkType: instanceNetworkType = value.stringValue ?? "vpc"
        case .localStorageAmount: localStorageAmount = value.intValue ?? 0
        case .localStorageCapacity: localStorageCapacity = value.intValue ?? 0
        case .creationTime: creationTime = value.stringValue ?? ""
        case .startTime: startTime = value.stringValue ?? ""
        case .expiredTime: expiredTime = value.stringValue ?? ""
        case .deletionProtection: deletionProtection = value.boolValue ?? false
        case .operationLocks:
            operationLocks = value.unwrappedList("LockReason").compactMap { lock in
                guard let reason = lock["LockReason"]?.stringValue else { return nil }
                return LockReason(lockReason: reason, lockMsg: lock["LockMsg"]?.stringValue ?? "")
            }
        case .vpcAttributes:
            if let vpcId = value["VpcId"]?.stringValue, !vpcId.isEmpty {
                vpcAttributes = VpcAttributes(
                    vpcId: vpcId, vSwitchId: value["VSwitchId"]?.stringValue ?? "",
                    privateIpAddresses: Self.strings(value["PrivateIpAddress"], "IpAddress"))
            }
        case .publicIpAddress: publicIpAddresses = Self.strings(value, "IpAddress")
        case .innerIpAddress: innerIpAddresses = Self.strings(value, "IpAddress")
        case .eipAddress:
            let eip = EipAddress(
                allocationId: value["AllocationId"]?.stringValue ?? "",
                ipAddress: value["IpAddress"]?.stringValue ?? "",
                bandwidth: value["Bandwidth"]?.intValue ?? 0)
            if !eip.ipAddress.isEmpty || !eip.allocationId.isEmpty { eipAddress = eip }
        case .tags:
            tags = value.unwrappedList("Tag").compactMap { tag in
                guard let k = tag["TagKey"]?.stringValue else { return nil }
                return Tag(key: k, value: tag["TagValue"]?.stringValue ?? "")
            }
        case .securityGroupIds: securityGroupIds = Self.strings(value, "SecurityGroupId")
        case .hibernationOptions: hibernationConfigured = value["Configured"]?.boolValue ?? false
        case .imageId: imageId = value.stringValue ?? ""
        case .keyPairName: keyPairName = value.stringValue ?? ""
        case .autoReleaseTime: autoReleaseTime = value.stringValue ?? ""
        }
    }
}
