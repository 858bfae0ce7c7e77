import ECSAPI
import Foundation

/// Where a simulated account's instances come from.
public enum FleetSource: Sendable {
    /// A `DescribeInstances` response body dumped from a real account.
    case file(String)
    /// A synthetic fleet of `count` instances over `regions`.
    case generated(count: Int, regions: [String])
}

/// Assembles a simulated account: the fleet (from a file, a generator, or a saved state) and its gateway.
public enum Simulator {
    /// Builds the gateway for `source`, plus the configuration's running pools. With a `--state` file that exists, the saved state replaces the source's
    /// instances, so a restart keeps stopped instances stopped; a new state file is written at once.
    public static func makeGateway(
        source: FleetSource, configuration: SimulatorConfiguration,
        clock: any SimulatorClock = SystemClock()
    ) async throws(ConfigurationError) -> APIGateway {
        var instances: [Instance]
        switch source {
        case .file(let path): instances = try FleetFile.load(path: path)
        case .generated(let count, let regions):
            instances = FleetGenerator.generate(
                count: count, regions: regions, seed: configuration.seed, now: clock.now())
        }
        if !configuration.runningPools.isEmpty {
            var used = Set(instances.map(\.instanceId))
            for pool in configuration.runningPools {
                instances += FleetGenerator.runningPool(
                    count: pool.count, region: pool.region, seed: configuration.seed,
                    now: clock.now(), used: &used)
            }
        }
        let fleet = SimulatedFleet(instances: instances, configuration: configuration, clock: clock)
        if case .generated = source { await fleet.scheduleTransitionsInProgress() }
        if let path = configuration.statePath {
            let saved = try StateStore.load(path: path)
            if !saved.isEmpty { await fleet.restore(from: saved) }
            do { try await fleet.persist() } catch let error as ConfigurationError { throw error } catch {
                throw ConfigurationError("state file \(path): \(error)")
            }
        }
        await fleet.prerender()
        return APIGateway(fleet: fleet, configuration: configuration, clock: clock)
    }
}
