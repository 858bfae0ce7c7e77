import Dispatch
import Foundation
import Synchronization

/// SIGINT and SIGTERM while a stop or start is in hand (its confirmation, then the operation): instead of the
/// default action, which ends the process at once and says nothing, a signal cancels what is running, so the
/// command can say what was sent and return 130 or 143 to `main` (the only place that exits).
///
/// The signals are set to `SIG_IGN` first so that their default action cannot run; libdispatch's signal sources
/// still see them. `stop()` puts the default action back.
final class InterruptWatch: Sendable {
    static let signals: [Int32] = [SIGINT, SIGTERM]

    private struct State {
        var caught: Int32?
        var onSignal: (@Sendable () -> Void)?
        var sources: [any DispatchSourceSignal] = []
    }

    private let state = Mutex(State())

    private init() {}

    /// Starts watching; from now on SIGINT and SIGTERM no longer end the process.
    static func start() -> InterruptWatch {
        let watch = InterruptWatch()
        // Made inside the lock: the sources are not Sendable, so they never leave it.
        watch.state.withLock { s in
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { watch.deliver(number) }
                source.resume()
                s.sources.append(source)
            }
        }
        return watch
    }

    /// The first signal that arrived, if any.
    var caught: Int32? { state.withLock { $0.caught } }

    /// Stops watching and puts back the signals' default action. Safe to call more than once.
    func stop() {
        let watching = state.withLock { s -> Bool in
            defer {
                s.sources = []
                s.onSignal = nil
            }
            for source in s.sources { source.cancel() }
            return !s.sources.isEmpty
        }
        guard watching else { return }
        for number in Self.signals { signal(number, SIG_DFL) }
    }

    /// Runs `operation` in a task that a signal cancels, and returns what it returns (cancelled or not).
    func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await operation() }
        whenSignalled { task.cancel() }
        let value = await task.value
        whenSignalled(nil)
        return value
    }

    /// Runs `blocking` (a read from the terminal) on a thread of its own and returns its value, or `nil` when a
    /// signal arrives first. The thread is then left blocked in its read: the process is about to end, and a
    /// read of a terminal cannot be cancelled.
    func interruptible<T: Sendable>(_ blocking: @escaping @Sendable () -> T) async -> T? {
        let once = OnceContinuation<T?>()
        let value = await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            once.set(continuation)
            whenSignalled { once.resume(nil) }
            Thread.detachNewThread { once.resume(blocking()) }
        }
        whenSignalled(nil)
        return value
    }

    private func deliver(_ number: Int32) {
        let action = state.withLock { s -> (@Sendable () -> Void)? in
            if s.caught == nil { s.caught = number }
            return s.onSignal
        }
        action?()
    }

    /// What a signal does from now on; done at once if one has already arrived.
    private func whenSignalled(_ action: (@Sendable () -> Void)?) {
        let already = state.withLock { s -> Bool in
            s.onSignal = action
            return s.caught != nil
        }
        if already { action?() }
    }
}

/// A continuation resumed by whichever of two parties comes first; the other's value is dropped.
private final class OnceContinuation<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, Never>?>(nil)

    func set(_ c: CheckedContinuation<T, Never>) { continuation.withLock { $0 = c } }

    func resume(_ value: T) {
        let c = continuation.withLock { c -> CheckedContinuation<T, Never>? in
            defer { c = nil }
            return c
        }
        c?.resume(returning: value)
    }
}
