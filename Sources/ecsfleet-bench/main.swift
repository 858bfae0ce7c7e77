import ArgumentParser
import ECSAPI
import ECSClient
import FleetCore
import Foundation
import Synchronization

/// `ecsfleet-bench`: measures the real `ECSClient` (V3 signing, one `--endpoint`) against a running `ecs-sim`:
///
/// - (a) `DescribeInstances` pages of 100 per second, N workers each paging a region with `MaxResults`/`NextToken`
///   (restarting from the first page when the region ends), for a fixed time;
/// - (b) `StopInstances` calls per second: `DryRun` `AllTogether` calls naming 1-5 running instances (the fleet is
///   not used up), then real `SuccessFirst` stops of distinct running instances, 5 a call;
/// - (c) the wall time to list one whole region with `numberedInstancePages` (what `ecsfleet list` does) and with
///   the token-paged `instancePages`, median of several runs.
///
/// Phases run in the order pages, list, dryrun, stop: the real stops come last, as they change the fleet.
/// Prints a report and, last, one JSON line (`{"bench":"ecsfleet", ...}`) for scripts. Exits 1 when a phase
/// could not run at all (errors only, nothing measured), 2 on bad usage.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecsfleet-bench",
        abstract: "Benchmark ECSClient against a running ecs-sim (release build recommended).",
        discussion: """
            Start a simulator first, for example:
              ecs-sim --generate 30000 --regions cn-hangzhou,cn-shanghai,cn-beijing \\
                --seed 1 --pool cn-beijing=60000
            then:
              ecsfleet-bench --endpoint http://127.0.0.1:PORT
            The real-stop phase stops instances in --stop-region: use a simulator
            you can throw away. At 5 instances a call, 2,000 calls a second for
            3 s use 30,000 running instances; --pool gives the stop region enough,
            or the phase ends early and says so.
            """)

    @Option(help: ArgumentHelp("The ecs-sim endpoint URL (first line ecs-sim prints).", valueName: "url")) var endpoint:
        String
    @Option(help: "Access key ID the simulator accepts.") var accessKeyId = "sandbox"
    @Option(help: "Its secret.") var accessKeySecret = "sandbox-secret"
    @Option(help: ArgumentHelp("Region paged in phase (a) and listed in phase (c).", valueName: "region"))
    var listRegion = "cn-hangzhou"
    @Option(help: ArgumentHelp("Region whose running instances the DryRun stop phase names.", valueName: "region"))
    var dryRunRegion = "cn-shanghai"
    @Option(help: ArgumentHelp("Region whose running instances the real-stop phase stops.", valueName: "region"))
    var stopRegion = "cn-beijing"
    @Option(help: "Concurrent workers in the throughput phases.") var workers = 16
    @Option(help: ArgumentHelp("Seconds each throughput phase runs.", valueName: "seconds")) var duration = 3.0
    @Option(help: "Runs of each listing (the median is reported).") var listRuns = 5
    @Option(
        help: "Pages fetched at once by numberedInstancePages (0: up to the client's adaptive limit, as ecsfleet list)."
    ) var listParallel = 0
    @Option(help: ArgumentHelp("Connections per host in the HTTP pool (0: as many as workers).", valueName: "n"))
    var connections = 0
    @Option(help: ArgumentHelp("Phases to run: any of pages,dryrun,stop,list.", valueName: "list")) var phases =
        "pages,dryrun,stop,list"
    @Flag(help: "Print only the JSON line.") var jsonOnly = false

    func validate() throws {
        guard workers >= 1, workers <= 1024 else { throw ValidationError("--workers must be from 1 to 1024") }
        guard duration > 0, duration <= 600 else { throw ValidationError("--duration must be from 0 to 600 seconds") }
        guard listRuns >= 1 else { throw ValidationError("--list-runs must be 1 or more") }
        guard listParallel >= 0 else { throw ValidationError("--list-parallel must be 0 (adaptive) or more") }
        let known: Set<String> = ["pages", "dryrun", "stop", "list"]
        for p in phaseSet where !known.contains(p) {
            throw ValidationError("--phases: unknown phase '\(p)' (pages, dryrun, stop, list)")
        }
    }

    var phaseSet: Set<String> {
        Set(phases.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    func run() async throws { try await execute() }

    func execute() async throws {
        let target: Endpoint
        do { target = try Endpoint(parsing: endpoint, insecureHTTP: false) } catch {
            throw ValidationError("--endpoint: \(error)")
        }
        let pool = connections > 0 ? connections : max(workers, 8)
        var config = ECSClient.Configuration(
            credentials: Credentials(accessKeyId: accessKeyId, accessKeySecret: accessKeySecret),
            defaultRegion: listRegion, endpointOverride: target)
        config.signature = .v3
        // The throughput phases start with every worker at once (they measure the simulator, not the ramp-up).
        config.concurrency = .init(initial: max(workers, listParallel), ceiling: max(workers, listParallel, 32))
        config.retry = .none // count what the server does, not what retries hide
        let client = ECSClient(configuration: config, transport: AsyncHTTPTransport(maxConnectionsPerHost: pool))
        let report = Report(jsonOnly: jsonOnly)
        var json: [(String, JSONValue)] = [
            ("bench", .string("ecsfleet")), ("endpoint", .string(target.baseURL)),
            ("workers", .int(workers)), ("duration_s", .double(duration)),
        ]
        var fatal: [String] = []

        report.say(
            "ecsfleet-bench against \(target.baseURL): \(workers) workers, \(duration) s a phase, V3 signing, no retries"
        )
        // Warm the pool and check the endpoint answers at all.
        do {
            var r = DescribeInstancesRequest(regionId: listRegion)
            r.maxResults = 10
            let first = try await client.send(r)
            report.say("endpoint answers; \(listRegion) reports TotalCount \(first.totalCount)")
        } catch {
            report.say("the endpoint does not answer a DescribeInstances: \(error)")
            await client.shutdown()
            report.say("")
            report.line(JSONValue.object(json + [("error", .string("\(error)"))]).jsonText(pretty: false))
            throw ExitCode(1)
        }

        // (a) pages of 100 per second
        if phaseSet.contains("pages") {
            let m = await pagesPhase(client)
            report.say("")
            report.say("(a) DescribeInstances, MaxResults=100, token paging of \(listRegion):")
            report.say(
                String(
                    format:
                        "    %d pages (%d instances) in %.2f s = %.0f pages/s  [target >= 300]  errors %d, latency p50 %.1f ms p99 %.1f ms",
                    m.ok, m.items, m.seconds, m.perSecond, m.errors, m.p50, m.p99))
            if let e = m.firstError { report.say("    first error: \(e)") }
            json.append(("pages_per_s", .double(m.perSecond.rounded3)))
            json.append(("pages", m.json))
            if m.ok == 0 { fatal.append("pages") }
        }

        // (c) listing one region (before any stop, so no instance is in transition)
        if phaseSet.contains("list") {
            report.say("")
            report.say("(c) list of \(listRegion), median of \(listRuns) runs:")
            let numbered = await timeListing(client, runs: listRuns) { c in
                var n = 0
                var r = DescribeInstancesRequest(regionId: listRegion)
                r.maxResults = nil
                for try await page in c.numberedInstancePages(r, parallel: listParallel > 0 ? listParallel : nil) {
                    n += page.count
                }
                return n
            }
            let tokened = await timeListing(client, runs: listRuns) { c in
                var n = 0
                for try await page in c.instancePages(DescribeInstancesRequest(regionId: listRegion)) {
                    n += page.instances.count
                }
                return n
            }
            for (name, m) in [
                (
                    "numberedInstancePages (\(listParallel > 0 ? "parallel \(listParallel)" : "adaptive"), as ecsfleet list)",
                    numbered
                ), ("instancePages (NextToken, sequential)", tokened),
            ] {
                if let e = m.error {
                    report.say("    \(name): failed: \(e)")
                } else {
                    report.say(
                        String(
                            format: "    %@: %d instances, median %.3f s (min %.3f, max %.3f)  [target < 1.5 s]",
                            name, m.count, m.median, m.min, m.max))
                }
            }
            json.append(("list_numbered_s", numbered.error == nil ? .double(numbered.median.rounded3) : .null))
            json.append(("list_token_s", tokened.error == nil ? .double(tokened.median.rounded3) : .null))
            json.append(("list_instances", .int(numbered.count)))
            json.append(("list_numbered", numbered.json))
            json.append(("list_token", tokened.json))
            if numbered.error != nil || tokened.error != nil { fatal.append("list") }
        }

        // (b) StopInstances per second
        if phaseSet.contains("dryrun") || phaseSet.contains("stop") {
            report.say("")
            report.say("(b) StopInstances calls per second:")
        }
        if phaseSet.contains("dryrun") {
            let ids = await runningIDs(client, region: dryRunRegion, onlyStoppable: true)
            if ids.isEmpty {
                report.say("    no stoppable running instances in \(dryRunRegion); DryRun phase skipped")
                fatal.append("dryrun")
            } else {
                let m = await dryRunPhase(client, ids: ids)
                report.say(
                    String(
                        format:
                            "    DryRun AllTogether, 1-5 IDs a call (%@, %d candidates): %d calls in %.2f s = %.0f calls/s  [target >= 2000]  failures %d, p50 %.1f ms p99 %.1f ms",
                        dryRunRegion, ids.count, m.ok, m.seconds, m.perSecond, m.errors, m.p50, m.p99))
                if let e = m.firstError { report.say("    first failure: \(e)") }
                json.append(("stop_dryrun_calls_per_s", .double(m.perSecond.rounded3)))
                json.append(("stop_dryrun", m.json))
                if m.ok == 0 { fatal.append("dryrun") }
            }
        }
        if phaseSet.contains("stop") {
            let ids = await runningIDs(client, region: stopRegion, onlyStoppable: false)
            if ids.count < 5 {
                report.say("    fewer than 5 running instances in \(stopRegion); real-stop phase skipped")
                fatal.append("stop")
            } else {
                let m = await realStopPhase(client, ids: ids)
                report.say(
                    String(
                        format:
                            "    real stop SuccessFirst, 5 distinct IDs a call (%@): %d calls in %.2f s = %.0f calls/s  [target >= 2000]  (%d instances accepted, %d refused per instance), call errors %d, p50 %.1f ms p99 %.1f ms%@",
                        stopRegion, m.ok, m.seconds, m.perSecond, m.items, m.refused, m.errors, m.p50, m.p99,
                        m.exhausted
                            ? "; ran out of running instances before the time was up (start ecs-sim with --pool \(stopRegion)=60000)"
                            : ""))
                if let e = m.firstError { report.say("    first error: \(e)") }
                json.append(("stop_real_calls_per_s", .double(m.perSecond.rounded3)))
                json.append(("stop_real", m.json))
                if m.ok == 0 { fatal.append("stop") }
            }
        }

        await client.shutdown()
        json.append(("ok", .bool(fatal.isEmpty)))
        report.say("")
        report.line(JSONValue.object(json).jsonText(pretty: false))
        if !fatal.isEmpty {
            FileHandle.standardError.write(
                Data("ecsfleet-bench: phases that measured nothing: \(fatal.joined(separator: ", "))\n".utf8))
            throw ExitCode(1)
        }
    }

    // MARK: Phases

    func pagesPhase(_ client: ECSClient) async -> Throughput {
        let region = listRegion
        return await throughput(workers: workers, seconds: duration) { _, stats, deadline in
            var token: String?
            while ContinuousClock.now < deadline {
                var r = DescribeInstancesRequest(regionId: region)
                r.maxResults = 100
                r.nextToken = token
                let started = ContinuousClock.now
                do {
                    let page = try await client.send(r)
                    stats.ok(latency: ContinuousClock.now - started, items: page.instances.count)
                    token = page.nextToken // nil at the end: start the region again
                } catch {
                    stats.error("\(error)")
                    token = nil
                }
            }
        }
    }

    func dryRunPhase(_ client: ECSClient, ids: [String]) async -> Throughput {
        let region = dryRunRegion
        return await throughput(workers: workers, seconds: duration) { worker, stats, deadline in
            var n = worker &* 7919
            while ContinuousClock.now < deadline {
                n &+= 1
                let count = 1 + n % 5
                let start = (n &* 31) % ids.count
                var seen = Set<String>()
                let chosen = (0..<count).map { ids[(start + $0 * 97) % ids.count] }.filter { seen.insert($0).inserted }
                let r = StopInstancesRequest(
                    regionId: region, instanceIds: chosen, batchOptimization: .allTogether, dryRun: true)
                let started = ContinuousClock.now
                do {
                    _ = try await client.send(r)
                    // A 200 to a dry run is not what the API does, but the call did not fail either.
                    stats.ok(latency: ContinuousClock.now - started, items: 0)
                } catch ECSCallError.dryRunPassed {
                    stats.ok(latency: ContinuousClock.now - started, items: 0)
                } catch {
                    stats.error("\(error)")
                }
            }
        }
    }

    func realStopPhase(_ client: ECSClient, ids: [String]) async -> Throughput {
        let region = stopRegion
        let batches = ids.chunked(5)
        let cursor = Atomic<Int>(0)
        var m = await throughput(workers: workers, seconds: duration) { _, stats, deadline in
            while ContinuousClock.now < deadline {
                let i = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < batches.count else {
                    stats.markExhausted()
                    return
                }
                let r = StopInstancesRequest(
                    regionId: region, instanceIds: batches[i], stoppedMode: .keepCharging,
                    batchOptimization: .successFirst)
                let started = ContinuousClock.now
                do {
                    let answer = try await client.send(r)
                    let accepted = answer.instanceResponses.filter(\.succeeded).count
                    stats.ok(
                        latency: ContinuousClock.now - started, items: accepted,
                        refused: answer.instanceResponses.count - accepted)
                } catch ECSCallError.dryRunPassed {
                    stats.ok(latency: ContinuousClock.now - started, items: 0)
                } catch {
                    stats.error("\(error)")
                }
            }
        }
        m.exhausted = m.exhausted || cursor.load(ordering: .relaxed) >= batches.count
        return m
    }

    /// Running instances of `region` (token paging). With `onlyStoppable`, only those an `AllTogether` stop
    /// accepts: no lock, not an expired subscription.
    func runningIDs(_ client: ECSClient, region: String, onlyStoppable: Bool) async -> [String] {
        var r = DescribeInstancesRequest(regionId: region)
        r.status = InstanceStatus.running.rawValue
        var out: [String] = []
        let now = Date()
        do {
            for try await page in client.instancePages(r) {
                for i in page.instances where i.status == .running {
                    if onlyStoppable {
                        if !i.operationLocks.isEmpty { continue }
                        if i.instanceChargeType == "PrePaid", let e = ECSTime.parse(i.expiredTime), e < now { continue }
                        if !Preflight.isWellFormed(i.instanceId) { continue }
                    }
                    out.append(i.instanceId)
                }
            }
        } catch {
            FileHandle.standardError.write(
                Data("ecsfleet-bench: listing running instances of \(region) failed: \(error)\n".utf8))
        }
        return out
    }

    func timeListing(_ client: ECSClient, runs: Int, _ body: @Sendable (ECSClient) async throws -> Int) async -> Listing
    {
        var times: [Double] = []
        var count = 0
        for _ in 0..<runs {
            let started = ContinuousClock.now
            do { count = try await body(client) } catch {
                return Listing(times: times, count: count, error: "\(error)")
            }
            times.append((ContinuousClock.now - started).seconds)
        }
        return Listing(times: times, count: count, error: nil)
    }
}

// MARK: Measuring

/// Counters shared by the workers of one phase.
final class Stats: Sendable {
    struct State {
        var ok = 0, errors = 0, items = 0, refused = 0
        var latencies: [Double] = []
        var firstError: String?
        var exhausted = false
    }
    let state = Mutex(State())

    func ok(latency: Duration, items: Int, refused: Int = 0) {
        state.withLock { s in
            s.ok += 1
            s.items += items
            s.refused += refused
            s.latencies.append(latency.seconds * 1000)
        }
    }

    func error(_ text: String) {
        state.withLock { s in
            s.errors += 1
            if s.firstError == nil { s.firstError = text }
        }
    }

    /// A worker ran out of work before the time was up.
    func markExhausted() { state.withLock { $0.exhausted = true } }
}

struct Throughput {
    var ok: Int, errors: Int, items: Int, refused: Int
    var seconds: Double
    var p50: Double, p99: Double
    var firstError: String?
    var exhausted = false

    /// Successful calls per second.
    var perSecond: Double { seconds > 0 ? Double(ok) / seconds : 0 }

    var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("ok", .int(ok)), ("errors", .int(errors)), ("items", .int(items)), ("seconds", .double(seconds.rounded3)),
            ("per_s", .double(perSecond.rounded3)), ("p50_ms", .double(p50.rounded3)),
            ("p99_ms", .double(p99.rounded3)),
        ]
        if refused > 0 { o.append(("refused", .int(refused))) }
        if exhausted { o.append(("exhausted", .bool(true))) }
        if let firstError { o.append(("first_error", .string(firstError))) }
        return .object(o)
    }
}

