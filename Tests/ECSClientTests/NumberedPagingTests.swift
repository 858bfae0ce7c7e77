import ECSAPI
import ECSClient
import Foundation
import Synchronization
import Testing

/// Answers `DescribeInstances` by page number from a fixed list of pages, each after its own delay, and records
/// how many calls were in flight at once.
final class PagedAnswers: HTTPTransport {
    let pages: [[String]]
    let delayMs: @Sendable (Int) -> Int
    private let state = Mutex<(now: Int, max: Int, calls: [Int], finished: [Int])>((0, 0, [], []))

    init(pages: [[String]], delayMs: @escaping @Sendable (Int) -> Int) {
        self.pages = pages
        self.delayMs = delayMs
    }
    var maxInFlight: Int { state.withLock { $0.max } }
    var calls: [Int] { state.withLock { $0.calls } }
    var finished: [Int] { state.withLock { $0.finished } }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        let number = Int(request.query("PageNumber") ?? "") ?? 0
        state.withLock {
            $0.now += 1
            $0.max = max($0.max, $0.now)
            $0.calls.append(number)
        }
        try? await Task.sleep(for: .milliseconds(delayMs(number)))
        state.withLock {
            $0.now -= 1
            $0.finished.append(number)
        }
        let ids = (1...pages.count).contains(number) ? pages[number - 1] : []
        let body = DescribeInstancesResponse(
            requestId: "R\(number)", instances: ids.map { Instance(instanceId: $0) }, nextToken: nil,
            totalCount: pages.reduce(0) { $0 + $1.count }, pageNumber: number, pageSize: 100)
        return TransportResponse(status: 200, headers: [:], body: body.json.jsonBytes())
    }

    func shutdown() async {}
}

@Suite struct NumberedPagingTests {
    static func pages(_ count: Int) -> [[String]] {
        (1...count).map { p in (1...100).map { "i-\(p)-\($0)" } }
    }

    /// A client whose window starts at 3: the fast pages all answer within the first growth period, before the
    /// window could grow from the default 2.
    static func client(_ transport: PagedAnswers) throws -> ECSClient {
        let endpoint = try Endpoint(parsing: "http://127.0.0.1:1", insecureHTTP: false)
        return makeClient(
            endpoint, credentials: Credentials(accessKeyId: "ak", accessKeySecret: "secret"), transport: transport,
            concurrency: AdaptiveLimit.Settings(initial: 3))
    }

    @Test("Pages that finish out of order are yielded in order, with a sliding window of calls")
    func outOfOrder() async throws {
        // Page 2 is slow: the others must keep coming (a window, not batches) and still be yielded after it.
        let transport = PagedAnswers(pages: Self.pages(12)) { $0 == 2 ? 1000 : 1 }
        let client = try Self.client(transport)
        var seen: [[String]] = []
        try await using(client) { client in
            for try await page in client.numberedInstancePages(DescribeInstancesRequest(regionId: home), parallel: 3) {
                seen.append(page.map(\.instanceId))
            }
        }
        #expect(seen == Self.pages(12))
        #expect(transport.maxInFlight == 3)
        #expect(transport.calls.sorted() == Array(1...12))
        // While page 2 waited, later pages kept being fetched (batches would have waited for it).
        let finished = transport.finished
        let slow = try #require(finished.firstIndex(of: 2))
        let later = try #require(finished.firstIndex(of: 8))
        #expect(later < slow)
    }

    @Test("An instance that moved to a later page is listed once; a single page is one call")
    func duplicatesAndSinglePage() async throws {
        var pages = Self.pages(3)
        pages[2][5] = pages[1][7] // seen again on page 3
        let transport = PagedAnswers(pages: pages) { _ in 1 }
        var ids: [String] = []
        try await using(try Self.client(transport)) { client in
            for try await page in client.numberedInstancePages(DescribeInstancesRequest(regionId: home)) {
                ids += page.map(\.instanceId)
            }
        }
        #expect(ids.count == 299 && Set(ids).count == 299)
        #expect(ids == pages[0] + pages[1] + pages[2].enumerated().filter { $0.offset != 5 }.map(\.element))

        let single = PagedAnswers(pages: [["i-only"]]) { _ in 1 }
        var all: [String] = []
        try await using(try Self.client(single)) { client in
            for try await page in client.numberedInstancePages(DescribeInstancesRequest(regionId: home)) {
                all += page.map(\.instanceId)
            }
        }
        #expect(all == ["i-only"] && single.calls == [1])
    }
}
