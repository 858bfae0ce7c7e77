import ECSAPI
import ECSClient
import ECSSimulator
import FleetCore
import Foundation
import Logging
import Synchronization
import Testing

// Shared helpers for the engine tests: a simulated account on a manual clock, an engine clock whose waits move
// that clock on (so tracking completes at once), the real client reaching the simulator in process or over
// loopback HTTP, a transport that counts and injects faults, and a journal in a temporary folder.

let home = "cn-hangzhou"
let testCredentials = Credentials(accessKeyId: "LTAItestkey1234", accessKeySecret: "very-secret-value-42")

/// A hand-made instance: Running, pay-as-you-go, VPC, no local disks (eligible for economical mode).
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

func locked(_ id: String, _ reason: String) -> Instance {
    makeInstance(id) { $0.operationLocks = [.init(lockReason: reason)] }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The engine's time is the simulator's: a wait moves the manual clock on and returns at once.
struct SimEngineClock: EngineClock {
    let clock: ManualClock
    func now() -> Date { clock.now() }
    func sleep(for duration: Duration) async throws {
        clock.advance(by: duration.seconds)
        await Task.yield()
    }
}

/// The real client as FleetCore's service (as the command line composes it).
struct ClientService: ECSService {
    let client: ECSClient
    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response { try await client.send(request) }
}

/// The gateway reached in process: the request goes through `APIGateway.handle` as the server would pass it;
/// `route` picks the gateway per request (several gateways may share one fleet). A dropped connection is `.connectionLost`.
struct GatewayTransport: HTTPTransport {
    let route: @Sendable (TransportRequest) -> APIGateway

    init(_ gateway: APIGateway) { route = { _ in gateway } }
    init(route: @escaping @Sendable (TransportRequest) -> APIGateway) { self.route = route }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        let parts = request.parts
        var headers = request.headers.map { (name: $0.0.lowercased(), value: $0.1) }
        if !headers.contains(where: { $0.name == "host" }) {
            headers.insert((name: "host", value: parts.authority), at: 0)
        }
        let answer = await route(request).handle(
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

/// Wraps a transport: records every request and, per request, forwards it or fails it before forwarding. The script
/// gets how many earlier requests had the same action (0 for the first `StopInstances`, 1 for the second...).
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case forward
        case fail(TransportError)
    }

    let inner: any HTTPTransport
    let script: @Sendable (Int, TransportRequest) -> Step
    /// Runs before each request is forwarded or failed.
    let before: @Sendable (TransportRequest) -> Void
    private let log = Mutex<[TransportRequest]>([])

    init(
        _ inner: any HTTPTransport, before: @escaping @Sendable (TransportRequest) -> Void = { _ in },
        script: @escaping @Sendable (Int, TransportRequest) -> Step = { _, _ in .forward }
    ) {
        self.inner = inner
        self.before = before
        self.script = script
    }

    var requests: [TransportRequest] { log.withLock { $0 } }
    func requests(_ action: String) -> [TransportRequest] { requests.filter { $0.action == action } }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        let n = log.withLock { log in
            log.append(request)
            return log.filter { $0.action == request.action }.count - 1
        }
        before(request)
        switch script(n, request) {
        case .forward: return try await inner.send(request, timeout: timeout)
        case .fail(let e): throw e
        }
    }

    func shutdown() async { await inner.shutdown() }
}

extension TransportRequest {
    var parts: (authority: String, path: String, query: String) {
        var rest = Substring(url)
        if let r = rest.range(of: "://") { rest = rest[r.upperBound...] }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let pathAndQuery = rest[slash...]
        guard let q = pathAndQuery.firstIndex(of: "?") else {
            return (String(rest[..<slash]), String(pathAndQuery), "")
        }
        return (
            String(rest[..<slash]), String(pathAndQuery[..<q]), String(pathAndQuery[pathAndQuery.index(after: q)...])
        )
    }

    var queryItems: [(name: String, value: String)] { PercentEncoding.parseQuery(parts.query) ?? [] }
    func query(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }
    var action: String { headers.first { $0.0.lowercased() == "x-acs-action" }?.1 ?? query("Action") ?? "" }
    var instanceIds: [String] { queryItems.filter { $0.name.hasPrefix("InstanceId.") }.map(\.value) }
}

/// A simulated account with the engine around it.
final class EngineRig: Sendable {
    let clock: ManualClock
    let gateway: APIGateway
    /// The gateway `StopInstances` goes to when `stopFaults` were given (same fleet, faulty).
    let stopGateway: APIGateway?
    let transport: ScriptedTransport
    let client: ECSClient
    let service: ClientService
    let directory: String
    let journal: Journal

    var fleet: SimulatedFleet { gateway.fleet }
    var journalPath: String { journal.path }