/// Runs `workers` copies of `work(worker, stats, deadline)` (each loops until the deadline) and measures the
/// calls completed. A worker that runs out of work returns early; the time is then up to the last worker's end.
func throughput(
    workers: Int, seconds: Double,
    _ work: @escaping @Sendable (Int, Stats, ContinuousClock.Instant) async -> Void
) async -> Throughput {
    let stats = Stats()
    let started = ContinuousClock.now
    let deadline = started + .milliseconds(Int(seconds * 1000))
    await withTaskGroup(of: Void.self) { group in
        for w in 0..<workers {
            group.addTask { await work(w, stats, deadline) }
        }
    }
    let elapsed = (ContinuousClock.now - started).seconds
    return stats.state.withLock { s in
        let sorted = s.latencies.sorted()
        func pct(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
        }
        return Throughput(
            ok: s.ok, errors: s.errors, items: s.items, refused: s.refused, seconds: elapsed,
            p50: pct(0.5), p99: pct(0.99), firstError: s.firstError, exhausted: s.exhausted)
    }
}

struct Listing {
    var times: [Double]
    var count: Int
    var error: String?

    var median: Double {
        let s = times.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var min: Double { times.min() ?? 0 }
    var max: Double { times.max() ?? 0 }

    var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("runs_s", .array(times.map { .double($0.rounded3) })), ("instances", .int(count)),
        ]
        if let error { o.append(("error", .string(error))) }
        return .object(o)
    }
}

/// Prints the human report unless only JSON was asked for.
struct Report: Sendable {
    let jsonOnly: Bool
    func say(_ line: String) {
        guard !jsonOnly else { return }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Always printed (the JSON line).
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension JSONValue {
    /// A JSON number from a finite double (`null` otherwise).
    static func double(_ value: Double) -> JSONValue { value.isFinite ? .number(String(value)) : .null }
}

extension Double {
    var rounded3: Double { (self * 1000).rounded() / 1000 }
}

do {
    let command = try Bench.parse(Array(CommandLine.arguments.dropFirst()))
    try await command.execute()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    if Bench.exitCode(for: error) == .success {
        print(Bench.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data("ecsfleet-bench: \(Bench.message(for: error))\n".utf8))
    exit(2)
}
