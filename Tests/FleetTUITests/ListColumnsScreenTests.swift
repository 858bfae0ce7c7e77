import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

/// Which columns and hints survive a narrow screen, with the sandbox's long names, several regions and no
/// operation yet; and words that must read as states, not commands.
@Suite struct ListColumnsScreenTests {
    /// Names as long as the sandbox's (up to 135 columns), long tags, zones of 13 and 15 columns, three regions.
    static func longNames() -> FleetState {
        var list: [Instance] = []
        for n in 1...12 {
            let region = [UI.hangzhou, UI.shanghai, "ap-southeast-1"][n % 3]
            list.append(
                UI.instance(
                    n, n % 4 == 0 ? .stopped : .running, region: region,
                    name: "batch-worker-\(n)-" + String(repeating: "very-long-name-", count: 8)
                ) { i in
                    i.zoneId = region == "ap-southeast-1" ? "ap-southeast-1a" : region + "-h"
                    i.tags += [
                        .init(key: "cost-center", value: "research-and-development-\(n)"),
                        .init(key: "owner", value: "team-\(n)"),
                    ]
                })
        }
        return UI.state(list, sandbox: true, regions: [UI.hangzhou, UI.shanghai, "ap-southeast-1"])
    }

    @Test func fullScreenShowsWholeZonesBesideLongNames() {
        let g = UI.render(Self.longNames(), .large)
        #expect(g.lines[2].contains("ZONE"), "\(UI.dump(g))")
        for n in 1...12 {
            let zone = [UI.hangzhou + "-h", UI.shanghai + "-h", "ap-southeast-1a"][n % 3]
            #expect(
                UI.line(UI.id(n), in: g).contains(" " + zone + " "),
                "zone of \(UI.id(n)) cut: \(UI.line(UI.id(n), in: g))")
        }
    }

    @Test func smallScreenWithSeveralRegionsShowsThePrivateIpBeforeAnEmptyLastOperation() throws {
        var s = Self.longNames()
        var g = UI.render(s, .small)
        #expect(g.lines[2].contains("PRIVATE IP") && !g.lines[2].contains("LAST OPERATION"), "\(UI.dump(g))")
        #expect(UI.line(UI.id(1), in: g).contains("172.16.0.1"))
        // Once an operation ran, its column earns its place back.
        UI.mark(&s, 1)
        UI.reduce(&s, .openStopDialog, .pressButton(.confirm), .typeCharacter("y"), .hideResults)
        g = UI.render(s, .small)
        #expect(g.lines[2].contains("LAST OPERATION"), "\(UI.dump(g))")
    }

    @Test(arguments: ScreenSize.both)
    func theHintBarKeepsHelpAndQuit(size: ScreenSize) {
        let hints = UI.hintBar(UI.render(Self.longNames(), size))
        #expect(hints.contains("? help") && hints.contains("q quit"), "\(hints)")
        #expect(hints.contains("j/k move"))
    }

    @Test func abbreviatedCountsReadAsStates() {
        let s = ListScreenTests.crowdedState()
        // Wide enough for abbreviations, too narrow for words: the header's second-longest form.
        for width in 60...200 {
            let header = UI.render(s, ScreenSize(width, 24)).lines[0]
            #expect(!header.contains(" stop ") && !header.contains(" start "), "at \(width): \(header)")
        }
        let widths = (60...200).map { UI.render(s, ScreenSize($0, 24)).lines[0] }
        #expect(
            widths.contains { $0.contains(" stopd") && $0.contains(" stopg") && $0.contains(" startg") },
            "no width shows the abbreviations")
    }

    @Test(arguments: ScreenSize.both)
    func dialogHintsSayWhatTheKeysDoHere(size: ScreenSize) {
        var s = UI.state()
        UI.mark(&s, 1)
        UI.reduce(&s, .openStopDialog)
        var hints = UI.hintBar(UI.render(s, size))
        #expect(hints.contains("s stop") && hints.contains("f force"), "\(hints)")
        // The start dialog: ForceStop and StoppedMode do not apply, and the go key starts.
        UI.reduce(&s, .cancelDialog, .openStartDialog)
        hints = UI.hintBar(UI.render(s, size))
        #expect(!hints.contains("f force") && !hints.contains("m mode") && hints.contains("s start"), "\(hints)")
        // Nothing to start (instance 1 is Running): the go hint is dimmed, as the dialog says it cannot send.
        let g = UI.render(s, size)
        #expect(UI.style(of: "s start", in: g, from: size.height - 1) == UI.theme[.hint].patched(with: UI.theme[.dim]))
    }

    @Test(arguments: ScreenSize.both)
    func dialogRowsStayAlignedBesideANameWithEscapes(size: ScreenSize) throws {
        var s = UI.state()
        UI.mark(&s, 9, 10, 11)
        UI.reduce(&s, .openStopDialog)
        let g = UI.render(s, size)
        let columns = try [9, 10, 11].map { n -> Int in
            let line = UI.line(UI.id(n), in: g, from: 3)
            let range = try #require(line.range(of: "Running"), "\(UI.dump(g))")
            return DisplayWidth.of(String(line[..<range.lowerBound]))
        }
        #expect(Set(columns).count == 1, "status columns at \(columns)\(UI.dump(g))")
    }

    @Test(arguments: ScreenSize.both)
    func theSortedColumnCarriesTheArrow(size: ScreenSize) {
        var s = UI.state()
        var g = UI.render(s, size)
        #expect(g.lines[2].contains("ID▲"), "\(g.lines[2])")
        UI.reduce(&s, .sortByNextColumn, .invertSort)
        g = UI.render(s, size)
        #expect(g.lines[2].contains("NAME▼") && !g.lines[2].contains("ID▲"), "\(g.lines[2])")
        #expect(UI.render(s, size, ascii: true).lines[2].contains("NAMEv"))
    }
}
