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

    static func open(_ g: GlobalOptions) async throws(CommandError) -> CloudSession {
        let environment = ProcessInfo.processInfo.environment
        let signature = try g.signatureVersion()
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
                                                      configPath: home + "/.aliyun/config.json")
            } catch {
                throw .usage(error.description)
            }
        }
        var configuration = ECSClient.Configuration(credentials: account.credentials, defaultRegion: account.region)
        configuration.signature = signature
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
        let client = ECSClient(configuration: configuration, logger: logger)
        return CloudSession(account: account, client: client, sandbox: sandbox, environment: environment)
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

/// Turns a call error into the command's error: configuration-like problems are usage (status 2).
func describeCallError(_ error: ECSCallError, region: String) -> String {
    switch error {
    case let .api(e) where e.code == ErrorCode.invalidRegionIdNotFound:
        return "Region '\(region)' does not exist. List regions with the aliyun CLI (aliyun ecs DescribeRegions) or check --region."
    case let .api(e) where e.code == ErrorCode.invalidAccessKeyIdNotFound:
        return "The access key is not known to the service: check ALIBABA_CLOUD_ACCESS_KEY_ID or the profile (\(e.code))."
    case let .api(e) where e.code == ErrorCode.signatureDoesNotMatch:
        return "The request signature was rejected: the access key secret is probably wrong (\(e.code))."
    case let .noAnswer(why, _, _):
        return "No answer from the ECS endpoint: \(why). Check the network, --endpoint, or try --sandbox."
    default:
        return error.description
    }
}
