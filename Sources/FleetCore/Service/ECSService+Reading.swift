import ECSAPI

extension ECSService {
    /// The current status of each ID that exists in `region`: 100 IDs a call, pages of 50, the calls at once
    /// (the client's adaptive limit decides how many really are in flight).
    public func statuses(region: String, instanceIds: [String]) async throws(ECSCallError) -> [String: InstanceStatus] {
        let answers = try await eachConcurrently(instanceIds.chunked(100)) {
            chunk throws(ECSCallError) -> [(String, InstanceStatus)] in
            var out: [(String, InstanceStatus)] = []
            var page = 1
            while true {
                let answer = try await send(
                    DescribeInstanceStatusRequest(regionId: region, instanceIds: chunk, pageNumber: page, pageSize: 50))
                out += answer.statuses.map { ($0.instanceId, $0.status) }
                if answer.statuses.isEmpty || page * 50 >= answer.totalCount { break }
                page += 1
            }
            return out
        }
        return Dictionary(answers.joined().map { $0 }, uniquingKeysWith: { _, last in last })
    }

    /// The instances of `region` among `instanceIds` (unknown IDs are simply absent): 100 IDs a call, the calls at once.
    public func instances(region: String, instanceIds: [String]) async throws(ECSCallError) -> [Instance] {
        let answers = try await eachConcurrently(instanceIds.chunked(100)) { chunk throws(ECSCallError) -> [Instance] in
            var out: [Instance] = []
            var r = DescribeInstancesRequest(regionId: region)
            r.instanceIds = chunk
            r.maxResults = 100
            while true {
                let page = try await send(r)
                out += page.instances
                guard let token = page.nextToken, !token.isEmpty else { break }
                r.nextToken = token
            }
            return out
        }
        return Array(answers.joined())
    }

    /// `body` for each chunk, up to `parallel` at once, the results in the chunks' order; the first failure ends it.
    private func eachConcurrently<T: Sendable>(
        _ chunks: [[String]], parallel: Int = 16,
        _ body: @escaping @Sendable ([String]) async throws(ECSCallError) -> T
    ) async throws(ECSCallError) -> [T] {
        let results = await withTaskGroup(of: (Int, Result<T, ECSCallError>).self) {
            group -> [Result<T, ECSCallError>?] in
            var out = [Result<T, ECSCallError>?](repeating: nil, count: chunks.count)
            var next = 0
            func add() {
                let index = next
                let chunk = chunks[next]
                next += 1
                group.addTask {
                    let result: Result<T, ECSCallError>
                    do throws(ECSCallError) { result = .success(try await body(chunk)) } catch {
                        result = .failure(error)
                    }
                    return (index, result)
                }
            }
            while next < min(parallel, chunks.count) { add() }
            while let (index, result) = await group.next() {
                out[index] = result
                if case .failure = result {
                    group.cancelAll()
                    break
                }
                if next < chunks.count { add() }
            }
            return out
        }
        var values: [T] = []
        for r in results {
            switch r {
            case .success(let v)?: values.append(v)
            case .failure(let e)?: throw e
            case nil: break
            }
        }
        return values
    }
}
