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

    let endpoint: String
    let task: Task<Void, Never>

    static func start(stateDirectory: String) async throws(CommandError) -> Sandbox {
        var configuration = SimulatorConfiguration()
        configuration.credentials = credentials
        configuration.seed = 2026
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        configuration.statePath = stateDirectory + "/sandbox-state.json"
        let gateway: APIGateway
        do {
            gateway = try await Simulator.makeGateway(source: .generated(count: 300, regions: regions), configuration: configuration)
        } catch {
            throw .usage("--sandbox: \(error)")
        }
        var quiet = Logger(label: "ecsfleet.sandbox")
        quiet.logLevel = .critical
        let server = SimulatorServer(gateway: gateway, host: "127.0.0.1", port: 0, logger: quiet)
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let task = Task {
            do { try await server.run { continuation.yield($0); continuation.finish() } } catch {}
            continuation.finish()
        }
        var endpoint: String?
        for await url in stream { endpoint = url; break }
        guard let endpoint else { throw .usage("--sandbox: the embedded simulator could not start") }
        return Sandbox(endpoint: endpoint, task: task)
    }

    func stop() { task.cancel() }
}
