import ECSAPI
import ECSClient
import FleetCore
import Foundation
import Logging

/// Everything a command needs to talk to ECS: the account, the client, and the embedded sandbox if any.
struct CloudSession {
    let account: Account
    let client: ECSClient
    let sandbox: Sandbox?
    let environment: [String: String]

    var service: ClientService { ClientService(client: client) }
    var stateDirectory: String { Journal.stateDirectory(environment: environment) }

    /// - Parameter fallbackRegion: the region when the account names none (see `AccountResolver.resolve`).
    static func open(_ g: GlobalOptions, fallbackRegion: String? = nil) async throws(CommandError) -> CloudSession {
        let environment = ProcessInfo.processInfo.environment
        let signature = try g.signatureVersion()
        guard (1...256).contains(g.maxConcurrency) else { throw .usage("--max-concurrency must be from 1 to 256, got \(g.maxConcurrency)") }
        try checkRegionIDs(g.regions, source: "--region")
        if g.sandbox, let endpoint = g.endpoint {
            // Both would leave the operator unsure which fleet a stop reached.
            throw .usage("--sandbox runs its own simulator, so --endpoint \(endpoint) cannot be used with it: drop one of them.")
        }
        var sandbox: Sandbox?
        let account: Account
        var endpointText = g.endpoint
        if g.sandbox {
            let s = try await Sandbox.start(stateDirectory: Journal.stateDirectory(environment: environment))
            sandbox = s
            endpointText = s.endpoint
            account = Account(credentials: Sandbox.credentials, region: g.regions.first ?? Sandbox.regions[0], profile: "sandbox")
        } else {
            do {
                let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
                account = try AccountResolver.resolve(profile: g.profile, region: g.regions.first, environment: environment,
                                                      configPath: home + "/.aliyun/config.json", fallbackRegion: fallbackRegion)
            } catch {
                throw .usage(error.description)
            }
        }
        try checkRegionIDs([account.region], source: "the region (ALIBABA_CLOUD_REGION_ID or the profile's region_id)")
        var configuration = ECSClient.Configuration(credentials: account.credentials, defaultRegion: account.region)
        configuration.signature = signature
        configuration.concurrency = .init(ceiling: g.maxConcurrency)
        if let endpointText {
            do { configuration.endpointOverride = try Endpoint(parsing: endpointText, insecureHTTP: g.insecureHTTP) } catch {
                sandbox?.stop()
                throw .usage("--endpoint: \(error)")
            }
        }
        var logger: Logger?
        if g.verbose {
            var l = Logger(label: "ecsfleet")
            l.logLevel = .info
            logger = l
        }
        let client = ECSClient(configuration: configuration, transport: AsyncHTTPTransport(maxConnectionsPerHost: max(16, g.maxConcurrency)), logger: logger)
        return CloudSession(account: account, client: client, sandbox: sandbox, environment: environment)
    }

    /// Region IDs are letters, digits and `-`. Anything else is a typing mistake, and would otherwise go into the
    /// host name of a public endpoint (`ecs.<region>.aliyuncs.com`) and come back as a DNS error.
    static func checkRegionIDs(_ regions: [String], source: String) throws(CommandError) {
        for r in regions where r.isEmpty || !r.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
            throw .usage("\(source): '\(r)' is not a region ID (letters, digits and '-', such as cn-hangzhou)")
        }
    }

    func close() async {
        await client.shutdown()
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
