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
        /// The subscription's end, for a PrePaid instance ("" otherwise).
        var expiredTime: String
        /// Why economical mode cannot apply, or `nil` when it can.
        public var ineligibility: String?

        /// The facts of an instance given field by field (as `Instance` names them).
        public init(
            status: InstanceStatus, operationLocks: [Instance.LockReason], chargeType: String, expiredTime: String,
            networkType: String, localStorageAmount: Int
        ) {
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
            self.expiredTime = chargeType == "PrePaid" ? expiredTime : ""
            ineligibility = Preflight.ineligibility(
                networkType: networkType, chargeType: chargeType, localStorageAmount: localStorageAmount)
        }

        /// The facts of `i`.
        public init(_ i: Instance) {
            self.init(
                status: i.status, operationLocks: i.operationLocks, chargeType: i.instanceChargeType,
                expiredTime: i.expiredTime, networkType: i.instanceNetworkType,
                localStorageAmount: i.localStorageAmount)
        }

        /// Whether a PrePaid subscription has ended by `now`.
        func isExpired(at now: Date) -> Bool {
            !expiredTime.isEmpty && (ECSTime.parse(expiredTime).map { $0 < now } ?? false)
        }

        /// Whether `text` is `lower` in any case, compared in place (`lowercased()` would make a string a call).
        static func named(_ text: String, _ lower: String) -> Bool {
            text.utf8.count == lower.utf8.count
                && text.utf8.elementsEqual(lower.utf8) { ($0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0) == $1 }
        }
    }
}
