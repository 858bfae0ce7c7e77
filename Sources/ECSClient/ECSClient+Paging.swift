import ECSAPI

extension ECSClient {
    /// Pages of `DescribeInstances` as an async sequence, `MaxResults`/`NextToken` style (100 a page unless the
    /// request says otherwise), ending after the page without a `NextToken`.
    public func instancePages(_ request: DescribeInstancesRequest) -> AsyncThrowingStream<
        DescribeInstancesResponse, any Error
    > {
        AsyncThrowingStream { continuation in
            let task = Task {
                var r = request
                r.pageNumber = nil
                r.pageSize = nil
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

    /// Pages of `DescribeInstances`, `PageNumber`/`PageSize` style (100 a page, the most the API gives): the first
    /// page gives `TotalCount`, then the remaining pages are fetched up to `parallel` at a time (a new one starts
    /// as soon as one ends) and yielded in order. IDs already seen are dropped, so an instance that moves between
    /// pages while the fleet changes is not listed twice. How many are really in flight is the client's adaptive
    /// limit for `DescribeInstances` in the region; `parallel` (by default its ceiling) only bounds it.
    public func numberedInstancePages(_ request: DescribeInstancesRequest, parallel: Int? = nil) -> AsyncThrowingStream<
        [Instance], any Error
    > {
        let parallel = parallel ?? configuration.concurrency.ceiling
        return AsyncThrowingStream { continuation in
            let task = Task {
                var r = request
                r.maxResults = nil
                r.nextToken = nil
                r.pageSize = 100
                r.pageNumber = 1
                do {
                    let first = try await self.send(r)
                    var seen = Set(first.instances.map(\.instanceId))
                    continuation.yield(first.instances)
                    let pages = (first.totalCount + 99) / 100
                    try await self.fetchPages(2, through: pages, of: r, parallel: max(1, parallel)) { list in
                        // Copy the page only in the rare case that it repeats instances.
                        let fresh = list.map { seen.insert($0.instanceId).inserted }
                        continuation.yield(
                            fresh.allSatisfy { $0 } ? list : list.indices.filter { fresh[$0] }.map { list[$0] })
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Fetches pages `first` through `last` with at most `parallel` calls in flight, handing each page's instances to `deliver` in
    /// page order. Pages that finish early wait (at most `4 * parallel` pages ahead of the next one due, so a slow
    /// page does not let memory grow without bound).
    private func fetchPages(
        _ first: Int, through last: Int, of request: DescribeInstancesRequest, parallel: Int,
        deliver: ([Instance]) -> Void
    ) async throws {
        guard first <= last else { return }
        try await withThrowingTaskGroup(of: (Int, [Instance]).self) { group in
            var next = first
            var due = first
            var inFlight = 0
            var ready: [Int: [Instance]] = [:]
            func start() {
                while next <= last, inFlight < parallel, next - due < 4 * parallel {
                    var page = request
                    page.pageNumber = next
                    group.addTask { (page.pageNumber ?? 0, try await self.send(page).instances) }
                    next += 1
                    inFlight += 1
                }
            }
            start()
            while let (number, list) = try await group.next() {
                inFlight -= 1
                ready[number] = list
                while let list = ready.removeValue(forKey: due) {
                    deliver(list)
                    due += 1
                }
                start()
            }
        }
    }
}
