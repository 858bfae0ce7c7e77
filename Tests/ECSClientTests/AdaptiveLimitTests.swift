import ECSClient
import Testing

/// The adaptive concurrency controller on a manual clock: times are plain durations passed in.
@Suite("AdaptiveLimit: growth, back-off, retry-after, pace and ceiling")
struct AdaptiveLimitTests {
    static func ms(_ n: Int) -> Duration { .milliseconds(n) }

    /// Starts calls while there is room, at `now`; returns how many started.
    @discardableResult
    static func fill(_ limit: inout AdaptiveLimit, now: Duration) -> Int {
        var n = 0
        while limit.hasRoom {
            _ = limit.start(now: now)
            n += 1
        }
        return n
    }

    @Test(
        "Starts at the initial window for one growth period, then grows by one per quick success, at most doubling per period"
    )
    func growth() {
        var l = AdaptiveLimit(.init(initial: 4, ceiling: 64))
        #expect(l.window == 4)
        // The first call starts the first period, however long after the limit was made.
        #expect(Self.fill(&l, now: Self.ms(5_000)) == 4)
        #expect(!l.hasRoom)
        for _ in 0..<4 { l.finish(.succeeded, sentAt: Self.ms(5_000), now: Self.ms(5_010)) }
        #expect(l.window == 4, "the first period ramps nothing: a burst would meet a rate limit all at once")
        Self.fill(&l, now: Self.ms(5_090))
        for _ in 0..<4 { l.finish(.succeeded, sentAt: Self.ms(5_090), now: Self.ms(5_100)) }
        #expect(l.window == 8, "a period later, four quick successes: four more")
        Self.fill(&l, now: Self.ms(5_100))
        for _ in 0..<8 { l.finish(.succeeded, sentAt: Self.ms(5_100), now: Self.ms(5_110)) }
        #expect(l.window == 8, "no more than double within one growth period")
        Self.fill(&l, now: Self.ms(5_210))
        for _ in 0..<8 { l.finish(.succeeded, sentAt: Self.ms(5_200), now: Self.ms(5_210)) }
        #expect(l.window == 16, "a new period: doubles again")
    }

    @Test("At zero latency under a rate limit, the first refusal meets no more calls in flight than the initial window")
    func firstBurst() {
        // An account limit of 10 calls a second with a burst of 10; every call answers 2 ms after it was sent.
        var l = AdaptiveLimit(.init(initial: 2, ceiling: 32))
        var tokens = 10
        var refused = 0
        var t = 0
        while refused == 0 {
            let sent = Self.fill(&l, now: Self.ms(t))
            #expect(sent <= 2)
            t += 2
            for _ in 0..<l.inFlight {
                if tokens > 0 {
                    tokens -= 1
                    l.finish(.succeeded, sentAt: Self.ms(t - 2), now: Self.ms(t))
                } else {
                    refused += 1
                    l.finish(.throttled(retryAfter: .milliseconds(100)), sentAt: Self.ms(t - 2), now: Self.ms(t))
                }
            }
        }
        #expect(refused == 2, "two calls in flight met the empty bucket, not a doubled window's worth")
        #expect(l.window == 1)
        #expect(abs((l.rate ?? 0) - 7) < 1e-9)
        #expect(l.start(now: Self.ms(t)) == .milliseconds(100), "the retry waits for the bucket")
    }

    @Test("A slow success (queueing) does not grow the window")
    func slowAnswersDoNotGrow() {
        var l = AdaptiveLimit(.init(initial: 2, ceiling: 64, quickSlack: .milliseconds(50)))
        Self.fill(&l, now: .zero)
        l.finish(.succeeded, sentAt: Self.ms(100), now: Self.ms(110))
        #expect(l.window == 3)
        // 10 ms is the fastest; 2 x 10 + 50 = 70 ms is still quick, 200 ms is not.
        _ = l.start(now: Self.ms(110))
        l.finish(.succeeded, sentAt: Self.ms(110), now: Self.ms(310))
        #expect(l.window == 3)
        _ = l.start(now: Self.ms(310))
        l.finish(.succeeded, sentAt: Self.ms(310), now: Self.ms(380))
        #expect(l.window == 4)
    }

    @Test("Throttling, 503 and timeouts halve the window once for the calls in flight; never below one")
    func backOff() {
        var l = AdaptiveLimit(.init(initial: 16, ceiling: 64))
        Self.fill(&l, now: .zero)
        l.finish(.throttled(retryAfter: nil), sentAt: .zero, now: Self.ms(5))
        #expect(l.window == 8)
        // The other calls were sent before that back-off: their refusals are the same event.
        for _ in 0..<5 { l.finish(.throttled(retryAfter: nil), sentAt: .zero, now: Self.ms(6)) }
        #expect(l.window == 8)
        // A call sent after the back-off that meets an overloaded service halves again.
        _ = l.start(now: Self.ms(10))
        l.finish(.overloaded, sentAt: Self.ms(10), now: Self.ms(20))
        #expect(l.window == 4)
        var t = 30
        for _ in 0..<5 {
            _ = l.start(now: Self.ms(t))
            l.finish(.overloaded, sentAt: Self.ms(t), now: Self.ms(t + 1))
            t += 10
        }
        #expect(l.window == 1)
        // Errors that say nothing about load change nothing.
        _ = l.start(now: Self.ms(t))
        l.finish(.other, sentAt: Self.ms(t), now: Self.ms(t + 1))
        #expect(l.window == 1)
    }

