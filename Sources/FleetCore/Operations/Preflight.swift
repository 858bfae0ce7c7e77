import ECSAPI
import Foundation

/// What is expected to happen to one instance, judged from what is known locally before anything is sent.
public struct Preflight: Sendable, Equatable {
    public enum Verdict: Sendable, Hashable {
        /// It will be sent.
        case proceed
        /// It will be sent, and will stop in standard mode although `StopCharging` was asked.
        case standardModeOnly(reason: String)
        /// It will not be sent: `code` is what the API would answer, `reason` says why in plain words.
        case skip(code: String, reason: String)
    }

    public var instanceId: String
    public var verdict: Verdict

    /// `instanceId` with a verdict already reached (the stop dialog's, kept up to date as it learns more).
    public init(instanceId: String, verdict: Verdict) {
        self.instanceId = instanceId
        self.verdict = verdict
    }

    /// Whether the instance will be sent in the call.
    public var willSend: Bool {
        if case .skip = verdict { return false }
        return true
    }

    /// The verdict for an instance; `nil` means it was not found in its region.
    public static func judge(
        _ instance: Instance?, id: String, action: PowerAction, options: OperationOptions, now: Date
    ) -> Preflight {
        // A malformed ID is said as such, found or not.
        if let malformed = malformed(id) { return malformed }
        guard let instance else {
            return Preflight(
                instanceId: id,
                verdict: .skip(code: ErrorCode.invalidInstanceIdNotFound, reason: "not found in this region"))
        }
        return Preflight(instanceId: id, verdict: verdict(Facts(instance), action: action, options: options, now: now))
    }

    /// The verdict for `id` when it is not an instance ID, else `nil`.
    static func malformed(_ id: String) -> Preflight? {
        isWellFormed(id) ? nil : Preflight(instanceId: id, verdict: malformedVerdict)
    }

    static let malformedVerdict = Verdict.skip(
        code: ErrorCode.instanceIdMalformed, reason: "not an instance ID (i- followed by letters and digits)")

    /// The verdict for an instance that was found, from what it reads of it (`Facts`, which checked its ID).
    public static func verdict(
        _ i: Facts, action: PowerAction, options: OperationOptions, now: Date
    ) -> Verdict {
        if !i.wellFormedId { return malformedVerdict }
        let expired = i.isExpired(at: now)
        // Already where the operator wants it: that is the news, whatever lock it also carries (nothing is sent).
        if i.status == action.targetStatus {
            var locks: [String] = []
            if i.securityLock { locks.append("locked for security reasons") }
            if expired {
                locks.append("subscription expired")
            } else if i.financialLock {
                locks.append("financial lock (overdue payment)")
            }
            if i.recycling { locks.append("being recycled") }
            let reason =
                "already " + i.status.rawValue + (locks.isEmpty ? "" : " (also \(locks.joined(separator: ", ")))")
            return .skip(code: ErrorCode.incorrectInstanceStatus, reason: reason)
        }
        if i.securityLock {
            return .skip(code: ErrorCode.instanceLockedForSecurity, reason: "locked for security reasons")
        }
        if i.financialLock || expired {
            return .skip(
                code: ErrorCode.instanceExpiredOrInArrears,
                reason: expired ? "subscription expired" : "financial lock (overdue payment)")
        }
        if i.recycling { return .skip(code: ErrorCode.incorrectInstanceStatus, reason: "being recycled") }
        if i.status == .pending {
            return .skip(code: ErrorCode.instanceNotReady, reason: "still being created (Pending)")
        }
        if i.status != action.requiredStatus {
            return .skip(
                code: ErrorCode.incorrectInstanceStatus, reason: "not \(action.requiredStatus) (\(i.status))")
        }
        if action == .stop, options.stoppedMode == .stopCharging, let why = i.ineligibility {
            return .standardModeOnly(reason: why)
        }
        return .proceed
    }

    /// `i-` followed by letters and digits.
    public static func isWellFormed(_ id: String) -> Bool {
        // Over the bytes in place when the string has them contiguous, as it has almost always (the stop dialog
        // checks 100,000 IDs when it opens).
        id.utf8.withContiguousStorageIfAvailable(isWellFormed)
            ?? Array(id.utf8).withUnsafeBufferPointer(isWellFormed)
    }

    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "i"), bytes[1] == UInt8(ascii: "-") else { return false }
        for b in bytes[2...] {
            guard (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) else { return false }
        }
        return true
    }

    /// Why economical mode cannot apply, or `nil` when it can.
    public static func ineligibility(_ i: Instance) -> String? {
        if !Instance.isVPC(i.instanceNetworkType) { return "classic network: keeps charging" }
        if i.instanceChargeType != "PostPaid" { return "subscription (PrePaid): keeps charging" }
        if i.localStorageAmount > 0 { return "local disks: keeps charging" }
        return nil
    }
}
