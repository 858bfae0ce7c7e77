import ECSAPI
import Foundation

/// What is expected to happen to one instance, judged from what is known locally before anything is sent.
public struct Preflight: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// It will be sent.
        case proceed
        /// It will be sent, and will stop in standard mode although `StopCharging` was asked.
        case standardModeOnly(reason: String)
        /// It will not be sent: `code` is what the API would answer, `reason` says why in plain words.
        case skip(code: String, reason: String)
    }

    public var instanceId: String
    public var verdict: Verdict

    /// Whether the instance will be sent in the call.
    public var willSend: Bool {
        if case .skip = verdict { return false }
        return true
    }

    /// The verdict for an instance; `nil` means it was not found in its region.
    public static func judge(
        _ instance: Instance?, id: String, action: PowerAction, options: OperationOptions, now: Date
    ) -> Preflight {
        if !isWellFormed(id) {
            return Preflight(
                instanceId: id,
                verdict: .skip(
                    code: ErrorCode.instanceIdMalformed,
                    reason: "not an instance ID (i- followed by letters and digits)"))
        }
        guard let instance else {
            return Preflight(
                instanceId: id,
                verdict: .skip(code: ErrorCode.invalidInstanceIdNotFound, reason: "not found in this region"))
        }
        return judge(found: instance, id: id, action: action, options: options, now: now)
    }

    /// The verdict for an instance that was found. Takes it as it is (an `Instance?` argument would be a copy of
    /// every field, which the stop dialog pays 100,000 times when it opens).
    public static func judge(
        found i: Instance, id: String, action: PowerAction, options: OperationOptions, now: Date
    ) -> Preflight {
        if !isWellFormed(id) {
            return Preflight(
                instanceId: id,
                verdict: .skip(
                    code: ErrorCode.instanceIdMalformed,
                    reason: "not an instance ID (i- followed by letters and digits)"))
        }
        // Already where the operator wants it: that is the news, whatever lock it also carries (nothing is sent).
        if i.status == action.targetStatus {
            let locks = lockNotes(i, now: now)
            let reason = "already \(i.status)" + (locks.isEmpty ? "" : " (also \(locks.joined(separator: ", ")))")
            return Preflight(instanceId: id, verdict: .skip(code: ErrorCode.incorrectInstanceStatus, reason: reason))
        }
        if i.hasSecurityLock {
            return Preflight(
                instanceId: id,
                verdict: .skip(code: ErrorCode.instanceLockedForSecurity, reason: "locked for security reasons"))
        }
        let expired = i.instanceChargeType == "PrePaid" && (ECSTime.parse(i.expiredTime).map { $0 < now } ?? false)
        if i.hasFinancialLock || expired {
            return Preflight(
                instanceId: id,
                verdict: .skip(
                    code: ErrorCode.instanceExpiredOrInArrears,
                    reason: expired ? "subscription expired" : "financial lock (overdue payment)"))
        }
        if i.lockReasons.contains("recycling") {
            return Preflight(
                instanceId: id, verdict: .skip(code: ErrorCode.incorrectInstanceStatus, reason: "being recycled"))
        }
        if i.status == .pending {
            return Preflight(
                instanceId: id,
                verdict: .skip(code: ErrorCode.instanceNotReady, reason: "still being created (Pending)"))
        }
        if i.status != action.requiredStatus {
            let reason =
                i.status == action.targetStatus ? "already \(i.status)" : "not \(action.requiredStatus) (\(i.status))"
            return Preflight(instanceId: id, verdict: .skip(code: ErrorCode.incorrectInstanceStatus, reason: reason))
        }
        if action == .stop, options.stoppedMode == .stopCharging, let why = ineligibility(i) {
            return Preflight(instanceId: id, verdict: .standardModeOnly(reason: why))
        }
        return Preflight(instanceId: id, verdict: .proceed)
    }

    /// What would stop a call on `i`, in the operator's words: security lock, expiry or arrears, recycling.
    static func lockNotes(_ i: Instance, now: Date) -> [String] {
        var notes: [String] = []
        if i.hasSecurityLock { notes.append("locked for security reasons") }
        if i.instanceChargeType == "PrePaid" && (ECSTime.parse(i.expiredTime).map { $0 < now } ?? false) {
            notes.append("subscription expired")
        } else if i.hasFinancialLock {
            notes.append("financial lock (overdue payment)")
        }
        if i.lockReasons.contains("recycling") { notes.append("being recycled") }
        return notes
    }

    /// `i-` followed by letters and digits.
    public static func isWellFormed(_ id: String) -> Bool {
        id.hasPrefix("i-") && id.utf8.count > 2
            && id.utf8.dropFirst(2).allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }
    }

    /// Why economical mode cannot apply, or `nil` when it can.
    public static func ineligibility(_ i: Instance) -> String? {
        // "vpc" in any case, compared in place (`lowercased()` would make a string per instance judged).
        if !i.instanceNetworkType.utf8.elementsEqual("vpc".utf8, by: { $0 | 0x20 == $1 }) {
            return "classic network: keeps charging"
        }
        if i.instanceChargeType != "PostPaid" { return "subscription (PrePaid): keeps charging" }
        if i.localStorageAmount > 0 { return "local disks: keeps charging" }
        return nil
    }
}
