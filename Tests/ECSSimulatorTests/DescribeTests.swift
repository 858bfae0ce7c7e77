import ECSAPI
import ECSSimulator
import Foundation
import Testing

/// `count` running instances in `region`, every third stopped, IDs `i-<prefix>NNN` in load order.
func bigFleet(_ count: Int, prefix: String = "p", region: String = home) -> [Instance] {
    (0..<count).map { n in
        makeInstance("i-\(prefix)\(String(format: "%03d", n))", n % 3 == 2 ? .stopped : .running, region: region)
    }
}

/// Pages through `DescribeInstances` with tokens; the IDs in order and the number of pages.
func pageWithTokens(_ sim: Sim, _ params: [(String, String)]) async -> (ids: [String], pages: Int) {
    var ids: [String] = []
    var token: String? = nil
    var pages = 0
    repeat {
        let reply = await sim.describe(params + (token.map { [("NextToken", $0)] } ?? []))
        #expect(reply.status == 200)
        ids += reply.instanceIds
        token = reply.nextToken
        pages += 1
    } while token != nil && pages < 1000
    return (ids, pages)
}

@Suite("DescribeInstances paging")
struct DescribeTests {
    @Test("No paging parameter: 10 instances and a NextToken")
    func defaultPaging() async {
        let sim = Sim(bigFleet(25))
        let reply = await sim.describe()
        #expect(reply.status == 200)
        #expect(reply.instances.count == 10)
        #expect(reply.nextToken != nil)
        #expect(reply.json["PageNumber"] == nil, "NextToken style does not echo PageNumber")
        #expect(reply.totalCount == 25)
        #expect(reply.json["RequestId"]?.stringValue == reply.header("x-acs-request-id"))
    }

    @Test(
        "MaxResults below 10 means 10, above 100 means 100",
        arguments: [
            ("1", 10), ("0", 10), ("-5", 10), ("9", 10), ("10", 10), ("37", 37), ("100", 100), ("101", 100),
            ("100000", 100),
        ])
    func maxResultsClamped(_ value: String, _ size: Int) async {
        let sim = Sim(bigFleet(130))
        let reply = await sim.describe([("MaxResults", value)])
        #expect(reply.status == 200)
        #expect(reply.instances.count == size)
        #expect(reply.nextToken != nil)
    }

    @Test("Token paging visits every instance exactly once, in a stable order", arguments: [nil, "10", "33", "100"])
    func tokenPagingVisitsAll(_ maxResults: String?) async {
        let fleet = bigFleet(257) + bigFleet(5, prefix: "sh", region: "cn-shanghai")
        let sim = Sim(fleet)
        let params = maxResults.map { [("MaxResults", $0)] } ?? []
        let first = await pageWithTokens(sim, params)
        #expect(first.ids == bigFleet(257).map(\.instanceId), "load order, nothing missing, nothing twice")
        let size = Int(maxResults ?? "10")!
        #expect(first.pages == (257 + size - 1) / size)
        let again = await pageWithTokens(sim, params)
        #expect(again.ids == first.ids)
    }

    @Test("Token paging with a filter visits every match once and ends without a token")
    func tokenPagingFiltered() async {
        let sim = Sim(bigFleet(100))
        let result = await pageWithTokens(sim, [("Status", "Stopped"), ("MaxResults", "10")])
        let expected = bigFleet(100).filter { $0.status == .stopped }.map(\.instanceId)
        #expect(result.ids == expected)
        #expect(result.pages == 4, "33 matches → 4 pages; the last page has no NextToken")
        // A filter whose matches fit one page gives no NextToken, even with non-matching instances after them.
        let one = await sim.describe([("InstanceName", "i-p00*")])
        #expect(one.instances.count == 10)
        #expect(one.nextToken == nil)
    }

    @Test("PageNumber/PageSize paging visits every instance exactly once", arguments: [1, 7, 10, 50, 100])
    func legacyPaging(_ size: Int) async {
        let sim = Sim(bigFleet(123))
        var ids: [String] = []
        var page = 1
        while true {
            let reply = await sim.describe([("PageNumber", "\(page)"), ("PageSize", "\(size)")])
            #expect(reply.status == 200)
            #expect(reply.json["PageNumber"]?.intValue == page)
            #expect(reply.json["PageSize"]?.intValue == size)
            #expect(reply.totalCount == 123)
            #expect(reply.nextToken == nil, "NextToken is returned only in token style")
            if reply.instances.isEmpty { break }
            ids += reply.instanceIds
            page += 1
        }
        #expect(ids == bigFleet(123).map(\.instanceId))
    }

    @Test("PageSize alone defaults PageNumber to 1; PageNumber alone defaults PageSize to 10")
    func legacyDefaults() async {
        let sim = Sim(bigFleet(30))
        let sizeOnly = await sim.describe([("PageSize", "5")])
        #expect(sizeOnly.instances.count == 5)
        #expect(sizeOnly.json["PageNumber"]?.intValue == 1)
        let numberOnly = await sim.describe([("PageNumber", "3")])
        #expect(numberOnly.instances.count == 10)
        #expect(numberOnly.instanceIds.first == "i-p020")
        #expect(numberOnly.json["PageSize"]?.intValue == 10)
    }