    @Test("After a back-off the window grows by one per window of quick successes (additive increase)")
    func additiveIncrease() {
        var l = AdaptiveLimit(.init(initial: 16, ceiling: 64))
        _ = l.start(now: .zero)
        l.finish(.overloaded, sentAt: .zero, now: Self.ms(1))
        #expect(l.window == 8)
        var t = 1_000
        for _ in 0..<8 {
            _ = l.start(now: Self.ms(t))
            l.finish(.succeeded, sentAt: Self.ms(t), now: Self.ms(t + 10))
            t += 200
        }
        #expect(l.window == 8, "eight successes add a little under one")
        for _ in 0..<8 {
            _ = l.start(now: Self.ms(t))
            l.finish(.succeeded, sentAt: Self.ms(t), now: Self.ms(t + 10))
            t += 200
        }
        #expect(l.window == 9)
    }

    @Test("x-acs-retry-after holds every call of the API until it has passed (capped at 60 s)")
    func retryAfter() {
        var l = AdaptiveLimit(.init(initial: 4, ceiling: 8))
        _ = l.start(now: .seconds(5))
        l.finish(.throttled(retryAfter: .milliseconds(1500)), sentAt: .seconds(5), now: .seconds(5))
        #expect(l.start(now: .seconds(5)) == .milliseconds(1500))
        #expect(l.start(now: .seconds(6)) == .milliseconds(500))
        #expect(l.start(now: .seconds(7)) == .zero)
        _ = l.start(now: .seconds(10))
        l.finish(.throttled(retryAfter: .seconds(3600)), sentAt: .seconds(10), now: .seconds(10))
        #expect(l.holdUntil == .seconds(70))
    }

    @Test(
        "A throttled answer sets a pace of 70% of what got through in the last second; the pace spaces calls and creeps up"
    )
    func pace() {
        var l = AdaptiveLimit(.init(initial: 4, ceiling: 32))
        // Ten calls get through within the first 100 ms (an account limit of 10 a second with a burst of 10).
        var t = 0
        for _ in 0..<10 {
            _ = l.start(now: Self.ms(t))
            l.finish(.succeeded, sentAt: Self.ms(t), now: Self.ms(t + 5))
            t += 10
        }
        #expect(l.rate == nil, "no pace before a throttle")
        _ = l.start(now: Self.ms(t))
        l.finish(.throttled(retryAfter: .milliseconds(100)), sentAt: Self.ms(t), now: Self.ms(t + 1))
        #expect(abs((l.rate ?? 0) - 7) < 1e-9)
        let now = Self.ms(t + 1)
        let first = l.start(now: now)
        let second = l.start(now: now)
        let third = l.start(now: now)
        #expect(first == .milliseconds(100), "the retry-after comes first")
        #expect(abs((second - first) / .seconds(1) - 1.0 / 7) < 1e-6, "then one call every 1/7 s")
        #expect(abs((third - second) / .seconds(1) - 1.0 / 7) < 1e-6)
        for _ in 0..<3 { l.finish(.succeeded, sentAt: now, now: now + .seconds(1)) }
        #expect(abs((l.rate ?? 0) - 7.06) < 1e-9, "each success adds 2% of a call a second")
        // A second throttle, a second later: the pace is set again from what got through, never above what it was.
        _ = l.start(now: now + .seconds(1))
        l.finish(.throttled(retryAfter: nil), sentAt: now + .seconds(1), now: now + .seconds(1))
        #expect(abs((l.rate ?? 0) - 0.7 * 3) < 1e-9, "three got through in the last second")
    }

    @Test("The window never exceeds the ceiling, and the initial window is within it")
    func ceiling() {
        var l = AdaptiveLimit(.init(initial: 4, ceiling: 6))
        var t = 0
        for _ in 0..<20 {
            Self.fill(&l, now: Self.ms(t))
            while l.inFlight > 0 { l.finish(.succeeded, sentAt: Self.ms(t), now: Self.ms(t + 1)) }
            t += 200
        }
        #expect(l.window == 6)
        #expect(Self.fill(&l, now: Self.ms(t)) == 6)
        #expect(AdaptiveLimit(.init(initial: 10, ceiling: 3)).window == 3)
        #expect(AdaptiveLimit(.init(initial: 0, ceiling: 0)).window == 1)
    }
}
