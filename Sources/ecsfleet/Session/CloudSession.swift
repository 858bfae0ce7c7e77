import ECSAPI
import ECSClient
import FleetCore
import FleetViewModel
import Foundation
import Logging

/// Everything a command needs to talk to ECS: the account, the client, and the embedded sandbox if any.
struct CloudSession {
    let account: Account
    /// Where the credentials came from, for the screen's header and `--verbose` (never a secret).
    let source: CredentialSource
    let client: ECSClient
    /// STS, the metadata service and the credentials URI are reached through this one.
    let credentialTransport: AsyncHTTPTransport
    let sandbox: Sandbox?
    let environment: [String: String]

    var service: ClientService { ClientService(client: client) }
    var stateDirectory: String { AppPaths(environment: environment).stateDirectory }

    /// A session for a command over some regions: with `allRegions`, an account that names no region still gets
    /// one, `regionsCallRegion`, to ask `DescribeRegions` from.
    static func open(_ g: GlobalOptions, allRegions: Bool) async throws(CommandError) -> CloudSession {
        try await open(g, fallbackRegion: allRegions ? regionsCallRegion : nil)
    }

    /// Where `DescribeRegions` is asked when the account names no region (any region answers for all).
    static let regionsCallRegion = "cn-hangzhou"

    /// - Parameter fallbackRegion: the region when the account names none (see `AccountResolver.resolve`).
    static func open(_ g: GlobalOptions, fallbackRegion: String? = nil) async throws(CommandError) -> CloudSession {
        let environment = ProcessInfo.processInfo.environment
        let signature = g.signature.value
        if g.sandbox, let sts = g.stsEndpoint {
            throw .usage(
                "--sandbox answers STS itself, so --sts-endpoint \(sts) cannot be used with it: drop one of them.")
        }
        guard (1...256).contains(g.maxConcurrency) else {
            throw .usage("--max-concurrency must be from 1 to 256, got \(g.maxConcurrency)")
        }
        try checkRegionIDs(g.regions, source: "--region")
        if g.sandbox, let endpoint = g.endpoint {
            // Both would leave the operator unsure which fleet a stop reached.
            throw .usage(
                "--sandbox runs its own simulator, so --endpoint \(endpoint) cannot be used with it: drop one of them.")
        }
        var sandbox: Sandbox?
        var account: Account
        var endpointText = g.endpoint
        var endpointOverride: Endpoint?
        let home = AppPaths(environment: environment).home
        do throws(CommandError) {
            if g.sandbox {
                let s = try await Sandbox.start(stateDirectory: AppPaths(environment: environment).stateDirectory)
                sandbox = s
                endpointText = s.endpoint
                account = try Sandbox.account(
                    profile: g.profile, region: g.regions.first, environment: environment, home: home)
            } else {
                do throws(AccountError) {
                    account = try AccountResolver.resolve(
                        profile: g.profile, region: g.regions.first, environment: environment,
                        configPath: AppPaths(environment: environment).aliyunConfig,
                        credentialsPath: AppPaths(environment: environment).credentialsFile,
                        fallbackRegion: fallbackRegion)
                } catch {
                    throw linesThenUsage(error.description)
                }
            }
            for warning in account.warnings { TerminalFacts.printError("ecsfleet: " + SafeText.escaped(warning)) }
            try checkRegionIDs(
                [account.region], source: "the region (ALIBABA_CLOUD_REGION_ID or the profile's region_id)")
            if let endpointText {
                do { endpointOverride = try Endpoint(parsing: endpointText, insecureHTTP: g.insecureHTTP) } catch {
                    throw CommandError.usage("--endpoint: \(error)")
                }
            }
        } catch {
            sandbox?.stop()
            throw error
        }
        var logger: Logger?
        if g.verbose {
            var l = Logger(label: "ecsfleet")
            l.logLevel = .info
            logger = l
        }
        let credentialTransport = AsyncHTTPTransport()
        let resolved: CredentialChain.Resolved
        do throws(CommandError) {
            let fetcher = try credentialFetcher(
                g, environment: environment, transport: credentialTransport, sandboxURL: sandbox?.endpoint,
                logger: logger)
            do throws(CredentialError) {
                resolved = try await CredentialChain.resolve(account.steps, fetcher: fetcher)
            } catch { throw linesThenUsage(error.description) }
        } catch {
            await credentialTransport.shutdown()
            sandbox?.stop()
            throw error
        }
        var configuration = ECSClient.Configuration(credentials: resolved.first, defaultRegion: account.region)
        configuration.signature = signature
        configuration.concurrency = .init(ceiling: g.maxConcurrency)
        configuration.endpointOverride = endpointOverride
        configuration.credentialProvider = resolved.provider
        if g.verbose {
            TerminalFacts.printError("ecsfleet: credentials from " + SafeText.escaped(resolved.source.description))
        }
        let client = ECSClient(
            configuration: configuration,
            transport: AsyncHTTPTransport(maxConnectionsPerHost: max(16, g.maxConcurrency)),
            logger: logger)
        return CloudSession(
            account: account, source: resolved.source, client: client, credentialTransport: credentialTransport,
            sandbox: sandbox, environment: environment)
    }

    /// A message of several lines (the chain's steps, one a line) as lines on stderr, each escaped as `main`
    /// escapes a message, and its last line as the error, which `main` prints.
    static func linesThenUsage(_ text: String) -> CommandError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines.dropLast() { TerminalFacts.printError("ecsfleet: " + SafeText.escaped(line)) }
        return .usage(lines.last ?? text)
    }

    /// Region IDs are letters, digits and `-`. Anything else is a typing mistake, and would otherwise go into the
    /// host name of a public endpoint (`ecs.<region>.aliyuncs.com`) and come back as a DNS error.
    static func checkRegionIDs(_ regions: [String], source: String) throws(CommandError) {
        for r in regions
        where r.isEmpty
            || !r.utf8.allSatisfy({
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
            })
        {
            throw .usage("\(source): '\(r)' is not a region ID (letters, digits and '-', such as cn-hangzhou)")
        }
    }

    func close() async {
        await client.shutdown()
        await credentialTransport.shutdown()
        sandbox?.stop()
    }

    /// The regions to work in: the ones given, else every sandbox region, else the account's.
    func regions(_ g: GlobalOptions) -> [String] {
        if g.regions.isEmpty { return sandbox == nil ? [account.region] : Sandbox.regions }
        var seen = Set<String>()
        return g.regions.filter { seen.insert($0).inserted }
    }
}

/// The real client, as FleetCore's `ECSService`.
struct ClientService: ECSService {
    let client: ECSClient
    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response { try await client.send(request) }
}
