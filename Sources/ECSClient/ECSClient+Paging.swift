import ECSAPI

extension ECSClient {
    /// Pages of `DescribeInstances` as an async sequence, `MaxResults`/`NextToken` style (100 a page unless the
    /// request says otherwise), ending after the page without a `NextToken`.
    public func instancePages(_ request: DescribeInstancesRequest) -> AsyncThrowingStream<DescribeInstancesResponse, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var r = request
                r.pageNumber = nil; r.pageSize = nil
                if r.maxResults == nil { r.maxResults = 100 }
                do {
                    while true {
                        let page = try await self.send(r)
                        continuation.yield(page)
                        guard let token = page.nextToken, !token.isEmpty else { break }
                        r.nextToken = token
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Pages of `DescribeInstances`, `PageNumber`/`PageSize` style: the first page gives `TotalCount`, then the
    /// remaining pages are fetched `parallel` at a time and yielded in order. IDs already seen are dropped, so an
    /// instance that moves between pages while the fleet changes is not listed twice.
    public func numberedInstancePages(_ request: DescribeInstancesRequest, parallel: Int = 4) -> AsyncThrowingStream<[Instance], any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var r = request
                r.maxResults = nil; r.nextToken = nil; r.pageSize = 100; r.pageNumber = 1
                do {
                    let first = try await self.send(r)
                    var seen = Set(first.instances.map(\.instanceId))
                    continuation.yield(first.instances)
                    let pages = (first.totalCount + 99) / 100
                    var next = 2
                    while next <= pages {
                        let batch = Array(next...min(pages, next + parallel - 1))
                        next += batch.count
                        let results = try await withThrowingTaskGroup(of: (Int, [Instance]).self) { group in
                            for n in batch {
                                var pr = r
                                pr.pageNumber = n
                                group.addTask { (n, try await self.send(pr).instances) }
                            }
                            var out: [Int: [Instance]] = [:]
                            for try await (n, list) in group { out[n] = list }
                            return out
                        }
                        for n in batch {
                            let fresh = (results[n] ?? []).filter { seen.insert($0.instanceId).inserted }
                            continuation.yield(fresh)
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
