import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

/// Rules an operator relies on across the session: marks never outlive the regions shown, a dropped hidden mark
/// is dropped for good, `--readonly` is a promise for the whole session, and banners go with their cause.
@Suite("View model: marks across regions, read-only, banners")
struct ViewModelSessionRulesTests {
    /// Hangzhou 1...4 and Shanghai 5...6, both shown.
    static func twoRegions() -> FleetState {
        let list = (1...4).map { VM.instance($0) } + (5...6).map { VM.instance($0, region: VM.shanghai) }
        return FleetState(
            profile: "test", regions: .only([VM.hangzhou, VM.shanghai]), instances: list,
            autoRefreshInterval: 60, operationIdPrefix: "t-")
    }

    @Test func switchingRegionsDropsTheMarksOfRegionsNoLongerShown() {
        var s = Self.twoRegions()
        VM.reduce(&s, [.markAllVisible, .openCommandLine, .editCommandLine("region cn-hangzhou"), .executeCommandLine])
        #expect(s.markedIds == Set(VM.ids(1...4)), "the Shanghai marks would be stopped unseen")
        #expect(s.banners.last?.text == "Showing cn-hangzhou; 2 marks in other regions dropped.")
        VM.reduce(&s, .openStopDialog)
        #expect(VM.dialog(s)?.targetIds == VM.ids(1...4))
        #expect(VM.dialog(s)?.hiddenCount == 0)
        // Showing every region keeps every mark.
        VM.reduce(&s, [.cancelDialog, .openCommandLine, .editCommandLine("region all"), .executeCommandLine])
        #expect(s.markedIds == Set(VM.ids(1...4)))
        #expect(s.loadProgress?.listingRegions == true, "the header says how the loading goes, not a banner")
    }

    @Test func droppingHiddenMarksDropsTheMarksAndClosesAnEmptyDialog() {
        var s = VM.state(5)
        for n in [1, 2] { VM.reduce(&s, [.moveTo(instanceId: VM.id(n)), .toggleMark]) }
        VM.reduce(&s, [.editFilter("web-05"), .applyFilter, .openStopDialog])
        #expect(VM.dialog(s)?.targetIds == VM.ids([1, 2]))
        #expect(VM.dialog(s)?.hiddenCount == 2)
        VM.reduce(&s, .dropHiddenMarks)
        #expect(s.dialog == FleetDialog.none, "a dialog with no target offers nothing to stop")
        #expect(!s.hasMarks)
        #expect(s.banners.last?.text == "Dropped 2 marks hidden by the filter; nothing is left to stop.")
        // S now targets the instance under the cursor.
        VM.reduce(&s, .openStopDialog)
        #expect(VM.dialog(s)?.targetIds == [VM.id(5)])
    }

