import ECSAPI
import Foundation

/// An instance as the simulator keeps it: the API's view, the transition in progress if any, and the
/// instance's JSON as pages show it.
///
/// The instance changes only through the mutating methods here, and each drops the rendered JSON, so a page
/// never shows a stale instance. (A plain stored property, not one with an observer, so reading a field does
/// not copy the whole instance: filters read every instance of a region.)
struct SimulatedInstance: Sendable {
    private(set) var instance: Instance
    /// When the current `Stopping`/`Starting` ends, and the state it ends in. `nil` for instances at rest and
    /// for instances loaded stuck in a transitional state (they model stuck instances and stay there).
    private(set) var transition: Transition?
    /// The instance's compact JSON object, exactly as `instance.json.jsonBytes()` writes it: rendered at startup
    /// or on the first page that shows the instance, and reused by every later page until the instance changes.
    private(set) var renderedJSON: [UInt8]?

    struct Transition: Sendable, Equatable {
        var endsAt: Date
        var to: InstanceStatus
    }

    init(instance: Instance, transition: Transition?) {
        self.instance = instance
        self.transition = transition
    }

    /// `Running → Stopping` until `endsAt`, with the `StoppedMode` it will have (it shows while `Stopping`).
    mutating func beginStop(stoppedMode: String, endsAt: Date) {
        instance.stoppedMode = stoppedMode
        instance.status = .stopping
        transition = Transition(endsAt: endsAt, to: .stopped)
        renderedJSON = nil
    }

    /// `Stopped → Starting` until `endsAt`; `publicIp` replaces the public IP (economical mode gives a new one).
    mutating func beginStart(publicIp: String?, endsAt: Date) {
        if let publicIp { instance.publicIpAddresses = [publicIp] }
        instance.status = .starting
        transition = Transition(endsAt: endsAt, to: .running)
        renderedJSON = nil
    }

    /// Ends the transition `t`: the instance is now in `t.to`. A started instance gets its start time and the
    /// `StoppedMode` a running instance shows.
    mutating func settle(_ t: Transition) {
        instance.status = t.to
        if t.to == .running {
            instance.startTime = ECSTime.formatMinutes(t.endsAt)
            instance.stoppedMode =
                instance.isEconomicalModeEligible
                ? StoppedMode.keepCharging.rawValue
                : StoppedMode.notApplicable.rawValue
        }
        transition = nil
        renderedJSON = nil
    }

    /// Gives an instance that is already in a transitional state (as generated) the end of that transition.
    mutating func schedule(_ t: Transition) {
        transition = t
        renderedJSON = nil
    }

    /// Takes JSON rendered elsewhere from this very instance (see `SimulatedFleet.prerender`).
    mutating func adopt(_ json: [UInt8]) { renderedJSON = json }

    /// The cached JSON object, rendering it first if the instance changed since it was last rendered.
    mutating func json() -> [UInt8] {
        if let renderedJSON { return renderedJSON }
        let bytes = instance.json.jsonBytes()
        renderedJSON = bytes
        return bytes
    }
}

/// The simulator's verdicts for one instance (docs/ECS-SEMANTICS.md#stop-and-start-checks), in the precedence
/// order of docs/ECS-SEMANTICS.md#precedence: malformed, not found,
/// security lock, other locks or expiry, `Pending`, wrong status, `Hibernate`.
enum PowerCheck {
    enum Operation { case stop, start }

    static func isWellFormed(_ id: String) -> Bool {
        let b = id.utf8
        guard b.count > 2, id.hasPrefix("i-") else { return false }
        return b.dropFirst(2).allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
    }

    static func malformed(_ id: String) -> APIError {
        APIError(
            code: ErrorCode.instanceIdMalformed, message: "The specified instance ID \(id) is malformed.",
            httpStatus: 403)
    }

    static func notFound(_ id: String) -> APIError {
        APIError(
            code: ErrorCode.invalidInstanceIdNotFound, message: "The specified InstanceId does not exist.",
            httpStatus: 404)
    }

    /// The error that stops `op` on an existing instance, or `nil` when it may proceed.
    static func verdict(_ i: Instance, _ op: Operation, hibernate: Bool, now: Date) -> APIError? {
        if i.hasSecurityLock {
            return APIError(
                code: ErrorCode.instanceLockedForSecurity,
                message: "The specified operation is denied as your instance is locked for security reasons.",
                httpStatus: 403)
        }
        let expired = i.instanceChargeType == "PrePaid" && (ECSTime.parse(i.expiredTime).map { $0 < now } ?? false)
        if i.hasFinancialLock || expired {
            return APIError(
                code: ErrorCode.instanceExpiredOrInArrears,
                message:
                    "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).",
                httpStatus: 403)
        }
        if i.operationLocks.contains(where: \.isRecycling) { return incorrectStatus() }
        if i.status == .pending {
            return APIError(
                code: ErrorCode.instanceNotReady, message: "The specified instance is not ready for use.",
                httpStatus: 403)
        }
        if i.status != (op == .stop ? .running : .stopped) { return incorrectStatus() }
        if hibernate && !i.hibernationConfigured {
            return APIError(
                code: ErrorCode.hibernationNotEnabled,
                message: "The specified instance is not configured for hibernation.", httpStatus: 403)
        }
        return nil
    }

    static func incorrectStatus() -> APIError {
        APIError(
            code: ErrorCode.incorrectInstanceStatus,
            message: "The current status of the resource does not support this operation.", httpStatus: 403)
    }
}