    @Test("When both styles are given MaxResults/NextToken wins")
    func bothStyles() async {
        let sim = Sim(bigFleet(40))
        let reply = await sim.describe([("MaxResults", "20"), ("PageNumber", "2"), ("PageSize", "5")])
        #expect(reply.instances.count == 20)
        #expect(reply.instanceIds.first == "i-p000")
        #expect(reply.nextToken != nil)
        let next = await sim.describe([("NextToken", reply.nextToken!), ("PageNumber", "1"), ("PageSize", "5")])
        #expect(next.instanceIds.first == "i-p020")
        #expect(next.instances.count == 10)
    }

    @Test(
        "Bad paging values are InvalidParameter (400)",
        arguments: [
            [("PageSize", "0")], [("PageSize", "101")], [("PageSize", "-1")], [("PageSize", "ten")],
            [("PageNumber", "0")],
            [("MaxResults", "many")], [("NextToken", "bogus")], [("NextToken", "0000000000000000a")],
            [("NextToken", String(repeating: "f", count: 20))], [("NextToken", "x")],
        ])
    func badPaging(_ params: [(String, String)]) async {
        let sim = Sim(bigFleet(30))
        let reply = await sim.describe(params)
        #expect(reply.code == "InvalidParameter")
        #expect(reply.status == 400)
    }

    @Test("A NextToken issued for one region is refused in another")
    func tokenBoundToRegion() async {
        let sim = Sim(bigFleet(30) + bigFleet(30, prefix: "sh", region: "cn-shanghai"))
        let token = await sim.describe().nextToken
        #expect(token != nil)
        let reply = await sim.describe([("NextToken", token ?? "")], region: "cn-shanghai")
        #expect(reply.code == "InvalidParameter")
    }

    @Test("PageNumber past the end is an empty page")
    func pastTheEnd() async {
        let sim = Sim(bigFleet(12))
        let reply = await sim.describe([("PageNumber", "99"), ("PageSize", "10")])
        #expect(reply.status == 200)
        #expect(reply.instances.isEmpty)
        #expect(reply.totalCount == 12)
    }

    @Test("A huge PageNumber is answered, not a crash")
    func hugePageNumber() async {
        let sim = Sim(bigFleet(12))
        let reply = await sim.describe([("PageNumber", "9223372036854775807"), ("PageSize", "10")])
        #expect(reply.status == 200 || reply.code == "InvalidParameter")
        let status = await sim.call(
            "DescribeInstanceStatus", [("RegionId", home), ("PageNumber", "9223372036854775807"), ("PageSize", "50")])
        #expect(status.status == 200 || status.code == "InvalidParameter")
    }

    @Test("A region the fleet does not use but the vendor has answers an empty list")
    func emptyRegion() async {
        let sim = Sim(bigFleet(3))
        let reply = await sim.describe(region: "eu-central-1")
        #expect(reply.status == 200)
        #expect(reply.instances.isEmpty)
        #expect(reply.totalCount == 0)
        #expect(reply.nextToken == nil)
    }

    // MARK: DescribeInstanceStatus

    @Test("DescribeInstanceStatus pages of at most 50, default 10")
    func instanceStatusPaging() async {
        let sim = Sim(bigFleet(120))
        let first = await sim.call("DescribeInstanceStatus", [("RegionId", home)])
        #expect(first.statuses.count == 10)
        #expect(first.totalCount == 120)
        var ids: [String] = []
        for page in 1...3 {
            let reply = await sim.call(
                "DescribeInstanceStatus", [("RegionId", home), ("PageNumber", "\(page)"), ("PageSize", "50")])
            #expect(reply.json["PageSize"]?.intValue == 50)
            ids += reply.statuses.compactMap { $0["InstanceId"]?.stringValue }
        }
        #expect(ids == bigFleet(120).map(\.instanceId))
        for bad in ["51", "0", "100"] {
            let reply = await sim.call("DescribeInstanceStatus", [("RegionId", home), ("PageSize", bad)])
            #expect(reply.code == "InvalidParameter", "PageSize \(bad)")
            #expect(reply.status == 400)
        }
    }

    @Test("DescribeInstanceStatus with InstanceId.N answers those in the region, once each")
    func instanceStatusIds() async {
        let sim = Sim(bigFleet(5) + [makeInstance("i-elsewhere", region: "cn-beijing")])
        let reply = await sim.call(
            "DescribeInstanceStatus",
            [("RegionId", home)] + idParams(["i-p002", "i-p000", "i-p002", "i-elsewhere", "i-none"]))
        #expect(reply.statuses.map { $0["InstanceId"]?.stringValue } == ["i-p002", "i-p000"])
        #expect(reply.statuses.map { $0["Status"]?.stringValue } == ["Stopped", "Running"])
        let tooMany = await sim.call("DescribeInstanceStatus", [("RegionId", home), ("InstanceId.101", "i-p000")])
        #expect(tooMany.code == "InvalidParameter")
    }
}
