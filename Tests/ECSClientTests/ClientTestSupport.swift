import ECSAPI
import ECSClient
import ECSSimulator
import Foundation
import Logging
import Synchronization
import Testing

// Shared helpers for the client tests: hand-made instances, a simulated account on a manual clock that starts at
// the real time (the client signs with `Date()`), the simulator served over loopback HTTP or reached in process,
// and a scripted transport that records every request and injects faults.

let home = "cn-hangzhou"

/// A hand-made instance: Running, pay-as-you-go, VPC, no local disks.
func makeInstance(
    _ id: String, _ status: InstanceStatus = .running, region: String = home,
    _ configure: (inout Instance) -> Void = { _ in }
) -> Instance {
    var i = Instance(instanceId: id)
    i.regionId = region
    i.zoneId = region + "-h"
    i.status = status
    i.instanceName = id
    i.instanceType = "ecs.g7.large"
    i.instanceChargeType = "PostPaid"
    i.expiredTime = "2099-12-31T15:59Z"
    i.vpcAttributes = .init(vpcId: "vpc-main", vSwitchId: "vsw-main", privateIpAddresses: ["172.16.0.10"])
    configure(&i)
    return i
}

/// `count` running instances `i-<prefix>0001`...
func manyInstances(_ count: Int, prefix: String = "n") -> [Instance] {
    (1...count).map { makeInstance("i-\(prefix)" + String(format: "%04d", $0)) }
}

/// A simulated account whose manual clock starts now, so requests signed with the real time verify.
struct SimAccount: Sendable {
    let clock: ManualClock
    let gateway: APIGateway
    let credentials: Credentials

    var fleet: SimulatedFleet { gateway.fleet }

    init(_ instances: [Instance], configure: (inout SimulatorConfiguration) -> Void = { _ in }) {
        var c = SimulatorConfiguration()
        c.stopDelay = DelayRange(min: 4, max: 4)
        c.startDelay = DelayRange(min: 3, max: 3)
        configure(&c)
        let clock = ManualClock(Date())
        self.clock = clock
        credentials = c.credentials
        gateway = APIGateway(
            fleet: SimulatedFleet(instances: instances, configuration: c, clock: clock), configuration: c, clock: clock)
    }

    func status(_ id: String) async -> InstanceStatus? { await fleet.instance(id)?.status }
}

struct ServerDidNotStart: Error {}

/// Serves `gateway` on a free loopback port for the duration of `body`.
func withServer<T: Sendable>(_ gateway: APIGateway, _ body: (Endpoint) async throws -> T) async throws -> T {
    let (ready, continuation) = AsyncStream.makeStream(of: String.self)
    var logger = Logger(label: "ecs-sim-test")
    logger.logLevel = .critical // the server logs its cancellation as errors
    let server = SimulatorServer(gateway: gateway, host: "127.0.0.1", port: 0, logger: logger)
    let task = Task {
        do { try await server.run { url in continuation.yield(url) } } catch {}
        continuation.finish()
    }
    var iterator = ready.makeAsyncIterator()
    guard let url = await iterator.next() else { throw ServerDidNotStart() }
    do {
        let result = try await body(try Endpoint(parsing: url, insecureHTTP: false))
        task.cancel()
        _ = await task.result
        return result
    } catch {
        task.cancel()
        _ = await task.result
        throw error
    }
}

/// A client for `endpoint`; the sleep closure records each backoff and returns at once.
func makeClient(
    _ endpoint: Endpoint, credentials: Credentials, signature: ECSClient.SignatureVersion = .v3,
    transport: any HTTPTransport = AsyncHTTPTransport(), retry: RetryPolicy = RetryPolicy(),
    sleeps: SleepLog = SleepLog(), concurrency: AdaptiveLimit.Settings = AdaptiveLimit.Settings()
) -> ECSClient {
    var c = ECSClient.Configuration(credentials: credentials, defaultRegion: home, endpointOverride: endpoint)
    c.signature = signature
    c.concurrency = concurrency
    c.retry = retry
    c.requestTimeout = .seconds(10)
    return ECSClient(configuration: c, transport: transport, sleep: { d in sleeps.record(d) })
}

