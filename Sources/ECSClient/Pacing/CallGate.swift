import Synchronization

/// The door calls of one API in one region go through: an `AdaptiveLimit` on the client's clock, and the calls
/// waiting for room in the window, first come first served.
final class CallGate: Sendable {
    private struct State {
        var limit: AdaptiveLimit
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>
    private let now: @Sendable () -> Duration

    init(settings: AdaptiveLimit.Settings, now: @escaping @Sendable () -> Duration) {
        state = Mutex(State(limit: AdaptiveLimit(settings)))
        self.now = now
    }

    /// Waits for room in the window, then returns how long the call must still wait before it is sent (a
    /// retry-after hold or its slot in the pace). The caller sleeps that long, sends, and calls `finish`.
    func enter() async -> Duration {
        while true {
            let admitted = state.withLock { s -> Duration? in
                guard s.limit.hasRoom else { return nil }
                return s.limit.start(now: now())
            }
            if let admitted { return Self.wholeMilliseconds(admitted) }
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let queued = state.withLock { s -> Bool in
                    // Room may have opened between the check above and now.
                    guard !s.limit.hasRoom else { return false }
                    s.waiters.append(c)
                    return true
                }
                if !queued { c.resume() }
            }
        }
    }

    /// Records how a call sent at `sentAt` ended and lets in as many waiting calls as the window now has room for.
    func finish(_ outcome: AdaptiveLimit.Outcome, sentAt: Duration) {
        let woken = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.limit.finish(outcome, sentAt: sentAt, now: now())
            let room = min(s.waiters.count, max(0, s.limit.window - s.limit.inFlight))
            let woken = Array(s.waiters.prefix(room))
            s.waiters.removeFirst(room)
            return woken
        }
        for c in woken { c.resume() }
    }

    /// `d` rounded up to a whole millisecond, the unit of `x-acs-retry-after`: the time spent between the answer
    /// and this wait would otherwise shave a few microseconds off the wait the service asked for.
    static func wholeMilliseconds(_ d: Duration) -> Duration {
        guard d > .zero else { return .zero }
        let ms = (d / .milliseconds(1)).rounded(.up)
        return .milliseconds(Int64(ms))
    }

    /// The client's clock, for `sentAt`.
    var currentTime: Duration { now() }
}
