import ECSAPI
import Foundation
import Logging
import Synchronization

/// The ECS API client: signed requests (V3 by default, V1 on request), per-region endpoints, bounded
/// concurrency per region, and retries with exponential backoff and full jitter.
public final class ECSClient: Sendable {
    public enum SignatureVersion: String, Sendable { case v3, v1 }

    public struct Configuration: Sendable {
        public var credentials: Credentials
        /// The region for calls that name none (`DescribeRegions`, `StopInstance`).
        public var defaultRegion: String
        /// Every call, for every region, goes here when set (how `ecs-sim` is reached).
        public var endpointOverride: Endpoint?
        public var signature: SignatureVersion = .v3
        public var requestTimeout: Duration = .seconds(30)
        public var retry = RetryPolicy()
        public var maxConcurrentPerRegion = 8
        /// Where each attempt's signing key comes from when set (temporary credentials that are renewed);
        /// `credentials` otherwise.
        public var credentialProvider: (any CredentialProvider)?

        public init(credentials: Credentials, defaultRegion: String, endpointOverride: Endpoint? = nil) {
            self.credentials = credentials; self.defaultRegion = defaultRegion; self.endpointOverride = endpointOverride
        }
    }

    public let configuration: Configuration
    let transport: any HTTPTransport
    let logger: Logger?
    let sleep: @Sendable (Duration) async throws -> Void
    private let regionEndpoints = Mutex<[String: Endpoint]>([:])
    private let limits = Mutex<[String: ConcurrencyLimit]>([:])

    /// - Parameters:
    ///   - logger: when given, each request is logged (action, region, status, request id, time taken), secrets never.
    ///   - sleep: how backoff waits; tests pass one that does not.
    public init(configuration: Configuration, transport: any HTTPTransport = AsyncHTTPTransport(), logger: Logger? = nil,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.configuration = configuration; self.transport = transport; self.logger = logger; self.sleep = sleep
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

    private func limit(for region: String) -> ConcurrencyLimit {
        limits.withLock { map in
            if let l = map[region] { return l }
            let l = ConcurrencyLimit(limit: configuration.maxConcurrentPerRegion)
            map[region] = l
            return l
        }
    }

    /// Sends one call and returns its typed answer.
    ///
    /// A dry run that passed throws `.dryRunPassed`; use `dryRun(_:)` to get it as a verdict instead.
    public func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response {
        let region = request.regionId ?? configuration.defaultRegion
        let gate = limit(for: region)
        await gate.acquire()
        let result: Result<R.Response, ECSCallError>
        do { result = .success(try await attempt(request, region: region)) } catch { result = .failure(error) }
        await gate.release()
        return try result.get()
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

    private func attempt<R: ECSRequest>(_ request: R, region: String) async throws(ECSCallError) -> R.Response {
        let endpoint = endpoint(for: region)
        let policy = configuration.retry
        var attempt = 0
        var renewed = false
        while true {
            attempt += 1
            let started = ContinuousClock.now
            let key = try await signingCredentials()
            let outgoing = signedRequest(request, endpoint: endpoint, credentials: key)
            let response: TransportResponse
            do {
                response = try await transport.send(outgoing, timeout: configuration.requestTimeout)
            } catch {
                log(R.action, region, "no answer: \(error)", "", started)
                guard attempt < policy.maxAttempts, policy.shouldRetry(action: R.action, error: error) else {
                    throw .noAnswer("\(R.action): \(error)", mayHaveBeenApplied: error.mayHaveBeenApplied, attempts: attempt)
                }
                try await backoff(attempt, retryAfterMs: nil)
                continue
            }
            let requestId = response.headers["x-acs-request-id"] ?? ""
            log(R.action, region, String(response.status), requestId, started)
            if (200..<300).contains(response.status) {
                do { return try R.Response(jsonBytes: response.body) } catch {
                    throw .invalidResponse("\(R.action) answered \(response.status) with \(error)")
                }
            }
            let apiError = Self.apiError(from: response)
            if apiError.isDryRunPassed { throw .dryRunPassed(apiError) }
            if !renewed, try await renewAfterExpiry(apiError, rejected: key) {
                renewed = true
                attempt -= 1
                continue
            }
            guard attempt < policy.maxAttempts, policy.shouldRetry(action: R.action, error: apiError) else { throw .api(apiError) }
            try await backoff(attempt, retryAfterMs: response.headers["x-acs-retry-after"].flatMap { Int($0) })
        }
    }

    private func backoff(_ attempt: Int, retryAfterMs: Int?) async throws(ECSCallError) {
        let wait = configuration.retry.delay(afterAttempt: attempt, retryAfterMs: retryAfterMs, random: Double.random(in: 0..<1))
        do { try await sleep(wait) } catch { throw .configuration("cancelled") }
    }

    /// Reads an error answer; a body that is not the API's error JSON becomes `HTTP<status>` with a short excerpt.
    static func apiError(from response: TransportResponse) -> APIError {
        if let json = try? JSONValue(parsing: response.body), let e = APIError(json: json, httpStatus: response.status) {
            return e
        }
        let excerpt = String(decoding: response.body.prefix(200), as: UTF8.self)
        return APIError(code: "HTTP\(response.status)", message: excerpt.isEmpty ? "no body" : excerpt, httpStatus: response.status,
                        requestId: response.headers["x-acs-request-id"] ?? "")
    }

    private func log(_ action: String, _ region: String, _ status: String, _ requestId: String, _ started: ContinuousClock.Instant) {
        guard let logger else { return }
        let ms = (ContinuousClock.now - started).components
        let elapsed = Double(ms.seconds) * 1000 + Double(ms.attoseconds) / 1e15
        logger.info("\(action) region=\(region) status=\(status) request-id=\(requestId.isEmpty ? "-" : requestId) time=\(String(format: "%.1f", elapsed))ms")
    }
}
