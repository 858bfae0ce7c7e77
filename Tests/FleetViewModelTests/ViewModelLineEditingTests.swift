import FleetCore
import FleetViewModel
import Foundation
import Testing

/// The filter line and the command line edit alike: a cursor that moves by characters (a CJK character is one
/// step), insertions and erasures at it; and Tab completes the command line from the state alone.
@Suite struct ViewModelLineEditingTests {
    @Test func theCursorMovesByCharactersAndEditsHappenAtIt() {
        var line = TypedLine("名前ab")
        #expect(line.cursor == 4)
        line.apply(.moveToStart)
        line.apply(.moveRight)
        line.apply(.insert("-"))
        #expect(line.text == "名-前ab" && line.cursor == 2)
        line.apply(.eraseForward)
        #expect(line.text == "名-ab" && line.cursor == 2)
        line.apply(.eraseBackward)
        #expect(line.text == "名ab" && line.cursor == 1)
        line.apply(.moveLeft)
        line.apply(.moveLeft)
        #expect(line.cursor == 0, "stops at the start")
        line.apply(.eraseBackward)
        #expect(line.text == "名ab")
        line.apply(.moveToEnd)
        line.apply(.moveRight)
        #expect(line.cursor == 3, "stops at the end")
        line.apply(.eraseForward)
        #expect(line.text == "名ab")

        var words = TypedLine("tag:env=dev status:ru zone:h")
        for _ in 0..<7 { words.apply(.moveLeft) }
        words.apply(.eraseWordBackward)
        #expect(words.text == "tag:env=dev  zone:h" && words.cursor == 12)
        words.apply(.eraseToEnd)
        #expect(words.text == "tag:env=dev ")
        words.apply(.moveLeft)
        words.apply(.eraseToStart)
        #expect(words.text == " " && words.cursor == 0)
        // A combining accent is part of its letter: one step.
        var accent = TypedLine("e\u{301}x")
        accent.apply(.moveToStart)
        accent.apply(.moveRight)
        #expect(accent.beforeCursor == "e\u{301}")
    }

    @Test func theFilterFollowsEditsInTheMiddle() {
        var s = VM.state(5)
        VM.reduce(&s, [.beginFilter, .editLine(.insert("web-0")), .editLine(.insert("1"))])
        #expect(s.visible.count == 1)
        VM.reduce(&s, [.editLine(.moveToStart), .editLine(.insert("!"))])
        #expect(s.filter.text == "!web-01" && s.filter.line.cursor == 1)
        #expect(s.visible.count == 4)
        VM.reduce(&s, [.editLine(.moveToEnd), .editLine(.eraseBackward), .editLine(.insert("2"))])
        #expect(s.filter.text == "!web-02")
        VM.reduce(&s, .applyFilter)
        #expect(s.filter.applied == "!web-02")
    }

    @Test func theCommandLineEditsAtTheCursor() {
        var s = VM.state(3)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-hangzhou")])
        for _ in 0..<" cn-hangzhou".count { VM.reduce(&s, .editLine(.moveLeft)) }
        VM.reduce(&s, [.typeCharacter("s"), .editLine(.moveToStart), .editLine(.eraseForward)])
        guard case .commandLine(let command) = s.dialog else {
            Issue.record("the command line closed")
            return
        }
        #expect(command.text == "egions cn-hangzhou" && command.line.cursor == 0)
        VM.reduce(&s, [.editLine(.insert("r")), .executeCommandLine])
        #expect(s.regionsShown == .only([VM.hangzhou]))
    }

    // MARK: Completion

    static func state() -> FleetState {
        var s = VM.state(3)
        s.knownRegions = [VM.hangzhou, VM.shanghai, "ap-southeast-1"]
        s.regionListLoaded = true
        s.profiles = ["prod", "second", "sec-audit"]
        s.themes = ["default", "light", "mono", "my-dark"]
        return s
    }

