import ECSAPI
import ECSClient
import Foundation
import Synchronization
import Testing

/// Renewal of temporary credentials, on a manual clock.
@Suite("Refreshing credentials")
struct RefreshingCredentialsTests {
    /// A provider whose fetches hand out `STS.1`, `STS.2`, ... living `lifetime` seconds from the clock's now.
    func makeProvider(_ clock: TestClock, lifetime: TimeInterval, fetches: Counter, failFrom: Int = .max)
        -> RefreshingCredentials
    {
        RefreshingCredentials(now: { clock.now }) { () async throws(CredentialError) -> TemporaryCredentials in
            let n = fetches.next()
            if n >= failFrom { throw CredentialError("STS is down") }
            return TemporaryCredentials(
                credentials: Credentials(accessKeyId: "STS.\(n)", accessKeySecret: "s", securityToken: "t"),
                expiration: clock.now.addingTimeInterval(lifetime))
        }
    }

    /// How many fetches were made.
    final class Counter: Sendable {
        private let count = Mutex(0)
        func next() -> Int {
            count.withLock {
                $0 += 1
                return $0
            }
        }
        var value: Int { count.withLock { $0 } }
    }

    @Test("An hour's credentials are renewed 15 minutes before they expire")
    func hour() async throws {
        let clock = TestClock()
        let fetches = Counter()
        let p = makeProvider(clock, lifetime: 3600, fetches: fetches)
        #expect(try await p.credentials().accessKeyId == "STS.1")
        clock.advance(2699)
        #expect(try await p.credentials().accessKeyId == "STS.1")
        clock.advance(2)
        #expect(try await p.credentials().accessKeyId == "STS.2")
        #expect(fetches.value == 2)
    }

    @Test("Short-lived credentials are renewed after two thirds of their life, not at every call")
    func short() async throws {
        let clock = TestClock()
        let fetches = Counter()
        let p = makeProvider(clock, lifetime: 10, fetches: fetches)
        _ = try await p.credentials()
        clock.advance(6)
        #expect(try await p.credentials().accessKeyId == "STS.1")
        clock.advance(1)
        #expect(try await p.credentials().accessKeyId == "STS.2")
        // A long wait (a stop --wait that outlives many lifetimes): each call after renewal time gets fresh ones.
        clock.advance(100)
        #expect(try await p.credentials().accessKeyId == "STS.3")
        #expect(
            RefreshingCredentials.renewalTime(
                fetched: Date(timeIntervalSince1970: 0), expiration: Date(timeIntervalSince1970: 900))
                == Date(timeIntervalSince1970: 600))
    }

    @Test("Concurrent callers share one renewal")
    func shared() async throws {
        let clock = TestClock()
        let fetches = Counter()
        let p = makeProvider(clock, lifetime: 3600, fetches: fetches)
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await p.credentials().accessKeyId } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(ids == ["STS.1"])
        #expect(fetches.value == 1)
    }

    @Test("A failed renewal keeps credentials that still work, and fails once they have expired")
    func failedRenewal() async throws {
        let clock = TestClock()
        let fetches = Counter()
        let p = makeProvider(clock, lifetime: 3600, fetches: fetches, failFrom: 2)
        _ = try await p.credentials()
        clock.advance(3000)
        #expect(try await p.credentials().accessKeyId == "STS.1")
        clock.advance(700)
        let why = await credentialFailure { try await p.credentials() }
        #expect(why == "STS is down")
    }

    @Test("After an expired-token answer: renewed once, shared by the calls that saw the same key")
    func renewAfterRejection() async throws {
        let clock = TestClock()
        let fetches = Counter()
        let p = makeProvider(clock, lifetime: 3600, fetches: fetches)
        let first = try await p.credentials()
        #expect(try await p.renew(rejected: first).accessKeyId == "STS.2")
        #expect(try await p.renew(rejected: first).accessKeyId == "STS.2", "already renewed: no second fetch")
        #expect(fetches.value == 2)
    }

    @Test("Cached CloudSSO credentials: used while valid, then a sentence to sign in again")
    func cachedSignIn() async throws {
        let clock = TestClock()
        let key = Credentials(accessKeyId: "STS.sso", accessKeySecret: "s", securityToken: "t")
        let fetcher = makeFetcher(
            FakeServices { _ throws(TransportError) in throw .connectFailed("unused") }, clock: clock)
        let p = fetcher.provider(
            .cached(key, expiration: clock.now.addingTimeInterval(600), mode: "CloudSSO"),
            source: CredentialSource("profile sso (CloudSSO)"))
        #expect(try await p.credentials() == key)
        clock.advance(601)
        let why = await credentialFailure { try await p.credentials() } ?? ""
        #expect(why.hasPrefix("profile sso (CloudSSO): the CloudSSO sign-in has expired"))
        #expect(why.contains("sign in again with the aliyun CLI"))
    }
}
