import ECSAPI

extension ECSService {
    /// Lists every instance of `region`, `PageNumber`/`PageSize` style as `ecsfleet list` does: page 1 first (it
    /// gives `TotalCount`), then the other pages up to `parallel` at once (the client's adaptive limit decides how
    /// many really are in flight). `deliver` gets each page's instances as the page arrives, so pages may come out
    /// of order; `isLast` is true for the final delivery. An instance that moves between pages while the fleet
    /// changes is delivered once. The first failure ends the listing.
    public func eachInstancePage(
        region: String, parallel: Int = 32,
        _ deliver: (_ instances: [Instance], _ total: Int, _ isLast: Bool) -> Void
    ) async throws(ECSCallError) {
        var request = DescribeInstancesRequest(regionId: region)
        request.pageSize = OperationPlan.maxPerCall
        request.pageNumber = 1
        let first = try await send(request)
        let pages = max(1, (first.totalCount + OperationPlan.maxPerCall - 1) / OperationPlan.maxPerCall)
        var seen = Set(first.instances.map(\.instanceId))
        deliver(first.instances, first.totalCount, pages == 1)
        guard pages > 1 else { return }
        let failure = await withTaskGroup(of: Result<[Instance], ECSCallError>.self) { group -> ECSCallError? in
            var next = 2
            func add() {
                var numbered = request
                numbered.pageNumber = next
                next += 1
                let page = numbered
                group.addTask {
                    do throws(ECSCallError) { return .success(try await send(page).instances) } catch {
                        return .failure(error)
                    }
                }
            }
            while next <= pages, next - 2 < max(1, parallel) { add() }
            var left = pages - 1
            while let result = await group.next() {
                left -= 1
                switch result {
                case .failure(let error):
                    group.cancelAll()
                    return error
                case .success(let list):
                    let fresh = list.map { seen.insert($0.instanceId).inserted }
                    // Copy the page only in the rare case that it repeats instances.
                    let unseen = fresh.allSatisfy { $0 } ? list : list.indices.filter { fresh[$0] }.map { list[$0] }
                    deliver(unseen, first.totalCount, left == 0)
                }
                if next <= pages { add() }
            }
            return nil
        }
        if let failure { throw failure }
    }
}
