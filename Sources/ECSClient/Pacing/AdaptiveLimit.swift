/// How many calls of one API in one region may be in flight, and when the next one may go: the decisions of
/// the client's adaptive concurrency, as plain values on a clock that the caller passes in (tests use a manual one).
///
/// - **Growth**: the window starts at `initial` and stays there for the first `growthPeriod` after the first call;
///   then it grows by one for each call that succeeds quickly (in no more than twice the fastest answer seen plus
///   `quickSlack`: slower answers mean the service or the link is queueing, and more calls at once would only queue
///   longer), at most doubling per `growthPeriod`. So a fast link ramps up instead of firing a burst: an account
///   rate limit's first refusal comes back while few calls are in flight, and few are refused. After the first
///   back-off it grows by one per window's worth of quick successes (additive increase).
/// - **Back-off**: a `Throttling*` answer, a 503 or a timeout halves the window (never below one), once for all
///   the calls that were already in flight when it happened.
/// - **Retry-after**: a throttled answer's `x-acs-retry-after` holds every call of the API until it has passed.
/// - **Pacing**: a throttled answer also sets a pace of 70% of the calls that succeeded in the last second (what the
///   account's limit let through, less the burst its bucket allowed at first); calls are then spaced evenly at that
///   pace, which creeps up by 2% for each second's worth of successes, so the client finds the limit again without
///   bursting into it. A later throttled answer sets it again, never higher than it was.
/// - **Ceiling**: the window never exceeds `ceiling` (`--max-concurrency`).
public struct AdaptiveLimit: Sendable {
    public struct Settings: Sendable, Equatable {
        public var initial: Int
        public var ceiling: Int
        public var growthPeriod: Duration
        public var quickSlack: Duration

        /// The ceiling unless `--max-concurrency` says otherwise (the README explains the choice).
        public static let defaultCeiling = 32

        public init(
            initial: Int = 2, ceiling: Int = defaultCeiling, growthPeriod: Duration = .milliseconds(100),
            quickSlack: Duration = .milliseconds(50)
        ) {
            self.ceiling = max(1, ceiling)
            self.initial = min(max(1, initial), self.ceiling)
            self.growthPeriod = growthPeriod
            self.quickSlack = quickSlack
        }
    }

    /// How a call ended, as far as the pace is concerned.
    public enum Outcome: Sendable, Equatable {
        case succeeded
        /// `Throttling*`, with the answer's `x-acs-retry-after` if any.
        case throttled(retryAfter: Duration?)
        /// 503, or no answer before the deadline.
        case overloaded
        /// Anything else (a 4xx, a 500, a refused connection): says nothing about the pace.
        case other
    }

    public let settings: Settings
    /// The window, fractional so that additive increase can add `1/window` a success.
    public private(set) var limit: Double
    public private(set) var inFlight = 0
    /// Calls a second once a throttled answer has set a pace; `nil` before.
    public private(set) var rate: Double?
    /// No call starts before this (`x-acs-retry-after`).
    public private(set) var holdUntil: Duration = .zero
    private var slowStart = true
    /// The window at the start of the current growth period; the window grows to at most twice it in the period.
    private var growthBase: Double
    /// When the current growth period began; `nil` before the first call.
    private var growthStarted: Duration?
    /// Calls that started before this were in flight at the last back-off, which already counted for them.
    private var lastBackOff: Duration?
    private var nextSlot: Duration = .zero
    private var fastest: Duration?
    /// When recent calls succeeded, oldest first, for the last second.
    private var successes: [Duration] = []

    public init(_ settings: Settings = Settings()) {
        self.settings = settings
        limit = Double(settings.initial)
        // Half: the first period, which the first call starts, grows nothing.
        growthBase = limit / 2
    }

    /// The number of calls that may be in flight now.
    public var window: Int { max(1, min(settings.ceiling, Int(limit))) }

    /// Whether one more call may start (the caller queues it otherwise).
    public var hasRoom: Bool { inFlight < window }

    /// Counts a call as started at `now` and returns how long it must wait before it is sent (a hold or its slot in
    /// the pace). Call only when `hasRoom`.
    public mutating func start(now: Duration) -> Duration {
        if growthStarted == nil { growthStarted = now }
        inFlight += 1
        var at = max(now, holdUntil)
        if let rate {
            at = max(at, nextSlot)
            nextSlot = at + .seconds(1 / rate)
        }
        return at - now
    }

    /// Records how a call that started (was sent) at `sentAt` ended at `now`.
    public mutating func finish(_ outcome: Outcome, sentAt: Duration, now: Duration) {
        inFlight = max(0, inFlight - 1)
        switch outcome {
        case .succeeded:
            successes.append(now)
            successes.removeFirst(successes.prefix { $0 <= now - .seconds(1) }.count)
            let took = now - sentAt
            fastest = min(fastest ?? took, took)
            if let rate { self.rate = rate + 0.02 }
            guard took <= (fastest ?? took) * 2 + settings.quickSlack else { return }
            grow(now: now)
        case .throttled(let retryAfter):
            if let retryAfter, retryAfter > .zero { holdUntil = max(holdUntil, now + min(retryAfter, .seconds(60))) }
            guard backOff(sentAt: sentAt, now: now) else { return }
            let measured = Double(successes.filter { $0 > now - .seconds(1) }.count)
            // Nothing got through in the last second: no evidence of a rate, so the hold and the halved window do.
            if measured >= 1 {
                rate = 0.7 * min(measured, rate ?? measured)
            } else if let r = rate {
                rate = max(0.5, r * 0.5)
            }
            nextSlot = max(nextSlot, holdUntil, now)
        case .overloaded:
            backOff(sentAt: sentAt, now: now)
        case .other:
            break
        }
    }

    private mutating func grow(now: Duration) {
        if slowStart {
            if let started = growthStarted, now - started >= settings.growthPeriod {
                growthStarted = now
                growthBase = limit
            }
            limit = min(limit + 1, growthBase * 2)
        } else {
            limit += 1 / limit
        }
        limit = min(limit, Double(settings.ceiling))
    }

    /// Halves the window unless a back-off since this call was sent already did; false when it did.
    @discardableResult
    private mutating func backOff(sentAt: Duration, now: Duration) -> Bool {
        if let lastBackOff, sentAt < lastBackOff { return false }
        lastBackOff = now
        slowStart = false
        limit = max(1, min(limit, Double(settings.ceiling)) / 2)
        return true
    }
}
