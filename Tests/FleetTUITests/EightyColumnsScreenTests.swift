import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

/// What an operator at 80x24 needs to see: the private IP in the standard columns and whichever column a filter
/// matches on, a column chooser, the sort always in the header, skip reasons and help lines wrapped rather than
/// cut, a search in help, and how far the regions are while several load.
@Suite struct EightyColumnsScreenTests {
    static let small = ScreenSize.small

    static func run(_ s: inout FleetState, _ line: String) {
        UI.reduce(&s, .openCommandLine, .editCommandLine(line), .executeCommandLine)
    }

    /// The list's column titles (the body's first row).
    static func titles(_ g: Grid) -> String { g.lines[2] }

    @Test func theStandardColumnsShowThePrivateIpWithOneOrSeveralRegions() {
        for regions in [[UI.hangzhou], [UI.hangzhou, UI.shanghai]] {
            let g = UI.render(UI.state(regions: regions), Self.small)
            #expect(Self.titles(g).contains("PRIVATE IP"), "\(UI.dump(g))")
            #expect(UI.line(UI.id(4), in: g).contains("172.16.0.4"))
        }
    }

    @Test func aFilterOnPartOfAnIpShowsTheIpColumnEvenBesideAnOperation() {
        var s = UI.state()
        // Once an operation ran, LAST OPERATION takes the IP's place at 80 columns...
        UI.mark(&s, 1)
        UI.reduce(&s, .openStopDialog, .pressButton(.confirm), .typeCharacter("y"), .hideResults)
        var g = UI.render(s, Self.small)
        #expect(Self.titles(g).contains("LAST OPERATION") && !Self.titles(g).contains("PRIVATE IP"), "\(UI.dump(g))")
        // ...until the filter matches on the IP: then the rows show why they match.
        UI.filter(&s, "16.0.1")
        g = UI.render(s, Self.small)
        #expect(Self.titles(g).contains("PRIVATE IP"), "\(UI.dump(g))")
        #expect(UI.line(UI.id(12), in: g).contains("172.16.0.12"))
        // While it is typed too.
        UI.reduce(&s, .clearFilter)
        UI.filter(&s, "0.13", apply: false)
        #expect(Self.titles(UI.render(s, Self.small)).contains("PRIVATE IP"))
    }

    @Test func fieldTokensShowTheirColumns() {
        var s = UI.state()
        UI.filter(&s, "region:cn-shanghai tag:env=prod")
        let g = UI.render(s, Self.small)
        #expect(Self.titles(g).contains("REGION") && Self.titles(g).contains("TAGS"), "\(UI.dump(g))")
        #expect(UI.line(UI.id(12), in: g).contains("cn-shanghai"))
    }

    @Test func theColumnChooserShapesTheList() {
        var s = UI.state()
        Self.run(&s, "columns name,status,ip,zone")
        var g = UI.render(s, Self.small)
        let titles = Self.titles(g)
        #expect(!titles.contains("ID"), "\(UI.dump(g))")
        let order = ["NAME", "STATUS", "PRIVATE IP", "ZONE"].map { titles.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "\(titles)")
        Self.run(&s, "columns default")
        Self.run(&s, "columns +tags")
        g = UI.render(s, Self.small)
        #expect(Self.titles(g).contains("TAGS") && Self.titles(g).hasPrefix("  ID"), "\(UI.dump(g))")
        #expect(UI.line(UI.id(2), in: g).contains("env=prod"))
    }

    @Test func theSortStaysInTheHeaderBesideALongFilter() {
        var s = UI.state()
        UI.reduce(&s, .sortByNextColumn)
        UI.filter(&s, "web tag:app=web !status:Stopped zone:cn-hangzhou type:ecs.g7.large !name:nothing-like-it")
        let line = UI.render(s, Self.small).lines[1]
        #expect(line.contains("sort: Name ▲"), "\(line)")
        #expect(line.contains("filter: web tag:app") && line.contains("…"), "the filter's text gives way: \(line)")
    }

    @Test func verdictsAndSkipReasonsWrapInTheDialog() throws {
        var list = UI.fleet()
        list[1].localStorageAmount = 2
        list[2].operationLocks = [.init(lockReason: "security")]
        list[2].instanceChargeType = "PrePaid"
        list[2].expiredTime = "2020-01-01T00:00Z"
        var s = UI.state(list)
        UI.mark(&s, 1, 2, 3)
        UI.reduce(&s, .openStopDialog, .cycleStoppedMode, .cycleStoppedMode)
        let g = UI.render(s, Self.small)
        let top = try #require(UI.row(" targets: ", in: g), "\(UI.dump(g))")
        // The options' lines and the equivalent command may be cut; the reasons and the verdicts may not.
        let reasons = g.lines[top...].prefix { !$0.contains("[f] ForceStop") }.joined(separator: "\n")
        let rows = try #require(UI.find(UI.id(1) + "    ", in: g, from: top)?.y)
        let verdicts = g.lines[rows...].prefix { !$0.contains("[c] Cancel") }.joined(separator: "\n")
        #expect(!reasons.contains("…") && !verdicts.contains("…"), "\(UI.dump(g))")
        func words(_ text: String) -> String {
            text.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(
            words(reasons).contains("skip 1: already Stopped (also locked for security reasons, subscription expired)"),
            "\(UI.dump(g))")
        #expect(UI.dialogLine(2, in: g).contains("will be sent;"))
        #expect(words(verdicts).contains("will be sent; local disks: keeps charging"), "\(UI.dump(g))")
        #expect(
            words(verdicts).contains(
                "skipped: already Stopped (also locked for security reasons, subscription expired)"))
    }

