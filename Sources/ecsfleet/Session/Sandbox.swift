import ECSAPI
import ECSSimulator
import Foundation
import Logging

/// The embedded simulator behind `--sandbox`: a generated fleet of about 300 instances over three regions,
/// served on a free loopback port for the life of the command. Its state is kept in the state directory, so
/// a stop made by one command is still there for the next.
struct Sandbox {
    static let regions = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"]
    static let credentials = Credentials(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret")
    /// The role of the sandbox's pretend ECS instance, for `EcsRamRole` profiles and the metadata service.
    static let instanceRole = "fleet-instance"

    let endpoint: String
    let task: Task<Void, Never>

    static func start(stateDirectory: String) async throws(CommandError) -> Sandbox {
        var configuration = SimulatorConfiguration()
        configuration.credentials = credentials
        configuration.seed = 2026
        // Any role and OIDC provider may be assumed, and the instance has a role: every sign-in mode can be tried.
        configuration.instanceRole = instanceRole
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        configuration.statePath = stateDirectory + "/sandbox-state.json"
        let gateway: APIGateway
        do {
            gateway = try await Simulator.makeGateway(
                source: .generated(count: 300, regions: regions), configuration: configuration)
        } catch {
            throw .usage("--sandbox: \(error)")
        }
        var quiet = Logger(label: "ecsfleet.sandbox")
        quiet.logLevel = .critical
        let server = SimulatorServer(gateway: gateway, host: "127.0.0.1", port: 0, logger: quiet)
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let task = Task {
            do {
                try await server.run {
                    continuation.yield($0)
                    continuation.finish()
                }
            } catch {}
            continuation.finish()
        }
        var endpoint: String?
        for await url in stream {
            endpoint = url
            break
        }
        guard let endpoint else { throw .usage("--sandbox: the embedded simulator could not start") }
        return Sandbox(endpoint: endpoint, task: task)
    }

    func stop() { task.cancel() }

    /// The sandbox's account: its own key, or with `--profile` that aliyun CLI profile, whose STS and metadata
    /// calls go to the sandbox too (so every mode can be tried without a cloud account). The journal records
    /// `sandbox` either way, so `--sandbox journal --resume` finds the operation.
    static func account(profile: String?, region: String?, environment: [String: String], home: String)
        throws(CommandError) -> Account
    {
        let region = region ?? regions[0]
        guard let profile else {
            return Account(credentials: credentials, region: region, profile: "sandbox", source: .sandbox)
        }
        do throws(AccountError) {
            var account = try AccountResolver.resolve(
                profile: profile, region: region, environment: environment, configPath: home + "/.aliyun/config.json")
            account.profile = "sandbox"
            return account
        } catch {
            throw .usage(error.description)
        }
    }
}
