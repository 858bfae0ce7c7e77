/// One ECS instance as `DescribeInstances` returns it. Field names follow the API exactly.
///
/// Fields the product does not model are kept in `otherFields`, so a fleet file dumped from a real account
/// replays without losing anything.
public struct Instance: Sendable, Equatable, Identifiable {
    public var id: String { instanceId }

    public var instanceId: String
    public var instanceName: String = ""
    public var description: String = ""
    public var hostName: String = ""
    public var status: InstanceStatus = .running
    /// `StopCharging`, `KeepCharging` or `Not-applicable`; empty when unknown.
    public var stoppedMode: String = ""
    public var instanceType: String = ""
    public var instanceTypeFamily: String = ""
    public var cpu: Int = 0
    /// MiB.
    public var memory: Int = 0
    public var osName: String = ""
    public var osType: String = ""
    public var regionId: String = ""
    public var zoneId: String = ""
    /// `PostPaid` (pay-as-you-go) or `PrePaid` (subscription).
    public var instanceChargeType: String = "PostPaid"
    /// `NoSpot`, `SpotWithPriceLimit` or `SpotAsPriceGo`.
    public var spotStrategy: String = "NoSpot"
    /// `vpc` or `classic`.
    public var instanceNetworkType: String = "vpc"
    public var localStorageAmount: Int = 0
    public var localStorageCapacity: Int = 0
    public var creationTime: String = ""
    public var startTime: String = ""
    public var expiredTime: String = ""
    public var deletionProtection: Bool = false
    public var operationLocks: [LockReason] = []
    public var vpcAttributes: VpcAttributes? = nil
    public var publicIpAddresses: [String] = []
    public var innerIpAddresses: [String] = []
    public var eipAddress: EipAddress? = nil
    public var tags: [Tag] = []
    public var securityGroupIds: [String] = []
    public var hibernationConfigured: Bool = false
    public var imageId: String = ""
    /// The SSH key pair the instance was created with; empty for password sign-in and Windows.
    public var keyPairName: String = ""
    /// When a pay-as-you-go instance is released automatically; empty when never.
    public var autoReleaseTime: String = ""
    /// Members this model does not know, kept verbatim.
    public var otherFields: [String: JSONValue] = [:]

    public init(instanceId: String) { self.instanceId = instanceId }

    /// A lock on an instance (`security`, `financial`, `recycling`, ...).
    public struct LockReason: Sendable, Equatable, Hashable {
        public var lockReason: String
        public var lockMsg: String
        public init(lockReason: String, lockMsg: String = "") {
            self.lockReason = lockReason
            self.lockMsg = lockMsg
        }

        /// A `security` lock (in any case).
        public var isSecurity: Bool { named("security") }
        /// A `financial` lock, or one that behaves like it (`dedicatedhostfinancial`, `refunded`), in any case.
        public var isFinancial: Bool {
            named("financial") || named("dedicatedhostfinancial") || named("refunded")
        }
        /// A `recycling` lock (in any case).
        public var isRecycling: Bool { named("recycling") }

        /// Whether the reason is `lower` in any case.
        private func named(_ lower: String) -> Bool { sameIgnoringCase(lockReason, lower) }
    }

    public struct VpcAttributes: Sendable, Equatable {
        public var vpcId: String
        public var vSwitchId: String
        public var privateIpAddresses: [String]
        public init(vpcId: String, vSwitchId: String = "", privateIpAddresses: [String] = []) {
            self.vpcId = vpcId
            self.vSwitchId = vSwitchId
            self.privateIpAddresses = privateIpAddresses
        }
    }

    public struct EipAddress: Sendable, Equatable {
        public var allocationId: String
        public var ipAddress: String
        public var bandwidth: Int
        public init(allocationId: String = "", ipAddress: String = "", bandwidth: Int = 0) {
            self.allocationId = allocationId
            self.ipAddress = ipAddress
            self.bandwidth = bandwidth
        }
    }

    public struct Tag: Sendable, Equatable, Hashable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }
}

extension Instance {
    /// The instance's private IP: the VPC address, else the classic inner address.
    public var privateIp: String? { vpcAttributes?.privateIpAddresses.first ?? innerIpAddresses.first }

    /// The instance's public address: its EIP, else its public IP.
    public var publicIp: String? {
        if let eip = eipAddress?.ipAddress, !eip.isEmpty { return eip }
        return publicIpAddresses.first
    }

    /// Whether economical mode (`StopCharging`) can apply: VPC, pay-as-you-go or spot, no local disks.
    public var isEconomicalModeEligible: Bool {
        Self.isVPC(instanceNetworkType) && instanceChargeType == "PostPaid" && localStorageAmount == 0
    }

    /// Whether `networkType` is `vpc` in any case.
    public static func isVPC(_ networkType: String) -> Bool { sameIgnoringCase(networkType, "vpc") }

    /// Lock reasons in lower case.
    public var lockReasons: [String] { operationLocks.map { $0.lockReason.lowercased() } }
    public var hasSecurityLock: Bool { operationLocks.contains(where: \.isSecurity) }
    /// Financial locks, and the lock reasons that behave like them.
    public var hasFinancialLock: Bool { operationLocks.contains(where: \.isFinancial) }

    /// The value of tag `key`, if any.
    public func tag(_ key: String) -> String? { tags.first { $0.key == key }?.value }
}

/// Whether `text` is `lower` in any ASCII case, compared in place: `lowercased()` makes a string a call, and the
/// stop dialog and a sort by ECO ask this of 100,000 instances (60 ms a sort, that way).
private func sameIgnoringCase(_ text: String, _ lower: String) -> Bool {
    text.utf8.count == lower.utf8.count
        && text.utf8.elementsEqual(lower.utf8) { ($0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0) == $1 }
}
