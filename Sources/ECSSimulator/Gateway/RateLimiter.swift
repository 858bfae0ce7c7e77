import Foundation
import Synchronization

/// A token bucket per access key and API: `rate` calls a second, bursts up to `rate` (at least one call).
final class RateLimiter: Sendable {
    let rate: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    struct Bucket {
        var tokens: Double
        var updated: Date
    }

    /// The bucket's size: never below one token, or a rate under 1/s would refuse every call.
    var capacity: Double { max(1, rate) }

    init(rate: Double) { self.rate = rate }

    /// Takes a token; when none is left, the milliseconds until one is.
    func take(key: String, action: String, now: Date) -> Int? {
        buckets.withLock { buckets in
            let id = key + "/" + action
            var b = buckets[id] ?? Bucket(tokens: capacity, updated: now)
            b.tokens = min(capacity, b.tokens + max(0, now.timeIntervalSince(b.updated)) * rate)
            b.updated = now
            defer { buckets[id] = b }
            if b.tokens >= 1 {
                b.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - b.tokens) / rate * 1000).rounded(.up)))
        }
    }
}
