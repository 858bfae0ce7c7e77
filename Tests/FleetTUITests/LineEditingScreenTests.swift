import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

/// The keys of `/` and `:` move a cursor that is drawn where it is, CJK text included; Tab's candidates show
/// above the command line; the header names the endpoint in use.
@Suite struct LineEditingScreenTests {
    static func type(_ text: String, _ s: inout FleetState) {
        for c in text { UI.press(.character(c), &s, .small) }
    }

    @Test func theFilterCursorIsDrawnAtItsDisplayColumn() {
        var s = UI.state()
        UI.press(.character("/"), &s, .small)
        Self.type("名前ab", &s)
        UI.press(.left, &s, .small)
        UI.press(.left, &s, .small)
        UI.press(.home, &s, .small)
        Self.type("x", &s)
        #expect(s.filter.text == "x名前ab")
        var g = UI.render(s, .small)
        #expect(g.lines[1].hasPrefix("/x名前ab"), "\(UI.dump(g))")
        // "/x" then the cursor on 名, a wide character: columns 2 and 3.
        #expect(g[2, 1].text == "名" && g[2, 1].style.reverse)
        #expect(!g[1, 1].style.reverse && !g[4, 1].style.reverse)
        UI.press(.ctrl("e"), &s, .small)
        UI.press(.left, &s, .small)
        g = UI.render(s, .small)
        // "/x名前a" is 1 + 1 + 4 + 1 = 7 columns: the cursor is on "b" at column 7.
        #expect(g[7, 1].text == "b" && g[7, 1].style.reverse, "\(UI.dump(g))")
        UI.press(.delete, &s, .small)
        UI.press(.ctrl("a"), &s, .small)
        UI.press(.right, &s, .small)
        UI.press(.ctrl("k"), &s, .small)
        #expect(s.filter.text == "x")
        g = UI.render(s, .small)
        #expect(g.lines[1].hasPrefix("/x█"), "at the end: a block after the text")
    }

    @Test func aLineWiderThanTheScreenScrollsToKeepTheCursorInView() {
        var s = UI.state()
        let long = (1...30).map { "w\($0)" }.joined(separator: " ") // 110 characters
        UI.press(.character(":"), &s, .small)
        Self.type(long, &s)
        var g = UI.render(s, .small)
        #expect(g.lines[23].hasPrefix(":…") && g.lines[23].hasSuffix("w29 w30█"), "\(UI.dump(g))")
        UI.press(.home, &s, .small)
        g = UI.render(s, .small)
        #expect(g.lines[23].hasPrefix(":w1 w2 w3") && g[1, 23].style.reverse != UI.theme[.input].reverse)
    }

    @Test func theCommandLineEditsWithTheSameKeys() throws {
        var s = UI.state()
        UI.press(.character(":"), &s, .small)
        Self.type("region 上海", &s)
        UI.press(.ctrl("a"), &s, .small)
        UI.press(.delete, &s, .small)
        Self.type("R", &s)
        UI.press(.end, &s, .small)
        UI.press(.left, &s, .small)
        #expect(s.dialog == .commandLine(CommandLineState(TypedLine("Region 上海", cursor: 8))))
        let g = UI.render(s, .small)
        // ":Region 上" is 1 + 7 + 2 = 10 columns.
        #expect(g.lines[23].hasPrefix(":Region 上海"), "\(UI.dump(g))")
        #expect(g[10, 23].text == "海" && g[10, 23].style.reverse != UI.theme[.input].reverse)
        UI.press(.ctrl("w"), &s, .small)
        #expect(s.dialog == .commandLine(CommandLineState(TypedLine("Region 海", cursor: 7))))
        UI.press(.ctrl("u"), &s, .small)
        #expect(s.dialog == .commandLine(CommandLineState(TypedLine("海", cursor: 0))))
    }

    @Test func tabShowsTheCandidatesAboveTheCommandLine() {
        var s = UI.state()
        s.profiles = ["prod-admin", "second", "sec-audit"]
        UI.press(.character(":"), &s, .small)
        Self.type("profile s", &s)
        UI.press(.tab, &s, .small)
        var g = UI.render(s, .small)
        #expect(g.lines[23].hasPrefix(":profile sec█"), "\(UI.dump(g))")
        #expect(g.lines[22].hasPrefix(" profiles (2): second  sec-audit"), "\(UI.dump(g))")
        UI.press(.tab, &s, .small)
        g = UI.render(s, .small)
        #expect(g.lines[23].hasPrefix(":profile second█"))
        let at = UI.find("second", in: g)
        #expect(at?.y == 22 && g.style(at: at!.x, y: 22) == UI.theme[.header].patched(with: UI.theme[.cursor]))
        UI.press(.backTab, &s, .small)
        #expect(UI.render(s, .small).lines[23].hasPrefix(":profile sec-audit█"))
        Self.type("x", &s)
        g = UI.render(s, .small)
        #expect(!g.lines[22].contains("profiles (2)"), "typing closes the candidates")
        UI.press(.tab, &s, .small)
        #expect(UI.render(s, .small).lines[22].hasPrefix(" No profiles start with 'sec-auditx'"))
    }

    @Test func helpListsTheSameEditingKeysForBothLines() {
        let keymap = Keymap()
        let s = UI.state()
        func rows(_ context: KeyContext) -> [String] {
            keymap.helpSections(for: s, current: context)[0].entries.map { $0.keys + " " + $0.description }
        }
        let filter = rows(.filter)
        let command = rows(.commandLine)
        for keys in ["Left", "Right", "Ctrl-A, Home", "Ctrl-E, End", "Del", "Ctrl-W", "Ctrl-U", "Ctrl-K"] {
            let f = filter.first { $0.hasPrefix(keys + " ") }
            let c = command.first { $0.hasPrefix(keys + " ") }
            #expect(f != nil && f == c, "\(keys): \(String(describing: f)) / \(String(describing: c))")
        }
        #expect(command.contains { $0.hasPrefix("Tab complete command/region/theme/profile/column") })
    }

    @Test(arguments: ScreenSize.both)
    func theHeaderNamesProfileSourceAndEndpoint(size: ScreenSize) {
        var s = UI.state()
        s.credentialSource = "profile work (RamRoleArn)"
        #expect(!UI.render(s, size).lines[0].contains(" @ "), "no endpoint named: none shown")
        s.endpoint = "http://127.0.0.1:9000/"
        let top = UI.render(s, size).lines[0]
        #expect(top.contains(" profile work (RamRoleArn) @ 127.0.0.1:9000 "), "\(top)")
        s.credentialSource = "environment"
        #expect(UI.render(s, size).lines[0].contains(" environment @ 127.0.0.1:9000 "))
    }
}