    static func tab(_ s: inout FleetState, _ typed: String, times: Int = 1) -> CommandLineState? {
        VM.reduce(&s, [.openCommandLine, .editCommandLine(typed)])
        for _ in 0..<times { VM.reduce(&s, .completeCommandLine(backward: false)) }
        if case .commandLine(let c) = s.dialog { return c }
        return nil
    }

    @Test(arguments: [
        ("pro", "profile "), ("profile sec", "profile sec"), ("profile seco", "profile second "),
        ("theme my", "theme my-dark "), ("region ap", "region ap-southeast-1 "),
        ("region cn-hangzhou,cn-s", "region cn-hangzhou,cn-shanghai "), ("region AL", "region all "),
        ("sort ta", "sort tags "), ("sort i", "sort i"), ("columns name,st", "columns name,status "),
        ("columns +lo", "columns +lock "), ("columns de", "columns default "), ("sort zone d", "sort zone desc "),
        ("mouse of", "mouse off "),
        ("export f", "export f"), ("so", "sort "),
    ])
    func tabCompletesAsFarAsTheCandidatesAgree(_ typed: String, _ completed: String) {
        var s = Self.state()
        #expect(Self.tab(&s, typed)?.text == completed)
    }

    @Test func ambiguousWordsShowTheCandidatesAndTabCyclesThem() {
        var s = Self.state()
        var c = Self.tab(&s, "region cn-")
        #expect(c?.text == "region cn-")
        #expect(c?.completion?.candidates == [VM.hangzhou, VM.shanghai])
        #expect(c?.completion?.kind == "regions" && c?.completion?.selected == nil)
        VM.reduce(&s, .completeCommandLine(backward: false))
        c = Self.command(s)
        #expect(c?.text == "region cn-hangzhou" && c?.completion?.selected == 0)
        VM.reduce(&s, .completeCommandLine(backward: false))
        #expect(Self.command(s)?.text == "region cn-shanghai")
        VM.reduce(&s, .completeCommandLine(backward: false))
        #expect(Self.command(s)?.text == "region cn-hangzhou", "wraps around")
        VM.reduce(&s, .completeCommandLine(backward: true))
        #expect(Self.command(s)?.text == "region cn-shanghai")
        VM.reduce(&s, .typeCharacter(" "))
        #expect(Self.command(s)?.completion == nil, "typing ends the cycle")

        // The common start first: "profile s" becomes "profile sec", then the two are offered.
        c = Self.tab(&s, "profile s")
        #expect(c?.text == "profile sec" && c?.completion?.candidates == ["second", "sec-audit"])

        // Every command, from an empty line: the list help shows.
        c = Self.tab(&s, "")
        #expect(c?.completion?.candidates == CommandCompletion.commandNames)
        #expect(CommandCompletion.commandNames.contains("profile") && CommandCompletion.commandNames.contains("sort"))
        for name in CommandCompletion.commandNames {
            #expect(Self.isCommand(name), "\(name) is a command")
        }

        c = Self.tab(&s, "profile zz")
        #expect(c?.text == "profile zz" && c?.completion?.candidates == [])
    }

    @Test func regionsOfAnAccountNotYetListedAreAskedFor() {
        var s = VM.state(3)
        VM.reduce(&s, [.openCommandLine, .editCommandLine("region cn-")])
        #expect(VM.reduce(&s, .completeCommandLine(backward: false)) == [.loadRegionList])
        #expect(Self.command(s)?.text == "region cn-hangzhou ", "the one region known so far")
        VM.reduce(&s, .regionsLoaded([VM.hangzhou, VM.shanghai]))
        VM.reduce(&s, [.editCommandLine("region cn-"), .completeCommandLine(backward: false)])
        #expect(Self.command(s)?.completion?.candidates == [VM.hangzhou, VM.shanghai])
    }

    static func command(_ s: FleetState) -> CommandLineState? {
        if case .commandLine(let c) = s.dialog { return c }
        return nil
    }

    /// Whether the parser knows `name` (it may then ask for an argument).
    static func isCommand(_ name: String) -> Bool {
        do {
            _ = try FleetCommand.parse(name)
            return true
        } catch {
            return !error.description.hasPrefix("Unknown command")
        }
    }
}