    @Test func readOnlyFromTheStartCannotBeLifted() {
        var s = VM.state(3, readOnly: true)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("readonly off"), .executeCommandLine])
        #expect(s.readOnly)
        #expect(s.banners.last?.level == .warning)
        #expect(s.banners.last?.text.hasPrefix("Started with --readonly") == true)
        VM.reduce(&s, .refusedReadOnly(key: "S (stop)"))
        #expect(s.banners.last?.text == "S (stop) is disabled: read-only mode (started with --readonly).")
        VM.reduce(&s, [.openStopDialog, .pressButton(.confirm)])
        #expect(VM.dialog(s)?.message == "read-only mode (started with --readonly)")

        // Read-only turned on from the command line can be turned off again, and says how.
        var t = VM.state(3)
        VM.reduce(
            &t,
            [.openCommandLine, .editCommandLine("readonly"), .executeCommandLine, .refusedReadOnly(key: "W (start)")])
        #expect(t.banners.last?.text == "W (start) is disabled: read-only mode (:readonly off to allow changes).")
        VM.reduce(&t, [.openCommandLine, .editCommandLine("readonly off"), .executeCommandLine])
        #expect(!t.readOnly)
    }

    @Test func aGoodFilterClearsTheWarningAboutABadOne() {
        var s = VM.state(3)
        VM.reduce(&s, [.editFilter("status:Runing"), .applyFilter])
        #expect(s.banners.last?.text.hasPrefix("No state is called runing") == true)
        VM.reduce(&s, [.beginFilter, .editFilter("status:Running"), .applyFilter])
        #expect(s.banners.isEmpty)
        VM.reduce(&s, [.editFilter("status:Runing"), .applyFilter, .clearFilter])
        #expect(s.banners.isEmpty, "clearing the filter clears its warning")
    }

    @Test func aNewerBannerReplacesAnOlderOneAndARegionErrorGoesWhenTheRegionLoads() throws {
        var s = VM.state(2)
        VM.reduce(&s, .refreshNow)
        let generation = try #require(s.loads[VM.hangzhou]?.generation)
        VM.reduce(&s, .loadFailed(region: VM.hangzhou, generation: generation, message: "Throttling: slow down"))
        #expect(s.banners.map(\.text) == ["cn-hangzhou: Throttling: slow down"])
        VM.reduce(&s, [.openCommandLine, .editCommandLine("bogus"), .executeCommandLine])
        #expect(s.banners.count == 1, "the older error would come back when the newer message expired")
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-hangzhou"), .executeCommandLine])
        let retry = try #require(s.loads[VM.hangzhou]?.generation)
        s.banners = [
            Banner(
                level: .error, text: "cn-hangzhou: Throttling", expires: VM.t0.addingTimeInterval(12),
                topic: "region:cn-hangzhou")
        ]
        VM.reduce(
            &s,
            .instancesLoaded(
                InstancePage(
                    region: VM.hangzhou, generation: retry, instances: [VM.instance(1)],
                    loaded: 1, total: 1, isLast: true)))
        #expect(s.banners.isEmpty, "the region loaded: its error is past")
    }

    @Test func aRegionNoLongerShownFailingRaisesNoBanner() throws {
        var s = Self.twoRegions()
        VM.reduce(&s, .refreshNow)
        let generation = try #require(s.loads[VM.shanghai]?.generation)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-hangzhou"), .executeCommandLine])
        VM.reduce(&s, .loadFailed(region: VM.shanghai, generation: generation, message: "timed out"))
        #expect(s.banners.map(\.text) == ["Showing cn-hangzhou."])
        #expect(!s.banners.contains { $0.text.contains("timed out") })
    }

    @Test func aFilterKeyTypoIsPointedOut() {
        var s = VM.state(3)
        VM.reduce(&s, [.editFilter("stauts:Running web"), .applyFilter])
        #expect(
            s.banners.last?.text
                == "No filter key is called stauts: (matched as text); keys are status: tag: zone: type: region:.")
        // Words with a colon that are not keys: an IPv6 address, host:port.
        VM.reduce(&s, [.beginFilter, .editFilter("fe80::1 web-01:22"), .applyFilter])
        #expect(s.banners.isEmpty)
    }

    @Test func onceTheRegionListIsKnownAMistypedRegionIsRefused() {
        var s = FleetState(profile: "p", regions: .only([VM.hangzhou]), operationIdPrefix: "t-")
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region all"), .executeCommandLine])
        VM.reduce(&s, .regionsLoaded([VM.hangzhou, VM.shanghai]))
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-shangai"), .executeCommandLine])
        #expect(s.regionsShown == .all, "the view stays as it was")
        #expect(s.banners.last?.text == "No region cn-shangai in this account; regions: cn-hangzhou, cn-shanghai.")
        #expect(s.banners.last?.level == .error)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-shanghai"), .executeCommandLine])
        #expect(s.regionsShown == .only([VM.shanghai]))
    }

    @Test func theRegionListReplacesRegionsOnlyTheOperatorNamed() {
        var s = FleetState(profile: "p", regions: .only(["xx-nowhere-9"]), operationIdPrefix: "t-")
        VM.reduce(&s, .refreshNow)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region all"), .executeCommandLine])
        let effects = VM.reduce(&s, .regionsLoaded([VM.hangzhou]))
        #expect(s.knownRegions == [VM.hangzhou])
        #expect(s.shownRegions == [VM.hangzhou])
        #expect(s.loads["xx-nowhere-9"] == nil, "a region that does not exist is not loaded again on every refresh")
        #expect(!effects.contains(.loadInstances(region: "xx-nowhere-9", generation: 2)))
    }
}
