import ECSAPI
import Foundation
import Logging
import Synchronization

/// The ECS API client: signed requests (V3 by default, V1 on request), per-region endpoints, adaptive
/// concurrency per region and API (`AdaptiveLimit`), and retries with exponential backoff and full jitter.
public final class ECSClient: Sendable {
    public enum SignatureVersion: String, Sendable { case v3, v1 }

    public struct Configuration: Sendable {
        public var credentials: Credentials
        /// The region for calls that name none (`DescribeRegions`, `StopInstance`).
        public var defaultRegion: String
        /// Every call, for every region, goes here when set (how `ecs-sim` is reached).
        public var endpointOverride: Endpoint?
        public var signature: SignatureVersion = .v3
        /// The deadline for one attempt's whole answer, headers and body (not only for silence).
        public var requestTimeout: Duration = .seconds(10)
        public var retry = RetryPolicy()
        /// How many calls of one API in one region run at once: adaptive, up to `concurrency.ceiling`.
        public var concurrency = AdaptiveLimit.Settings()
        /// Where each attempt's signing key comes from when set (temporary credentials that are renewed);
        /// `credentials` otherwise.
        public var credentialProvider: (any CredentialProvider)?

        public init(credentials: Credentials, defaultRegion: String, endpointOverride: Endpoint? = nil) {
            self.credentials = credentials
            self.defaultRegion = defaultRegion
            self.endpointOverride = endpointOverride
        }
    }

    public let configuration: Configuration
    let transport: any HTTPTransport
    let logger: Logger?
    let sleep: @Sendable (Duration) async throws -> Void
    private let regionEndpoints = Mutex<[String: Endpoint]>([:])
    private let gates = Mutex<[String: CallGate]>([:])
    private let origin = ContinuousClock.now

    /// - Parameters:
    ///   - logger: when given, each request is logged (action, region, status, request id, time taken), secrets never.
    ///   - sleep: how backoff waits; tests pass one that does not.
    public init(
        configuration: Configuration, transport: any HTTPTransport = AsyncHTTPTransport(), logger: Logger? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
        self.sleep = sleep
    }

    /// Releases connections.
    public func shutdown() async { await transport.shutdown() }

    /// Remembers `RegionEndpoint`s from `DescribeRegions`, preferred over the built-in rule from then on.
    public func learnEndpoints(_ regions: [DescribeRegionsResponse.Region]) {
        regionEndpoints.withLock { map in
            for r in regions where !r.regionEndpoint.isEmpty {
                map[r.regionId] = Endpoint(scheme: "https", host: r.regionEndpoint.lowercased(), port: nil)
            }
        }
    }

    /// The endpoint calls for `region` go to.
    public func endpoint(for region: String) -> Endpoint {
        if let o = configuration.endpointOverride { return o }
        return regionEndpoints.withLock { $0[region] } ?? .publicEndpoint(region: region)
    }

    /// The gate for `action` in `region`, made on first use.
    func gate(_ action: String, region: String) -> CallGate {
        gates.withLock { map in
            if let g = map[region + "/" + action] { return g }
            let origin = self.origin
            let g = CallGate(settings: configuration.concurrency, now: { ContinuousClock.now - origin })
            map[region + "/" + action] = g
            return g
        }
    }

    /// Sends one call and returns its typed answer.
    ///
    /// A dry run that passed throws `.dryRunPassed`; use `dryRun(_:)` to get it as a verdict instead.
    public func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response {
        try await attempt(request, region: request.regionId ?? configuration.defaultRegion)
    }

    /// Runs a dry run: returns the request id when it passed, throws the reason when it did not.
    public func dryRun<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> String {
        do {
            let answer = try await send(request)
            return (answer.json["RequestId"]?.stringValue) ?? ""
        } catch .dryRunPassed(let e) {
            return e.requestId
        }
    }

