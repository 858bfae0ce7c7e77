import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

/// While several regions load (`:region all`), the state says how far they are, for the header's second line:
/// regions done of those shown and instances so far, from the wait for the region list to the last page.
@Suite struct ViewModelLoadProgressTests {
    static let regions = [VM.hangzhou, VM.shanghai, "cn-beijing"]

    /// A page of `range`'s instances in `region`, `loaded` of `total` so far (the range's size by default).
    static func page(
        _ s: FleetState, _ region: String, _ range: ClosedRange<Int>, loaded: Int? = nil, total: Int, last: Bool
    ) -> FleetAction {
        let list = range.map { VM.instance($0, region: region) }
        return .instancesLoaded(
            InstancePage(
                region: region, generation: s.loads[region]?.generation ?? 0, instances: list,
                loaded: loaded ?? range.count, total: total, isLast: last))
    }

    @Test func regionAllShowsProgressUntilEveryRegionIsIn() {
        var s = VM.state(0)
        s.post(.info, "Theme light.", now: VM.t0)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region all"), .executeCommandLine])
        #expect(s.loadProgress?.listingRegions == true, "the region list is awaited first")
        #expect(s.banners.isEmpty, "no banner covers the progress, not even an earlier one")
        VM.reduce(&s, .regionsLoaded(Self.regions))
        #expect(s.loadProgress == LoadProgress(regionsDone: 0, regions: 3, instances: 0, listingRegions: false))
        VM.reduce(&s, Self.page(s, VM.hangzhou, 1...2, total: 2, last: true))
        VM.reduce(&s, Self.page(s, VM.shanghai, 11...15, total: 9, last: false))
        #expect(s.loadProgress == LoadProgress(regionsDone: 1, regions: 3, instances: 7, listingRegions: false))
        VM.reduce(&s, Self.page(s, VM.shanghai, 16...19, loaded: 9, total: 9, last: true))
        VM.reduce(&s, .loadFailed(region: "cn-beijing", generation: s.loads["cn-beijing"]!.generation, message: "x"))
        #expect(s.loadProgress == nil, "every region ended: the normal line")
    }

    @Test func aRegionAlreadyLoadedStillSaysShowing() {
        var s = FleetState(
            profile: "test", regions: .only([VM.hangzhou, VM.shanghai]),
            instances: [VM.instance(1), VM.instance(2, region: VM.shanghai)], operationIdPrefix: "t-")
        VM.load(&s, [VM.instance(1)])
        VM.reduce(
            &s,
            .instancesLoaded(
                InstancePage(
                    region: VM.shanghai, generation: s.loads[VM.shanghai]!.generation,
                    instances: [VM.instance(2, region: VM.shanghai)], loaded: 1, total: 1, isLast: true)))
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-shanghai"), .executeCommandLine])
        #expect(s.loadProgress == nil)
        #expect(s.banners.last?.text == "Showing cn-shanghai.", "nothing loads: the banner says what changed")
    }
}
