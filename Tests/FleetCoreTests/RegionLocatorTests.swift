import ECSAPI
import ECSClient
import FleetCore
import Foundation
import Testing

@Suite struct RegionLocatorTests {
    static let shanghai = "cn-shanghai"
    static let singapore = "ap-southeast-1"

    @Test func questionsAskEachRegionForItsKnownIdsAndEveryUnknownOne() {
        let wanted: [RegionLocator.Wanted] = [
            .init("i-a"), .init("i-b", regionId: Self.shanghai), .init("i-c"), .init("i-d", regionId: "eu-west-1"),
        ]
        let asked = RegionLocator.questions(wanted, regions: [home, Self.shanghai])
        #expect(asked.map(\.region) == [home, Self.shanghai, "eu-west-1"])
        #expect(asked.map(\.ids) == [["i-a", "i-c"], ["i-b", "i-a", "i-c"], ["i-d"]])
    }

    @Test func regionsWithNothingToAskAreNotAsked() {
        let asked = RegionLocator.questions([.init("i-b", regionId: Self.shanghai)], regions: [home, Self.shanghai])
        #expect(asked.map(\.region) == [Self.shanghai])
    }

    @Test func mergeKeepsOrderAndTheFirstRegionToAnswer() {
        let wanted: [RegionLocator.Wanted] = [
            .init("i-b"), .init("i-a"), .init("i-b"), .init("i-x", regionId: "eu-west-1"),
        ]
        let found = [
            [makeInstance("i-a")],
            [makeInstance("i-b", region: Self.shanghai), makeInstance("i-a", region: Self.shanghai)], [],
        ]
        let located = RegionLocator.merge(wanted, questions: [home, Self.shanghai, "eu-west-1"], found: found)
        #expect(located.map(\.instanceId) == ["i-b", "i-a", "i-x"])
        #expect(located.map(\.regionId) == [Self.shanghai, home, "eu-west-1"])
        #expect(located[2].instance == nil)
    }

    @Test func locatesIdsAcrossRegionsWithOneCallPerRegionOfAtMost100Ids() async throws {
        let hangzhou = (0..<150).map { makeInstance(String(format: "i-hz%03d", $0)) }
        let shanghai = (0..<3).map { makeInstance("i-sh\($0)", region: Self.shanghai) }
        let rig = try EngineRig(hangzhou + shanghai + [makeInstance("i-sg0", .stopped, region: Self.singapore)])
        let ids = ["i-sh1", "i-sg0", "i-missing"] + hangzhou.map(\.instanceId)
        let located = try await RegionLocator(service: rig.service).locate(
            ids.map { .init($0) }, regions: [home, Self.shanghai, Self.singapore])
        #expect(located.count == ids.count)
        #expect(located[0].regionId == Self.shanghai && located[0].instance?.status == .running)
        #expect(located[1].regionId == Self.singapore && located[1].instance?.status == .stopped)
        #expect(located[2].regionId == nil && located[2].instance == nil)
        #expect(located[3...].allSatisfy { $0.regionId == home })
        let calls = rig.transport.requests(ECSAction.describeInstances)
        // 153 IDs in each of three regions: two calls each (100 + 53), never more than 100 IDs in one.
        #expect(calls.count == 6)
        #expect(calls.allSatisfy { $0.instanceIdsParameter.count <= 100 })
        #expect(
            Set(calls.compactMap { $0.query("RegionId") ?? $0.bodyRegion }) == [home, Self.shanghai, Self.singapore])
    }
}

extension TransportRequest {
    /// `InstanceIds` (a JSON array) as `DescribeInstances` sends it.
    var instanceIdsParameter: [String] {
        guard let text = query("InstanceIds") ?? bodyParameter("InstanceIds"), let json = try? JSONValue(parsing: text),
            case .array(let items) = json
        else { return [] }
        return items.compactMap(\.stringValue)
    }

    var bodyRegion: String? { bodyParameter("RegionId") }

    func bodyParameter(_ name: String) -> String? {
        guard !body.isEmpty else { return nil }
        return PercentEncoding.parseQuery(String(decoding: body, as: UTF8.self))?.first { $0.name == name }?.value
    }
}
