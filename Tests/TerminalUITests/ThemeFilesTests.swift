import Foundation
import TerminalUI
import Testing

/// `themes/*.toml` is the single source of every built-in theme; `scripts/generate-themes.py` compiles them into
/// `Sources/TerminalUI/Theme/Builtin/`. These tests read the repository's own files (found from this file's path)
/// and fail when the compiled-in text drifts from them: after editing a theme, rerun the script.
@Suite struct ThemeFilesTests {
    /// `themes/` at the package root, found from this file's path.
    static let repositoryThemes: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/themes"
    }()

    static func fileText(_ name: String) throws -> String {
        try String(contentsOfFile: repositoryThemes + "/\(name).toml", encoding: .utf8)
    }

    @Test(arguments: Theme.builtinNames)
    func builtInEqualsTheFile(name: String) throws {
        let file = try Self.fileText(name)
        #expect(
            Theme.builtinSource(named: name) == file,
            "Builtin/\(name) differs from themes/\(name).toml: run scripts/generate-themes.py")
        let parsed = try Theme.parse(file, name: name, file: "\(name).toml")
        #expect(parsed == Theme.builtin(named: name))
    }

    @Test func everyShippedFileIsABuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repositoryThemes)
        #expect(Set(files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }) == Set(Theme.builtinNames))
    }

    @Test(arguments: Theme.builtinNames)
    func builtInsSetEveryRoleAndDescribeThemselves(name: String) throws {
        let theme = try #require(Theme.builtin(named: name))
        #expect(Set(theme.styles.keys) == Set(ThemeRole.all))
        #expect(!theme.summary.isEmpty)
        let text = try #require(Theme.builtinSource(named: name))
        for role in ThemeRole.all {
            let header = "[\(role.name)]"
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = try #require(lines.firstIndex { $0 == header }, "\(name) lacks \(header)")
            #expect(index > 0 && lines[index - 1].hasPrefix("#"), "\(name): \(header) needs a comment explaining it")
        }
    }

    @Test func monoHasNoColour() throws {
        let mono = try #require(Theme.builtin(named: "mono"))
        #expect(mono.styles.values.allSatisfy { $0.fg == .default && $0.bg == .default })
        #expect(mono[.cursor].reverse && mono[.buttonFocused].reverse)
        #expect(mono == Theme.mono)
    }

    @Test func defaultUsesOnlyTheSixteenColoursOnTheTerminalsBackground() {
        for (role, style) in Theme.default.styles {
            for color in [style.fg, style.bg] {
                if case .indexed = color { Issue.record("\(role) uses a 256-colour index") }
                if case .rgb = color { Issue.record("\(role) uses RGB") }
            }
        }
        for role in [ThemeRole.row, .rowAlt, .dialog, .hint, .title] { #expect(Theme.default[role].bg == .default) }
    }

    @Test func statesDifferByMoreThanColourInEveryTheme() throws {
        for name in Theme.builtinNames {
            let theme = try #require(Theme.builtin(named: name))
            #expect(theme[.statusRunning] != theme[.statusStopped] || name == "mono", "\(name)")
            // Glyphs always differ between running, stopped and pending (stopping and starting share ~ in ASCII).
            #expect(Set(StatusGlyph.allCases.map { $0.glyph() }).count == 5)
            #expect(Set([StatusGlyph.running, .stopped, .pending].map { $0.glyph(ascii: true) }).count == 3)
        }
        let mono = try #require(Theme.builtin(named: "mono"))
        #expect(mono[.statusRunning] != mono[.statusStopped], "mono separates them with bold and dim")
    }

    /// Red-green colour blindness: running and stopped must not be told apart by a red/green difference.
    /// In the colorblind theme one is blue and the other orange, which differ strongly in blue and in
    /// lightness, and neither is a green or a pure red.
    @Test func colorblindAvoidsRedGreenPairs() throws {
        let theme = try #require(Theme.builtin(named: "colorblind"))
        let running = try #require(theme[.statusRunning].fg.approximateRGB)
        let stopped = try #require(theme[.statusStopped].fg.approximateRGB)
        func isGreenish(_ c: (r: Int, g: Int, b: Int)) -> Bool { c.g > c.r + 40 && c.g > c.b + 40 }
        func isPureRed(_ c: (r: Int, g: Int, b: Int)) -> Bool { c.r > 150 && c.g < 60 && c.b < 60 }
        for c in [running, stopped] + [theme[.success], theme[.danger]].compactMap({ $0.fg.approximateRGB }) {
            #expect(!isGreenish(c) && !isPureRed(c), "\(c)")
        }
        #expect(running.b > running.r + 100, "running is blue")
        #expect(stopped.r > stopped.b + 100 && stopped.g > 80, "stopped is orange")
        #expect(abs(running.b - stopped.b) > 150, "they differ on the blue-yellow axis")
        // And the default theme is the red/green pair this theme exists to replace.
        #expect(Theme.default[.statusRunning].fg == .green && Theme.default[.statusStopped].fg == .brightRed)
    }
}
