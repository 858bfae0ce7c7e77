/// How status reads are spaced: fast at first (an instance often arrives within seconds), then backing off by
/// half again each time up to `max`, so a long stop does not cost a read a second. One cadence for tracking, for
/// re-reading after a lost answer, and for resuming.
struct PollCadence {
    private(set) var next: Duration
    let max: Duration

    init(first: Duration, max: Duration) {
        next = first
        self.max = max
    }

    /// Waits the current interval on `clock`, then lengthens the next one.
    mutating func wait(on clock: any EngineClock) async throws {
        try await clock.sleep(for: next)
        next = min(max, next * 1.5)
    }
}
