import ECSAPI

/// Which failures are retried, and how long to wait (notes section 5).
///
/// `Describe*` calls are retried on throttling, 500/502/503/504 and transport errors. Calls that change
/// something (stop, start) are retried only when nothing can have happened: throttled, 503, or no connection
/// made. After a timeout the engine re-reads status instead of re-sending. An answer too large to read is never
/// retried: the next one would be as large.
///
/// Throttled answers are not attempts: nothing happened, and the client's gate spaces the retries (the
/// answer's `x-acs-retry-after`, then the pace it learnt), so a throttled call waits its turn instead of being
/// lost. Only a service that throttles the same call `maxThrottledAnswers` times, even at that pace, fails it.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included. The default 4 is the first try and 3 retries, as the older official
    /// SDK retries `Describe*` (notes section 5). The notes set which failures are retried, not a higher count for
    /// reads: a service that still throttles or answers 5xx after about 1.5 s of backoff (or 3 s of
    /// `x-acs-retry-after`) is reported, and the command exits 1 so that a script can run it again later.
    public var maxAttempts: Int
    /// First backoff ceiling; doubles each attempt (full jitter below it).
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// How many throttled answers one call may get before it fails. Paced calls are seldom throttled twice, so
    /// 16 is a service that refuses, not a busy one: with the usual 1 s retry-after, about 16 s of trying.
    public var maxThrottledAnswers: Int

    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5),
        maxThrottledAnswers: Int = 16
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxThrottledAnswers = maxThrottledAnswers
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1, maxThrottledAnswers: 0)

    public func shouldRetry(action: String, error: APIError) -> Bool {
        if error.isThrottling { return true }
        if ECSAction.isReadOnly(action) { return [500, 502, 503, 504].contains(error.httpStatus) }
        return error.httpStatus == 503 || error.code == ErrorCode.serviceUnavailable
    }

    public func shouldRetry(action: String, error: TransportError) -> Bool {
        if case .answerTooLarge = error { return false }
        return ECSAction.isReadOnly(action) || !error.mayHaveBeenApplied
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1): full jitter under an exponential ceiling,
    /// and never less than the server's `x-acs-retry-after`.
    public func delay(afterAttempt attempt: Int, retryAfterMs: Int?, random: Double) -> Duration {
        let ceiling = min(maxDelay, baseDelay * (1 << min(attempt - 1, 20)))
        let jitter = ceiling * max(0, min(1, random))
        guard let retryAfterMs, retryAfterMs > 0 else { return jitter }
        return max(jitter, .milliseconds(min(retryAfterMs, 60_000)))
    }
}