    @Test func helpLinesWrapInsteadOfBeingCut() {
        var s = UI.state()
        UI.reduce(&s, .openHelp)
        let pages = UI.pages(s, Self.small)
        let text = pages.flatMap { $0.lines[3..<($0.height - 2)] }
        #expect(!text.contains { $0.dropFirst(4).dropLast(4).contains("…") }, "\(pages.map(UI.dump))")
        let all = text.joined(separator: "\n")
        #expect(all.contains("region: (! negates)"), "the filter's help ends whole")
        #expect(all.contains(":columns"), "the command line's help names every command")
    }

    @Test func slashInHelpSearchesHighlightsAndSteps() throws {
        var s = UI.state()
        #expect(UI.press(.character("?"), &s, Self.small))
        #expect(UI.press(.character("/"), &s, Self.small))
        for c in "filter" { UI.press(.character(c), &s, Self.small) }
        var g = UI.render(s, Self.small)
        #expect(UI.hintBar(g).hasPrefix("/filter"), "\(UI.dump(g))")
        let hit = try #require(UI.find("filter", in: g, from: 3), "\(UI.dump(g))")
        #expect(g.style(at: hit.x, y: hit.y) == UI.rowStyle(.cursor), "the current match stands out")
        #expect(UI.press(.enter, &s, Self.small))
        g = UI.render(s, Self.small)
        #expect(UI.shows("/filter: 1 of", g), "\(UI.dump(g))")
        #expect(UI.hintBar(g).contains("n/N match"), "\(UI.hintBar(g))")
        let first = s.dialog
        #expect(UI.press(.character("n"), &s, Self.small))
        #expect(s.dialog != first, "n moves to the next match")
        g = UI.render(s, Self.small)
        #expect(UI.shows("/filter: 2 of", g), "\(UI.dump(g))")
        #expect(UI.press(.character("/"), &s, Self.small))
        for c in "zzqx" { UI.press(.character(c), &s, Self.small) }
        #expect(UI.shows("no match", UI.render(s, Self.small)))
        #expect(UI.press(.escape, &s, Self.small))
        #expect(!UI.shows("no match", UI.render(s, Self.small)))
        #expect(UI.press(.escape, &s, Self.small))
        #expect(s.dialog == .none, "Esc then closes help")
    }

    @Test func theHelpListsItsOwnSearchKeys() {
        var s = UI.state()
        UI.reduce(&s, .openHelp)
        let all = UI.pages(s, Self.small).flatMap(\.lines).joined(separator: "\n")
        #expect(all.contains("search the help") && all.contains("next match of the search"), "\(all)")
    }

    @Test func lineTwoSaysHowFarTheRegionsAreWhileTheyLoad() throws {
        var s = UI.state([], regions: [UI.hangzhou])
        Self.run(&s, "region all")
        var line = UI.render(s, Self.small).lines[1]
        #expect(line.contains("Loading the region list"), "\(line)")
        UI.reduce(&s, .regionsLoaded([UI.hangzhou, UI.shanghai, "ap-southeast-1"]))
        let generation = try #require(s.loads[UI.shanghai]?.generation)
        UI.reduce(
            &s,
            .instancesLoaded(
                InstancePage(
                    region: UI.shanghai, generation: generation,
                    instances: (11...14).map { UI.instance($0, region: UI.shanghai) }, loaded: 4, total: 4,
                    isLast: true)))
        line = UI.render(s, Self.small).lines[1]
        #expect(line.contains("Loading regions: 1 of 3 done, 4 instances so far"), "\(line)")
        #expect(line.contains("sort: ID"), "\(line)")
    }

    /// The sandbox at 80 columns with every state shown: labels, without the title and the profile that only
    /// repeats the SANDBOX badge; glyphs alone only when even that does not fit.
    @Test func theHeaderKeepsLabelsInTheSandboxAt80Columns() {
        let statuses: [InstanceStatus] = [.pending, .starting, .running, .stopping, .stopped]
        let list = (1...300).map { n in
            UI.instance(n, statuses[n % 5], region: [UI.hangzhou, UI.shanghai, "ap-southeast-1"][n % 3])
        }
        let s = FleetState(
            profile: "sandbox", regions: .only([UI.hangzhou, UI.shanghai, "ap-southeast-1"]), instances: list,
            sandbox: true, autoRefreshInterval: nil, operationIdPrefix: "t-")
        let header = UI.render(s, Self.small).lines[0]
        for label in ["pend", "startg", "run", "stopg", "stopd"] { #expect(header.contains(" \(label)"), "\(header)") }
        #expect(header.contains("3 regions") && header.hasSuffix(" SANDBOX "), "\(header)")
        #expect(UI.render(s, ScreenSize(120, 24)).lines[0].hasPrefix(" ecsfleet  sandbox "), "the title when it fits")
    }
}