/// Runs `body` with `client`, then shuts it down whether or not `body` threw (a client left running traps in debug builds).
func using<T: Sendable>(_ client: ECSClient, _ body: (ECSClient) async throws -> T) async throws -> T {
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Runs `body` with a client over real HTTP to a server for `sim`, shutting both down afterwards.
func withHTTPClient<T: Sendable>(
    _ sim: SimAccount, signature: ECSClient.SignatureVersion = .v3, credentials: Credentials? = nil,
    _ body: (ECSClient) async throws -> T
) async throws -> T {
    try await withServer(sim.gateway) { endpoint in
        try await using(makeClient(endpoint, credentials: credentials ?? sim.credentials, signature: signature), body)
    }
}

/// Every backoff the client asked for.
final class SleepLog: Sendable {
    private let log = Mutex<[Duration]>([])
    private let onSleep: @Sendable (Duration) -> Void
    /// - Parameter onSleep: runs for each wait instead of waiting (for example to move a manual clock on).
    init(onSleep: @escaping @Sendable (Duration) -> Void = { _ in }) { self.onSleep = onSleep }
    func record(_ d: Duration) {
        log.withLock { $0.append(d) }
        onSleep(d)
    }
    var durations: [Duration] { log.withLock { $0 } }
}

/// The gateway reached in process: the request goes through `APIGateway.handle` exactly as the server would pass it.
/// A fault that drops the connection surfaces as `.connectionLost`.
struct GatewayTransport: HTTPTransport {
    let gateway: APIGateway

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        let parts = request.parts
        var headers = request.headers.map { (name: $0.0.lowercased(), value: $0.1) }
        if !headers.contains(where: { $0.name == "host" }) {
            headers.insert((name: "host", value: parts.authority), at: 0)
        }
        let answer = await gateway.handle(
            IncomingRequest(
                method: request.method, path: parts.path, rawQuery: parts.query,
                headers: headers, body: request.body))
        if answer.dropConnection { throw .connectionLost("the simulator dropped the connection") }
        var map: [String: String] = [:]
        for (n, v) in answer.headers { map[n.lowercased()] = v }
        return TransportResponse(status: answer.status, headers: map, body: answer.body)
    }

    func shutdown() async {}
}

/// Wraps a transport: records every request and, per request (numbered from 0), forwards it, answers it itself,
/// or fails it before or after forwarding.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case forward
        case respond(TransportResponse)
        /// Fails without forwarding: nothing reached the server.
        case fail(TransportError)
        /// Forwards (the server acts), then loses the answer.
        case forwardThenFail(TransportError)
        /// Forwards (the server acts, uses the nonce), then replaces the answer.
        case forwardThenRespond(TransportResponse)
    }

    let inner: any HTTPTransport
    let script: @Sendable (Int, TransportRequest) -> Step
    private let log = Mutex<[TransportRequest]>([])

    init(_ inner: any HTTPTransport, script: @escaping @Sendable (Int, TransportRequest) -> Step) {
        self.inner = inner
        self.script = script
    }

    var requests: [TransportRequest] { log.withLock { $0 } }
    func requests(_ action: String) -> [TransportRequest] { requests.filter { $0.action == action } }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        let n = log.withLock {
            $0.append(request)
            return $0.count - 1
        }
        switch script(n, request) {
        case .forward: return try await inner.send(request, timeout: timeout)
        case .respond(let r): return r
        case .fail(let e): throw e
        case .forwardThenFail(let e):
            _ = try await inner.send(request, timeout: timeout)
            throw e
        case .forwardThenRespond(let r):
            _ = try await inner.send(request, timeout: timeout)
            return r
        }
    }

    func shutdown() async { await inner.shutdown() }
}

/// An error answer as the API sends it.
func errorAnswer(_ status: Int, _ code: String, retryAfterMs: Int? = nil, requestId: String = UUID().uuidString)
    -> TransportResponse
{
    var headers = ["content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId]
    if let retryAfterMs { headers["x-acs-retry-after"] = String(retryAfterMs) }
    let body = APIError(code: code, message: "injected \(code)", httpStatus: status, requestId: requestId).json
        .jsonBytes()
    return TransportResponse(status: status, headers: headers, body: body)
}

extension TransportRequest {
    var parts: (authority: String, path: String, query: String) {
        var rest = Substring(url)
        if let r = rest.range(of: "://") { rest = rest[r.upperBound...] }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<slash])
        let pathAndQuery = rest[slash...]
        guard let q = pathAndQuery.firstIndex(of: "?") else { return (authority, String(pathAndQuery), "") }
        return (authority, String(pathAndQuery[..<q]), String(pathAndQuery[pathAndQuery.index(after: q)...]))
    }

    /// Decoded query parameters.
    var queryItems: [(name: String, value: String)] { PercentEncoding.parseQuery(parts.query) ?? [] }
    func query(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name }?.1 }

    /// The action, from the V3 header or the V1 parameter.
    var action: String { header("x-acs-action") ?? query("Action") ?? "" }
    /// The signature nonce, V3 or V1.
    var nonce: String? { header("x-acs-signature-nonce") ?? query("SignatureNonce") }
    /// The signing time, V3 or V1.
    var signedAt: Date? { (header("x-acs-date") ?? query("Timestamp")).flatMap(ECSTime.parse) }
}

extension ECSCallError {
    var isNoAnswer: Bool {
        if case .noAnswer = self { return true }
        return false
    }
    var noAnswerDetails: (applied: Bool, attempts: Int)? {
        if case .noAnswer(_, let applied, let attempts) = self { return (applied, attempts) }
        return nil
    }
}

/// Runs `body` and returns the call error it threw, or `nil` when it threw none (or something else).
func callError<T>(_ body: () async throws -> T) async -> ECSCallError? {
    do {
        _ = try await body()
        return nil
    } catch { return error as? ECSCallError }
}

/// A loopback port on which nothing listens (bound, then closed).
func closedLoopbackPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    return Int(UInt16(bigEndian: addr.sin_port))
}
