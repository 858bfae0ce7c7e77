import ECSAPI
import Foundation

/// An instance as the simulator keeps it: the API's view plus the transition in progress, if any.
struct SimulatedInstance: Sendable {
    var instance: Instance
    /// When the current `Stopping`/`Starting` ends, and the state it ends in. `nil` for instances at rest and
    /// for instances loaded stuck in a transitional state (they model stuck instances and stay there).
    var transition: Transition?

    struct Transition: Sendable, Equatable {
        var endsAt: Date
        var to: InstanceStatus
    }
}

/// The simulator's verdicts for one instance, in the precedence order the notes set: malformed, not found,
/// security lock, other locks or expiry, `Pending`, wrong status, `Hibernate`.
enum PowerCheck {
    enum Operation { case stop, start }

    static func isWellFormed(_ id: String) -> Bool {
        let b = id.utf8
        guard b.count > 2, id.hasPrefix("i-") else { return false }
        return b.dropFirst(2).allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
    }

    static func malformed(_ id: String) -> APIError {
        APIError(code: ErrorCode.instanceIdMalformed, message: "The specified instance ID \(id) is malformed.", httpStatus: 403)
    }

    static func notFound(_ id: String) -> APIError {
        APIError(code: ErrorCode.invalidInstanceIdNotFound, message: "The specified InstanceId does not exist.", httpStatus: 404)
    }

    /// The error that stops `op` on an existing instance, or `nil` when it may proceed.
    static func verdict(_ i: Instance, _ op: Operation, hibernate: Bool, now: Date) -> APIError? {
        if i.hasSecurityLock {
            return APIError(code: ErrorCode.instanceLockedForSecurity,
                            message: "The specified operation is denied as your instance is locked for security reasons.", httpStatus: 403)
        }
        let expired = i.instanceChargeType == "PrePaid" && (ECSTime.parse(i.expiredTime).map { $0 < now } ?? false)
        if i.hasFinancialLock || expired {
            return APIError(code: ErrorCode.instanceExpiredOrInArrears,
                            message: "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).", httpStatus: 403)
        }
        if i.lockReasons.contains("recycling") { return incorrectStatus() }
        if i.status == .pending {
            return APIError(code: ErrorCode.instanceNotReady, message: "The specified instance is not ready for use.", httpStatus: 403)
        }
        if i.status != (op == .stop ? .running : .stopped) { return incorrectStatus() }
        if hibernate && !i.hibernationConfigured {
            return APIError(code: ErrorCode.hibernationNotEnabled,
                            message: "The specified instance is not configured for hibernation.", httpStatus: 403)
        }
        return nil
    }

    static func incorrectStatus() -> APIError {
        APIError(code: ErrorCode.incorrectInstanceStatus,
                 message: "The current status of the resource does not support this operation.", httpStatus: 403)
    }
}
