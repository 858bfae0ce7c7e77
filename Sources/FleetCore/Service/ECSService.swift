import ECSAPI
import Foundation

/// How FleetCore reaches ECS. The product passes the real client; tests may pass anything that answers.
public protocol ECSService: Sendable {
    /// Sends one call; a passed dry run throws `.dryRunPassed`.
    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response
}

/// Time for the engine: now, and waiting. Tests use one whose waits return at once and move time on.
public protocol EngineClock: Sendable {
    func now() -> Date
    func sleep(for duration: Duration) async throws
}

/// Wall-clock time.
public struct WallClock: EngineClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

extension ECSService {
    /// The current status of each ID that exists in `region`: 100 IDs a call, pages of 50.
    public func statuses(region: String, instanceIds: [String]) async throws(ECSCallError) -> [String: InstanceStatus] {
        var out: [String: InstanceStatus] = [:]
        for chunk in instanceIds.chunked(100) {
            var page = 1
            while true {
                let answer = try await send(DescribeInstanceStatusRequest(regionId: region, instanceIds: chunk, pageNumber: page, pageSize: 50))
                for e in answer.statuses { out[e.instanceId] = e.status }
                if answer.statuses.isEmpty || page * 50 >= answer.totalCount { break }
                page += 1
            }
        }
        return out
    }

    /// The instances of `region` among `instanceIds` (unknown IDs are simply absent): 100 IDs a call.
    public func instances(region: String, instanceIds: [String]) async throws(ECSCallError) -> [Instance] {
        var out: [Instance] = []
        for chunk in instanceIds.chunked(100) {
            var r = DescribeInstancesRequest(regionId: region)
            r.instanceIds = chunk
            r.maxResults = 100
            while true {
                let page = try await send(r)
                out += page.instances
                guard let token = page.nextToken, !token.isEmpty else { break }
                r.nextToken = token
            }
        }
        return out
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    public func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
