import ECSAPI
import Foundation

extension Preflight {
    /// What a verdict reads of an instance: its state, its locks, its subscription's end and whether economical
    /// mode can apply. The stop dialog makes one per target from the table's fields, so opening it over 100,000
    /// instances never copies an `Instance` (a retain for each of its many fields).
    public struct Facts: Sendable, Equatable {
        /// Its state.
        public var status: InstanceStatus
        /// A `security` lock.
        var securityLock = false
        /// A `financial` lock, or one that behaves like it (`dedicatedhostfinancial`, `refunded`).
        var financialLock = false
        /// A `recycling` lock.
        var recycling = false
        /// The subscription's end, for a PrePaid instance (`nil` otherwise, or when the time does not parse):
        /// parsed once, not at each verdict.
        var expiresAt: Date?
        /// Why economical mode cannot apply, or `nil` when it can.
        public var ineligibility: String?
        /// Whether its ID is an instance ID (`isWellFormed`), checked once: the dialog would otherwise read 100,000
        /// ID strings scattered in memory.
        var wellFormedId: Bool

        /// The facts of an instance given field by field (as `Instance` names them).
        public init(
            instanceId: String, status: InstanceStatus, operationLocks: [Instance.LockReason], chargeType: String,
            expiredTime: String, networkType: String, localStorageAmount: Int
        ) {
            wellFormedId = Preflight.isWellFormed(instanceId)
            self.status = status
            for lock in operationLocks {
                let reason = lock.lockReason
                if Self.named(reason, "security") { securityLock = true }
                if Self.named(reason, "financial") || Self.named(reason, "dedicatedhostfinancial")
                    || Self.named(reason, "refunded")
                {
                    financialLock = true
                }
                if Self.named(reason, "recycling") { recycling = true }
            }
            expiresAt = chargeType == "PrePaid" ? ECSTime.parse(expiredTime) : nil
            ineligibility = Preflight.ineligibility(
                networkType: networkType, chargeType: chargeType, localStorageAmount: localStorageAmount)
        }

        /// The facts of `i`.
        public init(_ i: Instance) {
            self.init(
                instanceId: i.instanceId, status: i.status, operationLocks: i.operationLocks,
                chargeType: i.instanceChargeType,
                expiredTime: i.expiredTime, networkType: i.instanceNetworkType,
                localStorageAmount: i.localStorageAmount)
        }

        /// Whether a PrePaid subscription has ended by `now`.
        func isExpired(at now: Date) -> Bool { expiresAt.map { $0 < now } ?? false }

        /// Whether `text` is `lower` in any case, compared in place (`lowercased()` would make a string a call).
        static func named(_ text: String, _ lower: String) -> Bool {
            text.utf8.count == lower.utf8.count
                && text.utf8.elementsEqual(lower.utf8) { ($0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0) == $1 }
        }
    }
}
