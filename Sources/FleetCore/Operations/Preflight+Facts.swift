import ECSAPI
import Foundation

extension Preflight {
    /// What a verdict reads of an instance: its state, its locks, its subscription's end and whether economical
    /// mode can apply. The instance table records them when it stores a row, less the subscription's end, as one
    /// of a few kinds: the stop dialog opening over 100,000 instances judges each kind once.
    public struct Facts: Sendable, Hashable {
        /// Its state.
        public var status: InstanceStatus
        /// A `security` lock.
        var securityLock: Bool
        /// A `financial` lock, or one that behaves like it (`dedicatedhostfinancial`, `refunded`).
        var financialLock: Bool
        /// A `recycling` lock.
        var recycling: Bool
        /// The subscription's end, for a PrePaid instance (`nil` otherwise, or when the time does not parse):
        /// parsed once, not at each verdict.
        public var expiresAt: Date?
        /// Why economical mode cannot apply, or `nil` when it can.
        public var ineligibility: String?
        /// Whether its ID is an instance ID (`isWellFormed`), checked once: the dialog would otherwise read 100,000
        /// ID strings scattered in memory.
        var wellFormedId: Bool

        /// The facts of `i`.
        public init(_ i: Instance) {
            wellFormedId = Preflight.isWellFormed(i.instanceId)
            status = i.status
            securityLock = i.hasSecurityLock
            financialLock = i.hasFinancialLock
            recycling = i.operationLocks.contains(where: \.isRecycling)
            expiresAt = i.instanceChargeType == "PrePaid" ? ECSTime.parse(i.expiredTime) : nil
            ineligibility = Preflight.ineligibility(i)
        }

        /// Whether a PrePaid subscription has ended by `now`.
        func isExpired(at now: Date) -> Bool { expiresAt.map { $0 < now } ?? false }
    }
}
