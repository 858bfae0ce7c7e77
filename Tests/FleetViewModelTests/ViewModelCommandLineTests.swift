import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Testing

@Suite struct ViewModelCommandLineTests {
    @Test(arguments: [
        (":region cn-beijing", FleetCommand.region(.only(["cn-beijing"]))),
        ("region cn-beijing,cn-shanghai", .region(.only(["cn-beijing", "cn-shanghai"]))),
        (":regions cn-beijing cn-shanghai cn-beijing", .region(.only(["cn-beijing", "cn-shanghai"]))),
        (":region all", .region(.all)),
        (":region ALL", .region(.all)),
        (":theme solarized", .theme("solarized")),
        (":readonly", .readOnly(true)),
        (":readonly off", .readOnly(false)),
        (":ro on", .readOnly(true)),
        (":mouse on", .mouse(true)),
        (":mouse off", .mouse(false)),
        (":sort name", .sort(.name, ascending: true)),
        (":sort private-ip desc", .sort(.privateIp, ascending: false)),
        (":sort ip", .sort(.privateIp, ascending: true)),
        (":sort Last Operation", .sort(.lastOperation, ascending: true)),
        (":sort stat asc", .sort(.status, ascending: true)),
        (":q", .quit),
        ("  :quit", .quit),
        (":profile", .profile(nil)),
        (":profile work", .profile("work")),
    ])
    func parses(_ line: String, _ expected: FleetCommand) throws {
        #expect(try FleetCommand.parse(line) == expected)
    }

    @Test(arguments: [
        (":region", ":region needs a region (cn-hangzhou), several (cn-hangzhou,cn-shanghai) or all"),
        (":theme", ":theme needs one theme name or path, such as :theme light or :theme high-contrast"),
        (":mouse maybe", ":mouse takes on or off"),
        (":readonly sometimes", ":readonly takes on or off, not 'sometimes'"),
        (":q now", ":q takes nothing after it"),
        (":", "Type a command: \(FleetCommand.usage)"),
        (":frobnicate", "Unknown command ':frobnicate'; Tab on an empty : line lists the commands"),
        (":profile a b", ":profile takes one profile name (Tab lists them)"),
    ])
    func rejects(_ line: String, _ message: String) {
        #expect(throws: FleetCommandError(message)) { try FleetCommand.parse(line) }
    }

    @Test func sortByAColumnAndRefuseAnUnknownOne() throws {
        var s = VM.state(3)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("sort zone desc"), .executeCommandLine])
        #expect(s.sort == InstanceSort(column: .zone, ascending: false))
        VM.reduce(&s, [.openCommandLine, .editCommandLine("sort colour"), .executeCommandLine])
        #expect(s.sort == InstanceSort(column: .zone, ascending: false))
        #expect(s.banners.last?.text.hasPrefix("No column 'colour' to sort by; columns: id name status") == true)
    }

    @Test func theCommandLineRunsCommands() {
        var s = VM.state(3)
        VM.reduce(
            &s,
            [
                .openCommandLine, .editCommandLine("region cn-shan"), .typeCharacter("g"), .typeCharacter("x"),
                .typeBackspace,
            ])
        #expect(s.dialog == .commandLine("region cn-shang"))
        VM.reduce(&s, .editCommandLine("region cn-shanghai"))
        #expect(VM.reduce(&s, .executeCommandLine) == [.loadInstances(region: VM.shanghai, generation: 1)])
        #expect(s.dialog == FleetDialog.none)
        #expect(s.regionsShown == .only([VM.shanghai]))
        #expect(s.knownRegions == [VM.hangzhou, VM.shanghai])
        #expect(s.visible.isEmpty)
        #expect(s.cursor == nil)

        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-hangzhou")])
        #expect(VM.reduce(&s, .typeEnter) == [.loadInstances(region: VM.hangzhou, generation: 1)])
        #expect(s.visible.count == 3)

        VM.reduce(&s, [.openCommandLine, .editCommandLine("region all")])
        #expect(VM.reduce(&s, .executeCommandLine) == [.loadRegionList])
        #expect(s.regionsShown == .all)

        VM.reduce(&s, [.openCommandLine, .editCommandLine("theme dark")])
        #expect(VM.reduce(&s, .executeCommandLine) == [.setTheme("dark")])
        VM.reduce(&s, [.openCommandLine, .editCommandLine("mouse off")])
        #expect(VM.reduce(&s, .executeCommandLine) == [.setMouse(false)])

        VM.reduce(&s, [.openCommandLine, .editCommandLine("readonly"), .executeCommandLine])
        #expect(s.readOnly)
        VM.reduce(&s, [.openStopDialog, .pressButton(.confirm)])
        #expect(VM.dialog(s)?.step == .choosing)
        VM.reduce(&s, [.cancelDialog, .openCommandLine, .editCommandLine("readonly off"), .executeCommandLine])
        #expect(!s.readOnly)

        VM.reduce(&s, [.openCommandLine, .editCommandLine("bogus"), .executeCommandLine])
        #expect(s.banners.last?.level == .error)
        #expect(s.banners.last?.text.hasPrefix("Unknown command ':bogus'") == true)

        VM.reduce(&s, [.openCommandLine, .editCommandLine("q")])
        #expect(VM.reduce(&s, .executeCommandLine) == [.quit])

        VM.reduce(&s, [.openCommandLine, .editCommandLine("q"), .cancelDialog])
        #expect(s.dialog == FleetDialog.none)
    }
}
