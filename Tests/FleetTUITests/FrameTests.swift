import ECSAPI
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetCore

/// Whole screens against golden frames (`Frames/`): a layout change anywhere on the screen fails here, where a
/// check of one line would pass. Fleets, names (one in CJK) and clocks are fixed, so a frame only changes when
/// the screen does; `ECSFLEET_UPDATE_FRAMES=1 swift test --filter FrameTests` rewrites them on purpose.
@Suite struct FrameTests {
    static func check(
        _ s: FleetState, _ name: String, _ size: ScreenSize, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        GoldenFrame.check(
            UI.render(s, size, sourceLocation: sourceLocation), named: "\(name)-\(size.width)x\(size.height)",
            theme: UI.theme,
            sourceLocation: sourceLocation)
    }

    @Test(arguments: ScreenSize.both)
    func list(size: ScreenSize) {
        var s = UI.state()
        UI.mark(&s, 2, 9)
        UI.reduce(&s, .moveTo(instanceId: UI.id(4)))
        Self.check(s, "list", size)
    }

    @Test(arguments: ScreenSize.both)
    func dialog(size: ScreenSize) {
        Self.check(DialogScreenTests.opened(), "dialog", size)
    }

    @Test(arguments: ScreenSize.both)
    func preview(size: ScreenSize) throws {
        var s = UI.state()
        UI.mark(&s, 1, 2, 3, 9)
        UI.finishPreview(
            &s, UI.reduce(&s, .openStopDialogWithPreview), UI.mixedPreview + [UI.dryRun(9)],
            notes: ["checked against the API, nothing changed"])
        Self.check(s, "preview", size)
    }

    @Test(arguments: ScreenSize.both)
    func results(size: ScreenSize) throws {
        Self.check(try ResultsScreenTests.running(), "results", size)
    }

    @Test(arguments: ScreenSize.both)
    func journal(size: ScreenSize) {
        var s = UI.state()
        UI.reduce(&s, .openJournal, .journalLoaded(UI.twoOperationsJournal()))
        Self.check(s, "journal", size)
    }

    @Test(arguments: ScreenSize.both)
    func details(size: ScreenSize) {
        var list = UI.fleet()
        list[8].operationLocks = [.init(lockReason: "security", lockMsg: "locked by the security center")]
        list[8].eipAddress = .init(allocationId: "eip-1", ipAddress: "47.1.2.3", bandwidth: 5)
        var s = UI.state(list)
        UI.reduce(&s, .moveTo(instanceId: UI.id(9)), .openDetails)
        Self.check(s, "details", size)
    }

    @Test(arguments: ScreenSize.both)
    func help(size: ScreenSize) {
        var s = UI.state()
        UI.reduce(&s, .openHelp)
        Self.check(s, "help", size)
    }

    /// Too narrow, and too short: the only screens that cannot be drawn at 80x24 or 200x60.
    @Test(arguments: [ScreenSize(59, 24), ScreenSize(200, 14)])
    func tooSmall(size: ScreenSize) {
        Self.check(UI.state(), "too-small", size)
    }

    /// The comparison itself: an identical frame passes, and a changed cell or style is a difference.
    @Test func aChangedCellOrStyleIsADifference() {
        var g = UI.render(UI.state(), .small)
        let before = GoldenFrame.text(g, theme: UI.theme)
        #expect(GoldenFrame.text(UI.render(UI.state(), .small), theme: UI.theme) == before)
        g.put("X", x: 10, y: 5, style: g.style(at: 10, y: 5))
        #expect(GoldenFrame.text(g, theme: UI.theme) != before)
        var restyled = UI.render(UI.state(), .small)
        restyled.put(restyled[10, 5].text, x: 10, y: 5, style: UI.theme[.danger])
        #expect(GoldenFrame.text(restyled, theme: UI.theme) != before)
    }
}
