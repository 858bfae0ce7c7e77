import ArgumentParser
import ECSAPI
import ECSClient
import FleetCore
import FleetViewModel
import Foundation

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List instances.",
        discussion: """
            Examples:
              ecsfleet --sandbox list
              ecsfleet list --region cn-hangzhou --status Running --tag env=prod
              ecsfleet list --all-regions --name 'web-*' --output json
              ecsfleet list --all-regions --where 'tag:env=dev|test status:running !name:db-' --output ids
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: RegionScope
    @Option(help: "Only instances in this state.")
    var status: StatusArgument?
    @Option(
        help: ArgumentHelp("Only instances whose name matches; * matches any run of characters.", valueName: "glob"))
    var name: String?
    @Option(
        help: ArgumentHelp(
            "Only instances with this tag (KEY=VALUE, or KEY for any value); repeatable.", valueName: "key=value"))
    var tag: [String] = []
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "Only instances matching a query, as the screen's filter: 'tag:env=dev|test status:running !name:db-' (see the README).",
            valueName: "query"))
    var query: String?
    @Option(help: "table, json, csv, or ids (one ID a line).") var output: OutputFormat = .table

    func run() async throws {
        let status = self.status?.value
        var query: InstanceQuery?
        if let text = self.query { query = try RegionResolution.parse(text) }
        let tags = try tag.map { t throws(CommandError) -> DescribeInstancesRequest.Tag in
            let kv = t.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let key = kv.first, !key.isEmpty else { throw .usage("--tag must be KEY=VALUE or KEY, got '\(t)'") }
            return .init(key: key, value: kv.count == 2 ? kv[1] : nil)
        }
        if scope.allRegions && !global.regions.isEmpty {
            throw CommandError.usage(
                "--all-regions lists every region; leave out --region, or drop --all-regions to list only \(global.regions.joined(separator: ", "))"
            )
        }
        // DescribeRegions takes no RegionId and lists the account's regions from any regional endpoint, so
        // --all-regions needs no region of the operator's. Without one (no --region, ALIBABA_CLOUD_REGION_ID or
        // profile region_id) the call goes to cn-hangzhou, whose endpoint is the plain ecs.aliyuncs.com (notes
        // section 7); each region is then listed at the RegionEndpoint the answer names ("prefer it once known").
        let session = try await CloudSession.open(
            global, allRegions: scope.allRegions)
        defer { Task { await session.close() } }
        let retry = session.client.configuration.retry
        var regions = session.regions(global)
        if scope.allRegions {
            do {
                let answer = try await session.client.send(DescribeRegionsRequest(acceptLanguage: "en-US"))
                session.client.learnEndpoints(answer.regions)
                regions = answer.regions.map(\.regionId)
            } catch {
                throw CallFailure.commandError(
                    error, action: ECSAction.describeRegions, region: session.account.region, retry: retry,
                    consequence: "Nothing was listed.")
            }
        }
        if output == .json {
            let pieces = try await Self.fetchJSON(regions, session: session, retry: retry, query: query) { region in
                var r = DescribeInstancesRequest(regionId: region)
                r.status = status?.rawValue
                r.instanceName = name
                r.tags = tags
                return r
            }
            await session.close()
            Self.writeStandardOutput(pieces + [[0x0A]])
            return
        }
        var instances: [Instance] = []
        for region in regions {
            var r = DescribeInstancesRequest(regionId: region)
            r.status = status?.rawValue
            r.instanceName = name
            r.tags = tags
            do {
                for try await page in session.client.numberedInstancePages(r) {
                    instances += query.map { page.filter($0.matches) } ?? page
                }
            } catch let error as ECSCallError {
                throw Self.failure(error, region: region, retry: retry)
            }
        }
        await session.close()
        if output == .csv || output == .ids {
            Self.writeStandardOutput([Array(Self.machineText(instances, format: output).utf8)[...]])
            return
        }
        let table = Self.table(instances, showRegion: regions.count > 1).renderBytes(width: TerminalFacts.width())
        var counts: [String: Int] = [:]
        for i in instances { counts[i.status.rawValue, default: 0] += 1 }
        let summary = InstanceStatus.all.compactMap { s in counts[s.rawValue].map { "\($0) \(s.rawValue)" } }.joined(
            separator: ", ")
        let footer = "\n\(instances.count) instances" + (summary.isEmpty ? "" : ": \(summary)") + "\n"
        Self.writeStandardOutput([table[...], Array(footer.utf8)[...]])
    }

    /// The JSON array of every instance of `regions`, in pieces. Each page is rendered by a task of its own as it
    /// arrives, so rendering runs alongside fetching and decoding, on every core.
    static func fetchJSON(
        _ regions: [String], session: CloudSession, retry: RetryPolicy, query: InstanceQuery?,
        request: (String) -> DescribeInstancesRequest
    ) async throws -> [ArraySlice<UInt8>] {
        let pages = try await withThrowingTaskGroup(of: (Int, [UInt8], Int).self) { group in
            var count = 0
            for region in regions {
                do {
                    for try await page in session.client.numberedInstancePages(request(region)) {
                        let index = count
                        count += 1
                        group.addTask {
                            let kept = query.map { page.filter($0.matches) } ?? page
                            return (index, InstanceJSONArray.elements(kept, pretty: true), kept.count)
                        }
                    }
                } catch let error as ECSCallError {
                    throw failure(error, region: region, retry: retry)
                }
            }
            var rendered = [([UInt8], Int)](repeating: ([], 0), count: count)
            for try await (index, piece, instances) in group { rendered[index] = (piece, instances) }
            return rendered
        }
        var json = InstanceJSONArray(pretty: true)
        for (piece, count) in pages { json.append(elements: piece, count: count) }
        return json.finish()
    }

    /// A failed page: nothing is printed (a partial list would pass for a whole one), and the status says
    /// whose the failure is.
    static func failure(_ error: ECSCallError, region: String, retry: RetryPolicy) -> CommandError {
        CallFailure.commandError(
            error, action: ECSAction.describeInstances, region: region, retry: retry,
            consequence: "Nothing was listed (a partial list would look complete).")
    }

    /// `write(2)` straight from the bytes instead of `print` (17 MB of JSON for 10,000 instances, which `print`
    /// would first make a `String`). A closed pipe (`ecsfleet list | head`) ends it quietly, as `print` did:
    /// SIGPIPE is ignored in `main`.
    static func writeStandardOutput(_ pieces: [ArraySlice<UInt8>]) {
        for piece in pieces {
            let written = piece.withUnsafeBytes { buffer -> Bool in
                guard let base = buffer.baseAddress else { return true }
                var offset = 0
                while offset < buffer.count {
                    let n = write(STDOUT_FILENO, base + offset, buffer.count - offset)
                    if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else { return false }
                }
                return true
            }
            if !written { return }
        }
    }

    static func table(_ instances: [Instance], showRegion: Bool) -> TableWriter {
        var t = TableWriter(columns: [
            // NAME is capped: one generated name of 135 columns would otherwise push out every column but ID and
            // STATUS. Longer names end in `…` (the JSON output has them whole).
            .init(title: "ID", priority: 100, minWidth: 22),
            .init(title: "NAME", priority: 90, minWidth: 8, maxWidth: 36),
            .init(title: "STATUS", priority: 100, minWidth: 8), .init(title: "REGION", priority: showRegion ? 80 : -1),
            .init(title: "TYPE", priority: 50), .init(title: "ZONE", priority: 40),
            .init(title: "PRIVATE IP", priority: 60),
            .init(title: "PUBLIC IP", priority: 55), .init(title: "CHARGE", priority: 30),
            .init(title: "ECONOMICAL", priority: 20),
            .init(title: "LOCKS", priority: 35), .init(title: "TAGS", priority: 10),
        ])
        for i in instances {
            t.add([
                i.instanceId, i.instanceName, i.status.rawValue, i.regionId, i.instanceType, i.zoneId,
                i.privateIp ?? "-",
                i.publicIp ?? "-",
                i.instanceChargeType == "PrePaid"
                    ? "subscription" : (i.spotStrategy == "NoSpot" ? "pay-as-you-go" : "spot"),
                i.isEconomicalModeEligible ? "yes" : "no",
                i.operationLocks.isEmpty ? "-" : i.lockReasons.joined(separator: ","),
                i.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            ])
        }
        return t
    }
}
