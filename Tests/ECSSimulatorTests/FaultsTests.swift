import ECSAPI
import ECSSimulator
import Foundation
import Testing

@Suite("Faults and rate limits")
struct FaultsTests {
    // MARK: FaultSpec parsing

    @Test("FaultSpec parses every fault")
    func parseAll() throws {
        let spec = try FaultSpec(parsing: "throttle=0.05,error500=0.1, error503 = 0.02 ,drop=1,droplate=0,latency=5-40")
        #expect(spec.throttle == 0.05)
        #expect(spec.error500 == 0.1)
        #expect(spec.error503 == 0.02)
        #expect(spec.drop == 1)
        #expect(spec.dropLate == 0)
        #expect(spec.latency == DelayRange(min: 5, max: 40))
        #expect(spec.isActive)
        #expect(try FaultSpec(parsing: "latency=7").latency == DelayRange(min: 7, max: 7))
        #expect(try FaultSpec(parsing: "").isActive == false)
        #expect(try FaultSpec(parsing: "throttle=0,error500=0").isActive == false)
        #expect(FaultSpec().isActive == false)
    }

    @Test(
        "FaultSpec errors name the part that is wrong",
        arguments: [
            ("throttle", "throttle"), ("throttle=2", "throttle"), ("error500=-0.1", "error500"), ("drop=lots", "drop"),
            ("bogus=1", "bogus"), ("latency=40-5", "latency"), ("latency=fast", "latency"), ("throttle=0.1,=3", "="),
            ("droplate=nan", "droplate"),
        ])
    func parseErrors(_ text: String, _ named: String) {
        #expect {
            try FaultSpec(parsing: text)
        } throws: { error in
            guard let e = error as? ConfigurationError else { return false }
            return e.description.contains(named) && e.description.hasPrefix("--faults") && !e.description.contains("\n")
        }
    }

    // MARK: Injected faults

    func faulty(_ spec: String, _ instances: [Instance] = [makeInstance("i-a")]) throws -> Sim {
        let faults = try FaultSpec(parsing: spec)
        return Sim(instances) { $0.faults = faults }
    }

    @Test("throttle=1: Throttling.User (400) with x-acs-retry-after, and nothing happens")
    func throttle() async throws {
        let sim = try faulty("throttle=1")
        let reply = await sim.stop(["i-a"])
        #expect(reply.code == "Throttling.User")
        #expect(reply.status == 400)
        #expect(Int(reply.header("x-acs-retry-after") ?? "") ?? 0 > 0)
        #expect(await sim.status("i-a") == .running)
    }

    @Test(
        "error500=1: 500 InternalError; error503=1: 503 ServiceUnavailable; nothing happens",
        arguments: [
            ("error500=1", 500, "InternalError"), ("error503=1", 503, "ServiceUnavailable"),
        ])
    func serverErrors(_ spec: String, _ http: Int, _ code: String) async throws {
        let sim = try faulty(spec)
        let reply = await sim.stop(["i-a"])
        #expect(reply.status == http)
        #expect(reply.code == code)
        #expect(reply.isJSON)
        #expect(reply.header("x-acs-request-id") == reply.json["RequestId"]?.stringValue)
        #expect(await sim.status("i-a") == .running)
    }

    @Test("drop=1: the connection is dropped before the call is applied")
    func drop() async throws {
        let sim = try faulty("drop=1")
        let reply = await sim.stop(["i-a"])
        #expect(reply.response.dropConnection)
        #expect(await sim.status("i-a") == .running)
    }

    @Test("droplate=1: the stop IS applied, then the connection is dropped")
    func dropLate() async throws {
        let sim = try faulty("droplate=1")
        let reply = await sim.stop(["i-a"])
        #expect(reply.response.dropConnection)
        #expect(await sim.status("i-a") == .stopping)
        // The client's re-send is refused: the instance already left Running.
        let faults = try FaultSpec(parsing: "droplate=0")
        let check = Sim(
            gateway: APIGateway(
                fleet: sim.fleet,
                configuration: {
                    var c = SimulatorConfiguration()
                    c.faults = faults
                    return c
                }(),
                clock: sim.clock), clock: sim.clock)
        #expect(await check.stop(["i-a"]).code == "IncorrectInstanceStatus")
    }

    @Test("latency=5-5 delays the answer by 5 ms (the HTTP front waits; the gateway only says so)")
    func latency() async throws {
        let sim = try faulty("latency=5-5")
        let reply = await sim.describe()
        #expect(reply.status == 200)
        #expect(abs(reply.response.delay - 0.005) < 1e-9)
        let plain = Sim([makeInstance("i-a")])
        #expect(await plain.describe().response.delay == 0)
    }

    @Test("Faults come after authentication: a bad signature is still SignatureDoesNotMatch")
    func faultsAfterAuth() async throws {
        let sim = try faulty("error503=1")
        let reply = await sim.send(sim.v3("DescribeInstances", [("RegionId", home)], credentials: wrongSecret))
        #expect(reply.code == "SignatureDoesNotMatch")
    }

    @Test("Fault draws are reproducible from the seed and roughly follow the probability")
    func faultRates() async throws {
        func run() async throws -> [Int] {
            let sim = try faulty("throttle=0.3")
            var statuses: [Int] = []
            for _ in 0..<200 { statuses.append(await sim.describe().status) }
            return statuses
        }
        let first = try await run()
        #expect(try await run() == first)
        let throttled = first.filter { $0 == 400 }.count
        #expect((20...100).contains(throttled), "\(throttled) of 200 at p=0.3")
    }

    // MARK: Rate limit

    @Test("rateLimit = 2: the third immediate call is throttled; after 1 s calls pass again")
    func rateLimit() async {
        let sim = Sim([makeInstance("i-a")]) { $0.rateLimit = 2 }
        #expect(await sim.describe().status == 200)
        #expect(await sim.describe().status == 200)
        let third = await sim.describe()
        #expect(third.code == "Throttling.User")
        #expect(third.status == 400)
        let wait = Int(third.header("x-acs-retry-after") ?? "")
        #expect(wait != nil && wait! > 0 && wait! <= 1000)
        // Another API has its own bucket.
        #expect(await sim.call("DescribeRegions").status == 200)
        sim.clock.advance(by: 1)
        #expect(await sim.describe().status == 200)
        #expect(await sim.describe().status == 200)
        #expect(await sim.describe().code == "Throttling.User")
        // Half a second gives back one call.
        sim.clock.advance(by: 0.5)
        #expect(await sim.describe().status == 200)
        #expect(await sim.describe().code == "Throttling.User")
    }

    @Test("A rate below one call a second lets calls through once x-acs-retry-after has passed")
    func slowRate() async {
        let sim = Sim([makeInstance("i-a")]) { $0.rateLimit = 0.5 }
        var passed = 0
        for _ in 0..<5 {
            let reply = await sim.describe()
            if reply.status == 200 {
                passed += 1
                break
            }
            #expect(reply.code == "Throttling.User")
            let wait = Double(reply.header("x-acs-retry-after") ?? "") ?? 0
            #expect(wait > 0)
            sim.clock.advance(by: wait / 1000)
        }
        #expect(passed == 1, "with --rate-limit 0.5 a client that honours x-acs-retry-after must get through")
        sim.clock.advance(by: 2)
        #expect(await sim.describe().status == 200, "one call every 2 s")
    }

    @Test("A throttled stop changes nothing")
    func throttledStop() async {
        let sim = Sim([makeInstance("i-a"), makeInstance("i-b"), makeInstance("i-c")]) { $0.rateLimit = 2 }
        #expect(await sim.stop(["i-a"]).status == 200)
        #expect(await sim.stop(["i-b"]).status == 200)
        #expect(await sim.stop(["i-c"]).code == "Throttling.User")
        #expect(await sim.status("i-c") == .running)
    }
}
