import ECSAPI
import Foundation

/// Temporary credentials kept fresh: fetched again before they expire, one renewal at a time shared by every
/// caller that needs it meanwhile.
///
/// The vendor renews 15 minutes before `Expiration`. Credentials that live less than 45 minutes are renewed
/// when two thirds of their life is over instead (10-second credentials after about 6.7 s), so that short-lived
/// ones are not fetched again for every call. When a renewal fails while the held credentials still work, they
/// are used, and the next call tries again.
public actor RefreshingCredentials: CredentialProvider {
    /// Obtains new credentials (an STS call, the metadata service, a command).
    public typealias Fetch = @Sendable () async throws(CredentialError) -> TemporaryCredentials

    let fetch: Fetch
    let now: @Sendable () -> Date
    private var held: TemporaryCredentials?
    private var renewAt: Date?
    private var renewal: Task<Result<TemporaryCredentials, CredentialError>, Never>?

    /// - Parameters:
    ///   - initial: credentials already fetched (by the chain's probe), used until they are due for renewal.
    ///   - now: the clock; tests pass a manual one.
    public init(
        initial: TemporaryCredentials? = nil, now: @escaping @Sendable () -> Date = { Date() }, fetch: @escaping Fetch
    ) {
        self.fetch = fetch
        self.now = now
        held = initial
        renewAt = initial.flatMap { c in c.expiration.map { Self.renewalTime(fetched: now(), expiration: $0) } }
    }

    /// When credentials fetched at `fetched` and expiring at `expiration` are due for renewal: 15 minutes before
    /// they expire, or after two thirds of their life when that comes first.
    public static func renewalTime(fetched: Date, expiration: Date) -> Date {
        let life = max(0, expiration.timeIntervalSince(fetched))
        return expiration.addingTimeInterval(-min(15 * 60, life / 3))
    }

    public func credentials() async throws(CredentialError) -> Credentials {
        if let held, renewAt.map({ now() < $0 }) ?? true { return held.credentials }
        do throws(CredentialError) { return try await renewed().credentials } catch {
            if let held, let expiration = held.expiration, now() < expiration { return held.credentials }
            throw error
        }
    }

    public func renew(rejected: Credentials) async throws(CredentialError) -> Credentials {
        if let held, held.credentials != rejected { return held.credentials }
        return try await renewed().credentials
    }

    /// Fetches, or joins the fetch already under way.
    private func renewed() async throws(CredentialError) -> TemporaryCredentials {
        if let renewal { return try await renewal.value.get() }
        let started = now()
        let task = Task { [fetch] () async -> Result<TemporaryCredentials, CredentialError> in
            do throws(CredentialError) { return .success(try await fetch()) } catch { return .failure(error) }
        }
        renewal = task
        let result = await task.value
        renewal = nil
        if case .success(let fresh) = result {
            held = fresh
            renewAt = fresh.expiration.map { Self.renewalTime(fetched: started, expiration: $0) }
        }
        return try result.get()
    }
}
