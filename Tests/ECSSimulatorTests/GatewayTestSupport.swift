import ECSAPI
import Foundation
import Testing

@testable import ECSSimulator

// Shared helpers for the simulator tests: hand-made instances, a gateway over them on a `ManualClock`,
// requests signed V3 or V1 with the clock's time and fresh nonces, and decoded answers.

let home = "cn-hangzhou"
let endpointHost = "ecs.aliyuncs.com"

/// A hand-made instance: Running, pay-as-you-go, VPC, no local disks (so eligible for economical mode).
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

/// `InstanceId.1=...&InstanceId.2=...`.
func idParams(_ ids: [String], name: String = "InstanceId") -> [(String, String)] {
    ids.enumerated().map { ("\(name).\($0.offset + 1)", $0.element) }
}

/// RFC 3986 query text for decoded pairs.
func encodeQuery(_ params: [(String, String)]) -> String {
    params.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
}

func freshNonce() -> String { UUID().uuidString }

/// A decoded gateway answer.
struct Reply: Sendable {
    let response: GatewayResponse

    var status: Int { response.status }
    var json: JSONValue { (try? JSONValue(parsing: response.body)) ?? .null }
    var isJSON: Bool { (try? JSONValue(parsing: response.body)) != nil }
    var text: String { String(decoding: response.body, as: UTF8.self) }
    var code: String? { json["Code"]?.stringValue }
    var message: String? { json["Message"]?.stringValue }
    func header(_ name: String) -> String? { response.header(name.lowercased()) }

    var instanceResponses: [JSONValue] { json["InstanceResponses"]?.unwrappedList("InstanceResponse") ?? [] }
    var instances: [JSONValue] { json["Instances"]?.unwrappedList("Instance") ?? [] }
    var instanceIds: [String] { instances.compactMap { $0["InstanceId"]?.stringValue } }
    var nextToken: String? { json["NextToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
    var totalCount: Int? { json["TotalCount"]?.intValue }
    var statuses: [JSONValue] { json["InstanceStatuses"]?.unwrappedList("InstanceStatus") ?? [] }
}

/// A simulated account on a manual clock, with signing helpers.
struct Sim: Sendable {
    let clock: ManualClock
    let gateway: APIGateway
    let credentials: Credentials

    var fleet: SimulatedFleet { gateway.fleet }

    /// Stop delay is exactly 4 s (ForceStop: 2 s), start delay exactly 3 s, unless `configure` changes them.
    init(
        _ instances: [Instance], clock: ManualClock = ManualClock(),
        configure: (inout SimulatorConfiguration) -> Void = { _ in }
    ) {
        var c = SimulatorConfiguration()
        c.stopDelay = DelayRange(min: 4, max: 4)
        c.startDelay = DelayRange(min: 3, max: 3)
        configure(&c)
        self.clock = clock
        credentials = c.credentials
        gateway = APIGateway(
            fleet: SimulatedFleet(instances: instances, configuration: c, clock: clock),
            configuration: c, clock: clock)
    }

    init(gateway: APIGateway, clock: ManualClock, credentials: Credentials = SimulatorConfiguration().credentials) {
        self.gateway = gateway
        self.clock = clock
        self.credentials = credentials
    }

    /// A V3 (`ACS3-HMAC-SHA256`) request; the query is sent percent-encoded unless `rawQuery` is given.
    func v3(
        _ action: String, _ params: [(String, String)] = [], credentials: Credentials? = nil, date: Date? = nil,
        nonce: String = freshNonce(), version: String = ecsAPIVersion, headers: [String: String] = [:],
        method: String = "POST", rawQuery: String? = nil
    ) -> IncomingRequest {
        let signed = SignatureV3.sign(
            method: method, path: "/", query: params.map { (name: $0.0, value: $0.1) }, headers: headers,
            credentials: credentials ?? self.credentials, date: date ?? clock.now(), nonce: nonce,
            host: endpointHost, action: action, version: version)
        return IncomingRequest(
            method: method, path: "/", rawQuery: rawQuery ?? encodeQuery(params),
            headers: signed.map { (name: $0.0, value: $0.1) }, body: [])
    }

    /// A V1 (`HMAC-SHA1`) request with every parameter in the query.
    func v1(
        _ action: String, _ params: [(String, String)] = [], credentials: Credentials? = nil, date: Date? = nil,
        nonce: String = freshNonce(), version: String = ecsAPIVersion, format: String = "JSON"
    ) -> IncomingRequest {
        let all = SignatureV1.sign(
            method: "POST", params: [("Action", action), ("Version", version)] + params,
            credentials: credentials ?? self.credentials, date: date ?? clock.now(),
            nonce: nonce, format: format)
        return IncomingRequest(
            method: "POST", path: "/", rawQuery: encodeQuery(all),
            headers: [(name: "host", value: endpointHost)], body: [])
    }

    func send(_ request: IncomingRequest) async -> Reply { Reply(response: await gateway.handle(request)) }

    /// A V3-signed call.
    func call(_ action: String, _ params: [(String, String)] = []) async -> Reply { await send(v3(action, params)) }

    /// A V1-signed call.
    func callV1(_ action: String, _ params: [(String, String)] = [], format: String = "JSON") async -> Reply {
        await send(v1(action, params, format: format))
    }

    func stop(_ ids: [String], region: String = home, _ extra: [(String, String)] = []) async -> Reply {
        await call("StopInstances", [("RegionId", region)] + idParams(ids) + extra)
    }

    func start(_ ids: [String], region: String = home, _ extra: [(String, String)] = []) async -> Reply {
        await call("StartInstances", [("RegionId", region)] + idParams(ids) + extra)
    }

    func describe(_ params: [(String, String)] = [], region: String = home) async -> Reply {
        await call("DescribeInstances", [("RegionId", region)] + params)
    }

    func instance(_ id: String) async -> Instance? { await fleet.instance(id) }
    func status(_ id: String) async -> InstanceStatus? { await fleet.instance(id)?.status }
    func stoppedMode(_ id: String) async -> String? { await fleet.instance(id)?.stoppedMode }

    /// Every instance's status, to prove that nothing changed.
    func statuses() async -> [String: InstanceStatus] {
        Dictionary(uniqueKeysWithValues: await fleet.snapshot().map { ($0.instanceId, $0.status) })
    }
}

/// A temporary directory removed when the value is released.
final class TempDir: Sendable {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "ecs-sim-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