    /// - Parameters:
    ///   - stopFaults: faults for `StopInstances` only: those calls go to a second gateway over the same fleet,
    ///     so the status re-read that follows a lost answer is not itself faulted.
    init(
        _ instances: [Instance], configure: (inout SimulatorConfiguration) -> Void = { _ in },
        stopFaults: FaultSpec? = nil,
        signature: ECSClient.SignatureVersion = .v3,
        before: @escaping @Sendable (TransportRequest) -> Void = { _ in },
        script: @escaping @Sendable (Int, TransportRequest) -> ScriptedTransport.Step = { _, _ in .forward }
    ) throws {
        var c = SimulatorConfiguration()
        c.credentials = testCredentials
        c.stopDelay = DelayRange(min: 4, max: 4)
        c.startDelay = DelayRange(min: 3, max: 3)
        c.maxClockSkew = 1e9 // the engine moves the simulated clock far ahead of the real time the client signs with
        configure(&c)
        let clock = ManualClock(Date())
        self.clock = clock
        let fleet = SimulatedFleet(instances: instances, configuration: c, clock: clock)
        let gateway = APIGateway(fleet: fleet, configuration: c, clock: clock)
        self.gateway = gateway
        let inner: GatewayTransport
        if let stopFaults {
            var faulty = c
            faulty.faults = stopFaults
            let stopGateway = APIGateway(fleet: fleet, configuration: faulty, clock: clock)
            self.stopGateway = stopGateway
            inner = GatewayTransport { $0.action == ECSAction.stopInstances ? stopGateway : gateway }
        } else {
            stopGateway = nil
            inner = GatewayTransport(gateway)
        }
        transport = ScriptedTransport(inner, before: before, script: script)
        client = Self.client(
            Endpoint(scheme: "http", host: "127.0.0.1", port: 9), transport: transport, signature: signature)
        service = ClientService(client: client)
        directory = NSTemporaryDirectory() + "fleetcore-tests-" + UUID().uuidString
        journal = try Journal(path: directory + "/state/journal.jsonl")
    }

    static func client(_ endpoint: Endpoint, transport: any HTTPTransport, signature: ECSClient.SignatureVersion = .v3)
        -> ECSClient
    {
        var cc = ECSClient.Configuration(credentials: testCredentials, defaultRegion: home, endpointOverride: endpoint)
        cc.signature = signature
        cc.requestTimeout = .seconds(10)
        return ECSClient(configuration: cc, transport: transport, sleep: { _ in })
    }

    /// Runs `body` with an engine whose client reaches the simulator over loopback HTTP (the real transport,
    /// wrapped to count requests), journaling to the same journal.
    func overHTTP<T: Sendable>(
        signature: ECSClient.SignatureVersion = .v3, before: @escaping @Sendable (TransportRequest) -> Void = { _ in },
        _ body: (OperationEngine, ScriptedTransport) async throws -> T
    ) async throws -> T {
        try await withServer(gateway) { endpoint in
            let transport = ScriptedTransport(AsyncHTTPTransport(), before: before)
            let client = Self.client(endpoint, transport: transport, signature: signature)
            var e = engine()
            e.service = ClientService(client: client)
            do {
                let result = try await body(e, transport)
                await client.shutdown()
                return result
            } catch {
                await client.shutdown()
                throw error
            }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func engine(timeout: Duration = .seconds(600)) -> OperationEngine {
        var e = OperationEngine(
            service: service, journal: journal, clock: SimEngineClock(clock: clock), profile: "test-profile")
        e.trackingTimeout = timeout
        return e
    }

    /// Plans `action` as the command line does: reads the instances, then judges each ID.
    func plan(
        _ action: PowerAction, _ ids: [String], region: String = home, _ options: OperationOptions = OperationOptions()
    ) async throws -> OperationPlan {
        let known = try await service.instances(region: region, instanceIds: ids.filter(Preflight.isWellFormed))
        let byId = Dictionary(known.map { ($0.instanceId, $0) }, uniquingKeysWith: { a, _ in a })
        return OperationPlan(
            action: action, options: options, targets: ids.map { ($0, region, byId[$0]) }, now: clock.now())
    }

    func status(_ id: String) async -> InstanceStatus? { await fleet.instance(id)?.status }
    func records() throws -> [JournalRecord] { try Journal.read(path: journalPath) }
    func journalText() -> String { (try? String(contentsOfFile: journalPath, encoding: .utf8)) ?? "" }
    func stopCalls() -> Int { transport.requests(ECSAction.stopInstances).count }

    /// Stops instances behind the plan's back (their state changes after planning).
    func stopNow(_ ids: [String]) async throws {
        _ = try await client.send(StopInstancesRequest(regionId: home, instanceIds: ids))
    }
}

extension OperationEngine.Report {
    func result(_ id: String) -> InstanceResult? { results.first { $0.instanceId == id } }
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
