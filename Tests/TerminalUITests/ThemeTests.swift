import Foundation
import TerminalUI
import Testing

@Suite struct ThemeParsingTests {
    @Test func everyColourFormAndAttribute() throws {
        let theme = try Theme.parse(
            """
            description = "test"
            [header]
            fg = "bright-cyan"
            bg = "#102030"
            bold = true
            underline = true
            [row]
            fg = 208
            bg = "17"
            dim = true
            reverse = true
            [cursor]
            fg = "default"
            """, name: "t")
        #expect(theme.summary == "test")
        #expect(theme[.header] == Style(fg: .brightCyan, bg: .rgb(0x10, 0x20, 0x30), bold: true, underline: true))
        #expect(theme[.row] == Style(fg: .indexed(208), bg: .indexed(17), dim: true, reverse: true))
        #expect(theme[.cursor] == .plain)
        #expect(theme.styles.count == 3)
        #expect(theme[.danger] == .plain, "unset roles without a base are plain")
    }

    @Test func unsetRolesComeFromTheBaseOrExtends() throws {
        let withBase = try Theme.parse("[danger]\nfg = \"blue\"", name: "t", base: .default)
        #expect(withBase[.danger] == Style(fg: .blue))
        #expect(withBase[.header] == Theme.default[.header])
        let extending = try Theme.parse("extends = \"mono\"\n[danger]\nfg = \"blue\"", name: "t", base: .default)
        #expect(extending[.header] == Theme.mono[.header])
    }

    @Test func roleLookupFallsBackToTheParentRole() {
        let theme = Theme(name: "t", styles: [ThemeRole("status"): Style(bold: true), .row: Style(dim: true)])
        #expect(theme[.statusRunning] == Style(bold: true))
        #expect(theme[.rowAlt] == Style(dim: true))
        #expect(theme[.dialogBorder] == .plain)
    }

    @Test(arguments: [
        ("[header]\nfg = \"purple\"", 2, "fg = \"purple\" in [header] is not a colour"),
        ("[header]\n\nbg = 300", 3, "bg = 300 in [header] is outside the palette 0-255"),
        ("[header]\nfg = true", 2, "fg in [header] must be a colour, not true"),
        ("[header]\nbold = \"yes\"", 2, "bold in [header] must be true or false"),
        ("[header]\ncolour = \"red\"", 2, "unknown key 'colour' in [header]"),
        ("# x\n[stauts.running]\nfg = \"red\"", 2, "unknown role [stauts.running]"),
        ("name = \"x\"", 1, "unknown top-level key 'name'"),
        ("extends = \"nope\"", 1, "extends = \"nope\": no built-in theme has that name"),
        ("description = 3", 1, "'description' must be a string"),
        ("[header]\nfg = \"red", 2, "Error while parsing string"),
    ])
    func errorsNameFileLineAndProblem(text: String, line: Int, message: String) {
        do {
            _ = try Theme.parse(text, name: "t", file: "/tmp/t.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "/tmp/t.toml" && error.line == line)
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
            #expect(error.description.hasPrefix("/tmp/t.toml:\(line): "))
        }
    }

    @Test func toTOMLRoundTrips() throws {
        for name in Theme.builtinNames {
            let theme = try #require(Theme.builtin(named: name))
            let again = try Theme.parse(theme.toTOML(), name: name)
            #expect(again == theme, "\(name)")
        }
    }
}

@Suite struct ThemeLoadingTests {
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecsfleet-themes-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func namesResolveToTheUserDirectoryThenBuiltIns() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "[header]\nfg = \"magenta\"\n".write(toFile: dir + "/mine.toml", atomically: true, encoding: .utf8)
        try "[header]\nfg = \"blue\"\n".write(toFile: dir + "/mono.toml", atomically: true, encoding: .utf8)

        let mine = try Theme.load(nameOrPath: "mine", userDirectory: dir)
        #expect(mine.name == "mine" && mine[.header] == Style(fg: .magenta))
        #expect(mine[.danger] == Theme.default[.danger], "unset roles come from the default theme")
        #expect(
            try Theme.load(nameOrPath: "mono", userDirectory: dir)[.header] == Style(fg: .blue),
            "user overrides built-in")
        #expect(try Theme.load(nameOrPath: "colorblind", userDirectory: dir) == Theme.builtin(named: "colorblind"))
        #expect(try Theme.load(nameOrPath: "light", userDirectory: nil) == Theme.builtin(named: "light"))
        #expect(try Theme.load(nameOrPath: dir + "/mine.toml", userDirectory: nil) == mine)
    }

    @Test func missingThemesAndBadFilesSayWhatWasTried() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try Theme.load(nameOrPath: "nope", userDirectory: dir)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description.hasPrefix(
                    "no theme named 'nope'; built-in themes: default, light, mono, high-contrast, colorblind"),
                "the names come before the long directory")
            #expect(error.description.contains("(user themes: \(dir))"))
        }
        do {
            _ = try Theme.load(nameOrPath: dir + "/absent.toml", userDirectory: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == dir + "/absent.toml" && error.message.hasPrefix("cannot read"))
        }
        try "[header]\n\nfg = \"nope\"\n".write(toFile: dir + "/bad.toml", atomically: true, encoding: .utf8)
        do {
            _ = try Theme.load(nameOrPath: "bad", userDirectory: dir)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(dir + "/bad.toml:3: fg = \"nope\" in [header] is not a colour"))
        }
    }
}

@Suite struct StatusGlyphTests {
    /// Every state has a glyph of its own, in UTF-8 and in ASCII: Starting and Stopping are not told apart by
    /// which half of a circle is filled.
    @Test(arguments: [false, true]) func everyStateHasItsOwnGlyph(ascii: Bool) {
        let glyphs = StatusGlyph.allCases.map { $0.glyph(ascii: ascii) }
        #expect(Set(glyphs).count == glyphs.count, "\(glyphs)")
        #expect(glyphs.allSatisfy { DisplayWidth.of($0) == 1 })
    }
}

@Suite struct NotificationSequenceTests {
    /// The bell, OSC 9 and OSC 777, with nothing in the text able to end or reshape them.
    @Test func bellAndBothDesktopSequencesWithSafeText() {
        let bytes = NotificationSequence.bytes(title: "ecsfleet: stop", body: "evil\u{07}\u{1B}]0;x;y\nnext")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{07}\u{1B}]9;ecsfleet: stop: "))
        #expect(text.contains("\u{1B}]777;notify;ecsfleet: stop;"))
        // Exactly three BELs (the bell and one ending each sequence) and two ESCs: the body added none.
        #expect(bytes.filter { $0 == 0x07 }.count == 3)
        #expect(bytes.filter { $0 == 0x1B }.count == 2)
        #expect(text.components(separatedBy: ";").count == 5, "\(text.debugDescription)")
    }
}
