import Foundation
import Synchronization

/// The simulator's notion of now. Lifecycle transitions, timestamps, nonce expiry and rate limits all read it,
/// so tests drive a `ManualClock` and never sleep.
public protocol SimulatorClock: Sendable {
    func now() -> Date
}

/// Wall-clock time.
public struct SystemClock: SimulatorClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to.
public final class ManualClock: SimulatorClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves time forward.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }

    /// Sets the time.
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
