import ECSAPI
import ECSClient
import FleetCore
import FleetViewModel

/// Where the instances of a stop, start or status are. IDs of unknown region are looked for in every region
/// of the account (or those `--region` names); a query lists the regions `list` would list (or `--region`,
/// `--all-regions`). Either way the operation then runs per region, as one operation.
struct RegionResolution {
    let session: CloudSession
    let global: GlobalOptions
    let scope: RegionScope

    var retry: RetryPolicy { session.client.configuration.retry }

    /// Every region of the account: the sandbox's three, else what `DescribeRegions` answers (whose endpoints
    /// the client then uses).
    func accountRegions(consequence: String) async throws(CommandError) -> [String] {
        if session.sandbox != nil { return Sandbox.regions }
        do {
            let answer = try await session.client.send(DescribeRegionsRequest(acceptLanguage: "en-US"))
            session.client.learnEndpoints(answer.regions)
            return answer.regions.map(\.regionId)
        } catch {
            throw CallFailure.commandError(
                error, action: ECSAction.describeRegions, region: session.account.region, retry: retry,
                consequence: consequence)
        }
    }

    /// `--region` (each once), every region with `--all-regions`, else `fallback`.
    func regions(consequence: String, fallback: () async throws(CommandError) -> [String]) async throws(CommandError)
        -> [String]
    {
        if scope.allRegions {
            guard global.regions.isEmpty else {
                throw .usage(
                    "--all-regions means every region; leave out --region, or drop --all-regions to use only \(global.regions.joined(separator: ", "))"
                )
            }
            return try await accountRegions(consequence: consequence)
        }
        if !global.regions.isEmpty { return session.regions(global) }
        return try await fallback()
    }

    /// The instances `selection` names, each with its region and what `DescribeInstances` says of it (nothing
    /// for IDs no region has). With `--where`, the instances of the listed regions that match, narrowed to the
    /// IDs named if any.
    func targets(_ selection: InstanceSelection.Resolved, consequence: String) async throws(CommandError)
        -> [RegionLocator.Located]
    {
        guard let wanted = selection.wanted else {
            guard let query = selection.query else { return [] }
            let regions = try await regions(consequence: consequence) { () async throws(CommandError) in
                session.regions(global)
            }
            return try await matching(query, regions: regions, consequence: consequence)
                .map { RegionLocator.Located(instanceId: $0.instanceId, regionId: $0.regionId, instance: $0) }
        }
        // IDs whose region the JSON gave need no search; the others are looked for everywhere allowed.
        var search: [String] = []
        if wanted.contains(where: { $0.regionId == nil }) {
            search = try await regions(consequence: consequence) { () async throws(CommandError) in
                try await accountRegions(consequence: consequence)
            }
        }
        let located: [RegionLocator.Located]
        do { located = try await RegionLocator(service: session.service).locate(wanted, regions: search) } catch {
            throw CallFailure.commandError(
                error, action: ECSAction.describeInstances, region: search.first ?? session.account.region,
                retry: retry, consequence: consequence)
        }
        guard let query = selection.query else { return located }
        return located.filter { $0.instance.map(query.matches) ?? false }
    }

    /// Every instance of `regions` that matches `query`, region by region. A single `status:` value is also
    /// asked of the API, so a stop of the Running few does not page through the whole fleet.
    func matching(_ query: InstanceQuery, regions: [String], consequence: String) async throws(CommandError)
        -> [Instance]
    {
        var out: [Instance] = []
        for region in regions {
            var r = DescribeInstancesRequest(regionId: region)
            r.status = Self.apiStatus(query)
            do {
                for try await page in session.client.numberedInstancePages(r) { out += page.filter(query.matches) }
            } catch let error as ECSCallError {
                throw CallFailure.commandError(
                    error, action: ECSAction.describeInstances, region: region, retry: retry, consequence: consequence)
            } catch {
                throw .failed("Listing \(region) failed: \(error). \(consequence)")
            }
        }
        return out
    }

    /// The API's spelling of the state when the query asks for exactly one (`status:running` → `Running`).
    static func apiStatus(_ query: InstanceQuery) -> String? {
        let states = query.tokens.compactMap { t -> [String]? in
            guard case .field(.status, let values) = t.term, !t.negated else { return nil }
            return values
        }
        guard states.count == 1, states[0].count == 1 else { return nil }
        return InstanceStatus.all.first { $0.rawValue.lowercased() == states[0][0] }?.rawValue
    }

    /// `--where` text as a query, refusing what would silently match everything or nothing: an empty query, a
    /// misspelt key (`stauts:running` would be searched as text), a state that does not exist.
    static func parse(_ text: String) throws(CommandError) -> InstanceQuery {
        let query = InstanceQuery(parsing: text)
        guard !query.isEmpty else {
            throw .usage("--where needs a query, such as 'tag:env=dev status:running' (see the README).")
        }
        if let key = query.unknownKeys.first {
            throw .usage(
                "--where: '\(key):' is not a filter key (status, name, tag, zone, type, region); put a word in double quotes to search for it as text."
            )
        }
        if let state = query.unknownStatuses.first {
            throw .usage(
                "--where: '\(state)' is not an instance state (\(InstanceStatus.all.map(\.rawValue).joined(separator: ", ")))."
            )
        }
        return query
    }
}