    /// Tries until an answer, an error that is not retried, or the retries are spent. Each attempt goes through
    /// the gate of its API and region, and tells it how it went. Throttled answers do not count as attempts: the
    /// call waits as the gate says (retry-after, then the pace it learnt), up to `retry.maxThrottledAnswers` times.
    private func attempt<R: ECSRequest>(_ request: R, region: String) async throws(ECSCallError) -> R.Response {
        let endpoint = endpoint(for: region)
        let policy = configuration.retry
        let gate = gate(R.action, region: region)
        var attempt = 0
        var throttled = 0
        var renewed = false
        while true {
            let delay = await gate.enter()
            // Cancelled while it waited for room: it was never sent.
            if Task.isCancelled {
                gate.finish(.other, sentAt: gate.currentTime)
                throw .configuration("cancelled")
            }
            if delay > .zero {
                do { try await sleep(delay) } catch {
                    gate.finish(.other, sentAt: gate.currentTime)
                    throw .configuration("cancelled")
                }
            }
            attempt += 1
            let started = ContinuousClock.now
            let sentAt = gate.currentTime
            let key: Credentials
            do { key = try await signingCredentials() } catch {
                gate.finish(.other, sentAt: sentAt)
                throw error
            }
            let outgoing = signedRequest(request, endpoint: endpoint, credentials: key)
            let response: TransportResponse
            do {
                response = try await transport.send(outgoing, timeout: configuration.requestTimeout)
            } catch {
                gate.finish(error == .timedOut ? .overloaded : .other, sentAt: sentAt)
                log(R.action, region, "no answer: \(error)", "", started)
                guard attempt < policy.maxAttempts, policy.shouldRetry(action: R.action, error: error) else {
                    let why =
                        error == .timedOut
                        ? "no complete answer within \(Self.seconds(configuration.requestTimeout)) s"
                        : error.description
                    throw .noAnswer(
                        "\(R.action): \(why)", mayHaveBeenApplied: error.mayHaveBeenApplied, attempts: attempt)
                }
                try await backoff(attempt, retryAfterMs: nil)
                continue
            }
            let requestId = response.headers["x-acs-request-id"] ?? ""
            if (200..<300).contains(response.status) {
                gate.finish(.succeeded, sentAt: sentAt)
                log(R.action, region, String(response.status), requestId, started)
                do { return try R.Response(jsonBytes: response.body) } catch {
                    throw .invalidResponse("\(R.action) answered \(response.status) with \(error)")
                }
            }
            let apiError = Self.apiError(from: response)
            let retryAfterMs = response.headers["x-acs-retry-after"].flatMap { Int($0) }
            // A passed dry run is the answer asked for: it grows the window as a success does.
            let outcome: AdaptiveLimit.Outcome =
                apiError.isDryRunPassed
                ? .succeeded
                : apiError.isThrottling
                    ? .throttled(retryAfter: retryAfterMs.map { .milliseconds(max(0, $0)) })
                    : apiError.httpStatus == 503 ? .overloaded : .other
            gate.finish(outcome, sentAt: sentAt)
            log(R.action, region, "\(response.status) code=\(apiError.code)", requestId, started)
            if apiError.isDryRunPassed { throw .dryRunPassed(apiError) }
            if !renewed, try await renewAfterExpiry(apiError, rejected: key) {
                renewed = true
                attempt -= 1
                continue
            }
            if apiError.isThrottling, policy.shouldRetry(action: R.action, error: apiError) {
                // Not an attempt: nothing happened, and the gate spaces the retry. Without a retry-after the call
                // backs off on its own as well.
                attempt -= 1
                throttled += 1
                guard throttled <= policy.maxThrottledAnswers else { throw .api(apiError) }
                if retryAfterMs == nil { try await backoff(throttled, retryAfterMs: nil) }
                continue
            }
            guard attempt < policy.maxAttempts, policy.shouldRetry(action: R.action, error: apiError) else {
                throw .api(apiError)
            }
            try await backoff(attempt, retryAfterMs: retryAfterMs)
        }
    }

    private func backoff(_ attempt: Int, retryAfterMs: Int?) async throws(ECSCallError) {
        let wait = configuration.retry.delay(
            afterAttempt: attempt, retryAfterMs: retryAfterMs, random: Double.random(in: 0..<1))
        do { try await sleep(wait) } catch { throw .configuration("cancelled") }
    }

    /// `10` or `0.3`: seconds for a message.
    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }

    /// Reads an error answer; a body that is not the API's error JSON becomes `HTTP<status>` with a short excerpt.
    static func apiError(from response: TransportResponse) -> APIError {
        if let json = try? JSONValue(parsing: response.body), let e = APIError(json: json, httpStatus: response.status)
        {
            return e
        }
        let excerpt = String(decoding: response.body.prefix(200), as: UTF8.self)
        return APIError(
            code: "HTTP\(response.status)", message: excerpt.isEmpty ? "no body" : excerpt, httpStatus: response.status,
            requestId: response.headers["x-acs-request-id"] ?? "")
    }

    private func log(
        _ action: String, _ region: String, _ status: String, _ requestId: String, _ started: ContinuousClock.Instant
    ) {
        guard let logger else { return }
        let ms = (ContinuousClock.now - started).components
        let elapsed = Double(ms.seconds) * 1000 + Double(ms.attoseconds) / 1e15
        logger.info(
            "\(action) region=\(region) status=\(status) request-id=\(requestId.isEmpty ? "-" : requestId) time=\(String(format: "%.1f", elapsed))ms"
        )
    }
}
