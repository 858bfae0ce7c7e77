import ECSAPI

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
