import ECSAPI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetCore
@testable import FleetTUI

/// Help, details, journal, quit confirmation and the command line.
@Suite struct OverlayScreenTests {
    /// The part of a description the help must show at least (it may cut longer ones with `…`).
    static func visiblePart(_ description: String) -> String { String(description.prefix(30)) }

    static func bindings(_ context: KeyContext) -> [KeyBinding] {
        Keymap.standard.filter { $0.contexts.contains(context) }
    }

    /// Every key of the list is in its help, reached by paging down at 80x24 (where they do not all fit), with
    /// where it is on the box's border.
    @Test(arguments: ScreenSize.both)
    func helpListsEveryBindingOfTheListContext(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .openHelp)
        let pages = UI.pages(s, size)
        let g = pages[0]
        #expect(UI.shows("Help: keys (Esc closes)", g))
        let title = try #require(UI.find("Instance list", in: g))
        #expect(UI.style(of: "Instance list", in: g) == UI.rowStyle(.title))
        var missing: [String] = []
        for b in Self.bindings(.list) where !pages.contains(where: { UI.shows(Self.visiblePart(b.description), $0) }) {
            missing.append("\(b.label): \(b.description)")
        }
        #expect(missing.isEmpty, "help at \(size.width)x\(size.height) does not show: \(missing)\(UI.dump(g))")
        // The whole help is longer than either screen: the first page says there is more below, the last that
        // there is more above, and the last page ends with the last section.
        #expect(pages.count > 1)
        #expect(UI.shows("↓ more", g) && !UI.shows("↑", g), "\(UI.dump(g))")
        let last = try #require(pages.last)
        #expect(UI.shows("↑ more", last) && !UI.shows("↓", last), "\(UI.dump(last))")
        #expect(UI.shows(KeyContext.quitConfirmation.title, last))
        // Keys in the help-key role, in the same row as their description.
        let page = try #require(pages.first { UI.shows(Self.visiblePart("mark or unmark, move down"), $0) })
        let y = try #require(UI.row(Self.visiblePart("mark or unmark, move down"), in: page))
        let key = try #require(UI.find("Space", in: page, from: y))
        #expect(key.y == y && key.x < title.x + 20)
        #expect(page.style(at: key.x, y: y) == UI.rowStyle(.helpKey))
    }

    @Test(arguments: ScreenSize.both)
    func helpFromTheResultsViewStartsWithTheResultsKeys(size: ScreenSize) throws {
        var s = try ResultsScreenTests.running()
        UI.reduce(&s, .openHelp)
        let pages = UI.pages(s, size)
        let g = pages[0]
        let results = try #require(UI.find("Results", in: g))
        let listPage = try #require(pages.firstIndex { UI.find("Instance list", in: $0) != nil })
        #expect(
            listPage > 0 || UI.find("Instance list", in: g).map { results.y < $0.y } == true,
            "the current context's section comes first")
        var missing: [String] = []
        for b in Self.bindings(.results) where !pages.contains(where: { UI.shows(Self.visiblePart(b.description), $0) })
        {
            missing.append(b.description)
        }
        #expect(missing.isEmpty, "\(missing)\(UI.dump(g))")
    }

    /// Every description of the current context shows whole, wrapped when longer than the box (the filter's
    /// syntax and the commands are only explained there), at both sizes.
    @Test(arguments: ScreenSize.both)
    func helpShowsWholeDescriptions(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .openHelp)
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let text = words(
            UI.pages(s, size).flatMap { page in
                // The text between the box's borders (the list shows on both sides at 200 columns).
                page.lines.compactMap { line -> String? in
                    guard let l = line.firstIndex(of: "│"), let r = line.lastIndex(of: "│"), l < r else { return nil }
                    return String(line[line.index(after: l)..<r])
                }
            }.joined(separator: " "))
        let g = UI.render(s, size)
        let cut = Self.bindings(.list).filter { !text.contains(words($0.description)) }.map(\.description)
        #expect(cut.isEmpty, "cut in help at \(size.width)x\(size.height): \(cut)\(UI.dump(g))")
    }

    @Test(arguments: ScreenSize.both)
    func readOnlyHelpMarksTheDangerousKeys(size: ScreenSize) throws {
        var s = UI.state(readOnly: true)
        UI.reduce(&s, .openHelp)
        var checked = Set<String>()
        for g in UI.pages(s, size) {
            for b in Self.bindings(.list) where !checked.contains(b.name) {
                guard let y = UI.row(Self.visiblePart(b.description), in: g) else { continue }
                checked.insert(b.name)
                let line = g.lines[y]
                let descriptionX = try #require(UI.find(Self.visiblePart(b.description), in: g, from: y)).x
                if b.isDangerous {
                    #expect(line.contains("(read-only)"), "dangerous \(b.label) not marked read-only: \(line)")
                    #expect(g.style(at: descriptionX, y: y) == UI.rowStyle(.dim), "\(b.label) not greyed")
                } else {
                    #expect(!line.contains("(read-only)"), "\(b.label) marked read-only: \(line)")
                    #expect(g.style(at: descriptionX, y: y) == UI.theme[.row])
                }
            }
        }
        #expect(
            checked == Set(Self.bindings(.list).map(\.name)),
            "not found on any page: \(Set(Self.bindings(.list).map(\.name)).subtracting(checked))")
    }

    /// `?` in the stop dialog is "help for this screen": it should explain the dialog's keys, and closing it should
    /// return to the dialog rather than throw its targets and options away.
    @Test
    func helpFromTheDialogKeepsTheDialog() throws {
        var s = DialogScreenTests.opened()
        UI.reduce(&s, .toggleForceStop)
        let keymap = Keymap()
        let help = try #require(
            keymap.action(for: .char("?"), state: s, layout: ScreenLayout(width: 80, height: 20 + 4)))
        UI.reduce(&s, help)
        let g = UI.render(s, .large)
        let dialogSection = try #require(UI.find("Stop / start dialog", in: g))
        let listSection = try #require(UI.find("Instance list", in: g))
        #expect(
            dialogSection.x < listSection.x || dialogSection.y < listSection.y,
            "help opened from the dialog starts with the list's keys, not the dialog's\(UI.dump(g))")
        let close = try #require(
            keymap.action(for: KeyEvent(.escape), state: s, layout: ScreenLayout(width: 80, height: 20 + 4)))
        UI.reduce(&s, close)
        #expect(s.dialog.power != nil, "closing help lost the stop dialog (dialog is now \(s.dialog))")
        #expect(s.dialog.power?.options.forceStop == true)
    }

    @Test(arguments: ScreenSize.both)
    func detailsOverlay(size: ScreenSize) throws {
        var list = UI.fleet()
        list[8].operationLocks = [.init(lockReason: "security", lockMsg: "locked by the security center")]
        list[8].eipAddress = .init(allocationId: "eip-1", ipAddress: "47.1.2.3", bandwidth: 5)
        var s = UI.state(list)
        UI.reduce(&s, .moveTo(instanceId: UI.id(9)), .openDetails)
        let g = UI.render(s, size)
        #expect(UI.shows("─ i-bp09 ", g), "the ID is the title\(UI.dump(g))")
        #expect(UI.shows("Name                  \(UI.cjkName)", g))
        #expect(UI.shows("Status                ● Running", g))
        #expect(UI.style(of: "● Running", in: g, from: 3) == UI.theme[.dialog].patched(with: UI.theme[.statusRunning]))
        #expect(UI.shows("Region / zone         cn-hangzhou / cn-hangzhou-i", g))
        #expect(UI.shows("Type                  ecs.c7.large (2 vCPU, 8 GiB)", g))
        #expect(UI.shows("Private IP            172.16.0.9", g))
        #expect(UI.shows("[q] Close", g))
        // The rest is below the fold at 80x24: G shows the end.
        UI.press(.character("G"), &s, size)
        let end = UI.render(s, size)
        #expect(UI.shows("EIP                   47.1.2.3 (eip-1, 5 Mbps)", end), "\(UI.dump(end))")
        #expect(
            UI.shows(
                "Locks                 security: locked for security reasons; stop and start are refused (locked by the security center)",
                end) || size.width < 200)
        #expect(UI.style(of: "security: locked", in: end) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        #expect(UI.shows("Tags                  env=dev", end))
        #expect(UI.shows("                      app=web", end), "tags one a line, in full\(UI.dump(end))")
    }

    /// Details name what an operator opens them for: image, key pair, security groups, VPC and vSwitch, and
    /// an expired subscription in the error colour.
    @Test func detailsFields() throws {
        var list = UI.fleet()
        list[2].imageId = "aliyun_3_x64_20G_alibase_20240528.vhd"
        list[2].keyPairName = "ops-key"
        list[2].securityGroupIds = ["sg-1", "sg-2"]
        list[2].instanceChargeType = "PrePaid"
        list[2].expiredTime = "2020-01-01T00:00Z"
        let s = UI.state(list)
        let lines = DetailsView.lines(
            s, id: list[2].instanceId, ascii: false, now: Date(timeIntervalSince1970: 1_767_225_600))
        func text(_ l: TextLine) -> String { l.spans.map(\.text).joined() }
        func line(_ name: String) -> String? { lines.map(text).first { $0.hasPrefix(name + " ") } }
        #expect(line("Image")?.hasSuffix("aliyun_3_x64_20G_alibase_20240528.vhd") == true)
        #expect(line("Key pair")?.hasSuffix("ops-key") == true)
        #expect(line("Security groups")?.hasSuffix("sg-1, sg-2") == true)
        #expect(line("VPC / vSwitch")?.contains("/") == true)
        #expect(line("Host name") != nil && line("Description") != nil)
        let expires = try #require(lines.first { text($0).hasPrefix("Expires ") })
        #expect(text(expires).hasSuffix("2020-01-01T00:00Z  EXPIRED"))
        #expect(expires.spans.last?.role == .danger)
    }

    /// `S`, `P` and `W` act on the instance whose details are open, whatever is marked.
    @Test func stopAndStartFromDetails() throws {
        var s = UI.state()
        UI.reduce(&s, .moveTo(instanceId: UI.id(1)), .toggleMark, .moveTo(instanceId: UI.id(3)), .openDetails)
        #expect(UI.press(.character("S"), &s, .small))
        #expect(s.dialog.power?.targets.map(\.instanceId) == [UI.id(3)])
        UI.reduce(&s, .cancelDialog, .openDetails)
        #expect(UI.press(.character("W"), &s, .small))
        #expect(s.dialog.power?.action == .start)
        #expect(s.dialog.power?.targets.map(\.instanceId) == [UI.id(3)])
    }

    /// After an operation, the details of an instance end with its results in this session; at 80x24 they are
    /// below the fold, and `G` scrolls to them.
    @Test(arguments: ScreenSize.both)
    func detailsShowTheSessionsResults(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .moveTo(instanceId: UI.id(5)), .openStopDialog, .pressButton(.confirm), .typeCharacter("y"))
        try UI.updateLatestOperation(
            &s,
            [
                InstanceResult(
                    instanceId: UI.id(5), regionId: UI.hangzhou, outcome: .failed, code: "Throttling",
                    message: "slow down",
                    previousStatus: "Running", currentStatus: "Running")
            ])
        UI.reduce(&s, .hideResults, .openDetails)
        let top = UI.render(s, size)
        let fits = UI.shows("failed Throttling slow down", top)
        #expect(fits == (size.height >= 60), "80x24 cannot hold every field; 200x60 can\(UI.dump(top))")
        #expect(UI.shows("↓ more", top) == !fits, "the border says when there is more below\(UI.dump(top))")
        #expect(UI.press(.character("G"), &s, size))
        let g = UI.render(s, size)
        #expect(UI.shows("Deletion protection", g), "details cut at \(size.width)x\(size.height)\(UI.dump(g))")
        #expect(UI.shows("stop t-stop-1", g))
        #expect(UI.shows("failed Throttling slow down", g))
        #expect(UI.style(of: "failed Throttling", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        #expect(!UI.shows("↓", g))
        #expect(UI.shows("↑ more", g) == !fits)
        // Back to the top, the first field shows again.
        UI.press(.character("g"), &s, size)
        #expect(UI.shows("Name                  web-05", UI.render(s, size)))
        #expect(UI.hintBar(g).contains("j/k scroll") && UI.hintBar(g).contains("Esc close"), "\(UI.hintBar(g))")
    }

    @Test(arguments: ScreenSize.both)
    func journalOverlay(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .openJournal)
        var g = UI.render(s, size)
        #expect(UI.shows("─ Journal ", g))
        #expect(UI.shows("reading the journal…", g))

        UI.reduce(&s, .journalLoaded(UI.twoOperationsJournal()))
        g = UI.render(s, size)
        let oldRow = try #require(UI.row("op-old", in: g))
        let newRow = try #require(UI.row("op-new", in: g))
        // Made with other credentials: which ones (`r` then gives their command), and the counts still fit at 80.
        #expect(UI.line("op-new", in: g).contains("INTERRUPTED (profile p)  2 instances"), "\(UI.dump(g))")
        #expect(UI.line("op-old", in: g).contains("1 instance: 1 stopped"))
        #expect(UI.line("op-new", in: g).contains("▸ ") && UI.line("op-new", in: g).contains("start"))
        // The selected operation's line is the cursor's row; moved off it, INTERRUPTED shows in its colour.
        #expect(UI.style(of: "INTERRUPTED", in: g) == UI.theme[.dialog].patched(with: UI.theme[.cursor]))
        UI.press(.character("j"), &s, size)
        g = UI.render(s, size)
        #expect(UI.line("op-old", in: g).contains("▸ "))
        #expect(UI.style(of: "INTERRUPTED", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        #expect(UI.shows("\(UI.id(2))  failed  Throttling slow down", g))
        #expect(UI.style(of: "\(UI.id(2))  failed", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
        #expect(
            newRow < oldRow,
            "the journal view says newest first, but op-new (row \(newRow)) is below op-old (row \(oldRow))\(UI.dump(g))"
        )

        UI.reduce(&s, .openJournal, .journalFailed("cannot read /tmp/journal: permission denied"))
        g = UI.render(s, size)
        #expect(UI.style(of: "cannot read /tmp/journal", in: g) == UI.theme[.dialog].patched(with: UI.theme[.danger]))
    }

    @Test(arguments: ScreenSize.both)
    func journalSaysInProgressForAnOperationRunningHere(size: ScreenSize) throws {
        var s = try ResultsScreenTests.running()
        let id = try #require(s.operations.last?.id)
        UI.reduce(&s, .hideResults, .openJournal)
        let unfinished = [
            JournalRecord(
                time: UI.t0, operation: id, event: .begin, profile: "p", action: "stop",
                results: [InstanceResult(instanceId: UI.id(2), regionId: UI.hangzhou, outcome: .accepted)]),
            JournalRecord(
                time: UI.t0, operation: "op-crashed", event: .begin, profile: "p", action: "stop",
                results: [InstanceResult(instanceId: UI.id(3), regionId: UI.hangzhou, outcome: .sending)]),
        ]
        UI.reduce(&s, .journalLoaded(OperationHistory(records: unfinished).entries))
        let g = UI.render(s, size)
        let rows = g.lines.filter { $0.contains("\(id) ") || $0.contains("op-crashed") }
        #expect(rows.count == 2, "\(UI.dump(g))")
        #expect(
            rows.filter { $0.contains("in progress") }.count == 1
                && rows.filter { $0.contains("INTERRUPTED") }.count == 1,
            "the operation running in this session is in progress, the other one interrupted\(UI.dump(g))")
        #expect(UI.style(of: "in progress", in: g) == UI.theme[.dialog].patched(with: UI.theme[.warning]))
    }

    @Test func journalMarksDryRunsAndShowsTheOptions() {
        var s = UI.state(sandbox: true)
        UI.reduce(&s, .openJournal)
        let r = InstanceResult(
            instanceId: UI.id(1), regionId: UI.hangzhou, outcome: .dryRunPassed, code: "DRYRUN.SUCCESS")
        let records = [
            JournalRecord(
                time: UI.t0, operation: "op-p", event: .begin, profile: "sandbox", action: "stop", results: [r]),
            JournalRecord(
                time: UI.t0, operation: "op-p", event: .send, profile: "sandbox", region: UI.hangzhou,
                action: "StopInstances",
                parameters: [
                    ("RegionId", UI.hangzhou), ("InstanceId.1", UI.id(1)), ("StoppedMode", "StopCharging"),
                    ("BatchOptimization", "AllTogether"), ("DryRun", "true"),
                ]),
            JournalRecord(time: UI.t0, operation: "op-p", event: .end, profile: "sandbox", action: "stop"),
            JournalRecord(
                time: UI.t0, operation: "op-x", event: .begin, profile: "sandbox", action: "stop", results: [r]),
        ]
        UI.reduce(&s, .journalLoaded(OperationHistory(records: records).entries))
        let g = UI.render(s, .large)
        #expect(UI.line("stop (dry run) op-p", in: g).contains("1 instance"), "\(UI.dump(g))")
        #expect(UI.line("stop (dry run) op-p", in: g).contains("(StopCharging, AllTogether)"), "\(UI.dump(g))")
        #expect(
            UI.shows("INTERRUPTED (made in the sandbox)", g),
            "the sandbox's operations resume in the sandbox")
    }

    @Test(arguments: ScreenSize.both)
    func quitConfirmationWhileAnOperationIsInFlight(size: ScreenSize) throws {
        var s = UI.state()
        #expect(UI.reduce(&s, .quit) == [.quit], "nothing in flight: quits at once")
        UI.reduce(
            &s, .moveTo(instanceId: UI.id(1)), .openStopDialog, .pressButton(.confirm), .typeCharacter("y"),
            .hideResults)
        #expect(UI.reduce(&s, .quit).isEmpty)
        let g = UI.render(s, size)
        #expect(UI.shows("─ Quit? ", g))
        #expect(UI.shows("An operation is still in flight. Quitting stops tracking it;", g))
        #expect(
            UI.shows("ecsfleet --profile prod-admin journal --resume", g),
            "the command for this session's credentials\(UI.dump(g))")
        #expect(UI.shows("[y] Quit  [n] Stay", g))
        #expect(UI.style(of: "[n] Stay", in: g) == UI.theme[.dialog].patched(with: UI.theme[.buttonFocused]))
        #expect(
            g.lines[size.height - 1].trimmingCharacters(in: .whitespaces).isEmpty,
            "no hints in the quit context: \(g.lines[size.height - 1])")
    }

    @Test(arguments: ScreenSize.both)
    func commandLineAtTheBottom(size: ScreenSize) throws {
        var s = UI.state()
        UI.reduce(&s, .openCommandLine)
        for c in "region all" { UI.reduce(&s, .typeCharacter(c)) }
        let g = UI.render(s, size)
        #expect(g.lines[size.height - 1].hasPrefix(":region all█"), "\(UI.dump(g))")
        #expect(g.style(at: 0, y: size.height - 1) == UI.theme[.input])
        #expect(g.style(at: size.width - 1, y: size.height - 1) == UI.theme[.input])
        // An unknown command shows an error banner in the danger role.
        UI.reduce(&s, .typeEnter, .openCommandLine, .editCommandLine("frobnicate"), .executeCommandLine)
        let banner = UI.render(s, size, now: UI.t0)
        #expect(banner.lines[1].contains("Unknown command ':frobnicate'"), "\(UI.dump(banner))")
        #expect(UI.style(of: "Unknown command", in: banner) == UI.rowStyle(.danger))
    }
}
