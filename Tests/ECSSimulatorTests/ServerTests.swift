import AsyncHTTPClient
import ECSAPI
import ECSSimulator
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

struct ServerDidNotStart: Error {}

/// Runs a `SimulatorServer` on a free port for the duration of `body`, then cancels it.
func withServer<T: Sendable>(_ sim: Sim, _ body: (String) async throws -> T) async throws -> T {
    let (ready, continuation) = AsyncStream.makeStream(of: String.self)
    var quiet = Logger(label: "ecs-sim-tests")
    quiet.logLevel = .critical
    let server = SimulatorServer(gateway: sim.gateway, host: "127.0.0.1", port: 0, logger: quiet)
    let task = Task {
        do { try await server.run { url in continuation.yield(url) } } catch {}
        continuation.finish()
    }
    var iterator = ready.makeAsyncIterator()
    guard let url = await iterator.next() else { throw ServerDidNotStart() }
    do {
        let result = try await body(url)
        task.cancel()
        _ = await task.result
        return result
    } catch {
        task.cancel()
        _ = await task.result
        throw error
    }
}

struct HTTPAnswer: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
}

/// Sends one V3-signed request over real HTTP.
func httpCall(
    _ sim: Sim, _ url: String, _ action: String, _ params: [(String, String)],
    rawQuery: String? = nil, signed: Bool = true
) async throws -> HTTPAnswer {
    let host = String(url.dropFirst("http://".count))
    var request = HTTPClientRequest(url: url + "/?" + (rawQuery ?? encodeQuery(params)))
    request.method = .POST
    if signed {
        let headers = SignatureV3.sign(
            method: "POST", query: params.map { (name: $0.0, value: $0.1) },
            headers: ["accept": "application/json"], credentials: sim.credentials,
            date: sim.clock.now(), nonce: freshNonce(), host: host, action: action,
            version: ecsAPIVersion)
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    let body = try await response.body.collect(upTo: 1 << 22)
    return HTTPAnswer(status: Int(response.status.code), headers: response.headers, body: Array(buffer: body))
}

@Suite("HTTP server and concurrency")
struct ServerTests {
    @Test("One real signed HTTP request is answered, then the server stops when cancelled")
    func realRequest() async throws {
        let sim = Sim([makeInstance("i-a"), makeInstance("i-b")])
        let url = try await withServer(sim) { url in
            #expect(url.hasPrefix("http://127.0.0.1:"))
            #expect(!url.hasSuffix(":0"))
            let describe = try await httpCall(sim, url, "DescribeInstances", [("RegionId", home)])
            #expect(describe.status == 200)
            #expect(describe.headers.first(name: "content-type") == "application/json;charset=utf-8")
            #expect(describe.headers.first(name: "x-acs-request-id") == describe.json["RequestId"]?.stringValue)
            #expect(describe.json["Instances"]?.unwrappedList("Instance").count == 2)

            let stop = try await httpCall(sim, url, "StopInstances", [("RegionId", home), ("InstanceId.1", "i-a")])
            #expect(stop.status == 200)
            #expect(stop.json["InstanceResponses"]?.unwrappedList("InstanceResponse").first?["Code"] == .string("200"))
            #expect(await sim.status("i-a") == .stopping)

            let error = try await httpCall(sim, url, "StopInstances", [("RegionId", home), ("InstanceId.1", "i-a")])
            #expect(error.status == 403)
            #expect(error.json["Code"]?.stringValue == "IncorrectInstanceStatus")
            #expect(error.json["HostId"]?.stringValue == String(url.dropFirst("http://".count)))
            return url
        }
        // Cancelled: the port is closed (a plain TCP connect is refused at once).
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        await #expect(throws: (any Error).self) {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port).get()
            try await channel.close()
        }
    }

    @Test("A '+' in a real URL decodes to a space and verifies")
    func plusOverHTTP() async throws {
        let sim = Sim([makeInstance("i-a") { $0.instanceName = "my web" }])
        try await withServer(sim) { url in
            let answer = try await httpCall(
                sim, url, "DescribeInstances", [("RegionId", home), ("InstanceName", "my web")],
                rawQuery: "RegionId=\(home)&InstanceName=my+web")
            #expect(answer.status == 200)
            #expect(answer.json["Instances"]?.unwrappedList("Instance").count == 1)
        }
    }

    @Test("A URL of almost 64 KiB with bad parameters gets a JSON error")
    func longURL() async throws {
        let sim = Sim([makeInstance("i-a")])
        try await withServer(sim) { url in
            let raw = "RegionId=\(home)&Junk=" + String(repeating: "x", count: 63 * 1024) + "&Bad=%zz"
            let answer = try await httpCall(sim, url, "DescribeInstances", [], rawQuery: raw, signed: false)
            #expect((400..<500).contains(answer.status))
            #expect(answer.json["Code"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("A body over 1 MiB is not read, and the request still gets a JSON error")
    func hugeBody() async throws {
        let sim = Sim([makeInstance("i-a")])
        try await withServer(sim) { url in
            var request = HTTPClientRequest(url: url + "/")
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/x-www-form-urlencoded")
            let chunk = String(repeating: "Junk=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx&", count: 50_000)
            request.body = .bytes(ByteBuffer(string: chunk))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 1 << 22)
            #expect((400..<500).contains(Int(response.status.code)))
            #expect((try? JSONValue(parsing: Array(buffer: body)))?["Code"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("drop=1 closes the connection without an answer")
    func dropOverHTTP() async throws {
        let faults = try FaultSpec(parsing: "drop=1")
        let sim = Sim([makeInstance("i-a")]) { $0.faults = faults }
        try await withServer(sim) { url in
            await #expect(throws: (any Error).self) {
                _ = try await httpCall(sim, url, "StopInstances", [("RegionId", home), ("InstanceId.1", "i-a")])
            }
            #expect(await sim.status("i-a") == .running)
        }
    }

    @Test("About 200 concurrent requests through the real server are all answered")
    func concurrentHTTP() async throws {
        let sim = Sim((0..<100).map { makeInstance("i-h\($0)") })
        try await withServer(sim) { url in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<200 {
                    group.addTask {
                        let answer =
                            n < 100
                            ? try await httpCall(
                                sim, url, "StopInstances", [("RegionId", home), ("InstanceId.1", "i-h\(n)")])
                            : try await httpCall(
                                sim, url, "DescribeInstances", [("RegionId", home), ("MaxResults", "100")])
                        return answer.status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(await sim.statuses().values.allSatisfy { $0 == .stopping })
        }
    }

    @Test("1,000 concurrent requests through the gateway are all answered")
    func concurrentGateway() async {
        let sim = Sim((0..<500).map { makeInstance("i-g\($0)") })
        let replies = await withTaskGroup(of: (Int, Reply).self) { group in
            for n in 0..<1000 {
                group.addTask {
                    switch n % 4 {
                    case 0, 2: return (n, await sim.stop(["i-g\(n / 2)"]))
                    case 1: return (n, await sim.describe([("MaxResults", "50")]))
                    default:
                        return (
                            n,
                            await sim.send(sim.v1("DescribeInstanceStatus", [("RegionId", home), ("PageSize", "50")]))
                        )
                    }
                }
            }
            return await group.reduce(into: [Int: Reply]()) { $0[$1.0] = $1.1 }
        }
        #expect(replies.count == 1000)
        #expect(replies.values.allSatisfy { $0.status == 200 })
        #expect(Set(replies.values.compactMap { $0.json["RequestId"]?.stringValue }).count == 1000)
        #expect(await sim.statuses().values.allSatisfy { $0 == .stopping })
    }
}
