import Foundation
import TerminalUI
import Testing

/// A whole screen as text, compared with a file under `Frames/`: every character, and a style mask of one letter
/// per cell whose legend names the theme roles the letter's style is made of (`row+cursor`, `dialog+danger`).
/// `ECSFLEET_UPDATE_FRAMES=1 swift test --filter FrameTests` rewrites the files, for a change made on purpose.
enum GoldenFrame {
    static let updateVariable = "ECSFLEET_UPDATE_FRAMES"
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Frames")

    /// The frame as stored: `|`-fenced lines (trailing spaces stay visible), then the style mask and its legend.
    static func text(_ grid: Grid, theme: Theme) -> String {
        var letters: [Style: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var mask: [String] = []
        for y in 0..<grid.height {
            var line = ""
            for x in 0..<grid.width {
                let style = grid.style(at: x, y: y)
                if letters[style] == nil {
                    let letter = letters.count < alphabet.count ? alphabet[letters.count] : "?"
                    letters[style] = letter
                    legend.append("\(letter) \(name(of: style, theme: theme))")
                }
                line.append(letters[style]!) // set just above
            }
            mask.append("|" + line + "|")
        }
        let characters = grid.lines.map { "|" + $0 + "|" }
        return (["characters \(grid.width)x\(grid.height)"] + characters + ["styles"] + mask + legend).joined(
            separator: "\n") + "\n"
    }

    /// The roles a style is made of: a role on its own, or laid over the row, the dialog or the title style, as
    /// the views compose them; colours and attributes when no composition matches.
    static func name(of style: Style, theme: Theme) -> String {
        for role in ThemeRole.all where theme[role] == style { return role.name }
        for base in [ThemeRole.row, .dialog, .title, .header, .hint, .input] {
            for role in ThemeRole.all where role != base && theme[base].patched(with: theme[role]) == style {
                return "\(base.name)+\(role.name)"
            }
        }
        for role in ThemeRole.all {
            for inner in ThemeRole.all
            where theme[.dialog].patched(with: theme[role]).patched(with: theme[inner]) == style {
                return "dialog+\(role.name)+\(inner.name)"
            }
        }
        let attributes = [
            style.bold ? "bold" : nil, style.dim ? "dim" : nil, style.reverse ? "reverse" : nil,
            style.underline ? "underline" : nil,
        ]
        return (["fg=\(style.fg)", "bg=\(style.bg)"] + attributes.compactMap { $0 }).joined(separator: " ")
    }

    /// Compares `grid` with `Frames/<name>.txt` (or rewrites the file when `ECSFLEET_UPDATE_FRAMES=1`); a
    /// difference is reported at its first line, with the whole frame.
    static func check(_ grid: Grid, named name: String, theme: Theme, sourceLocation: SourceLocation = #_sourceLocation)
    {
        let actual = text(grid, theme: theme)
        let file = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment[updateVariable] == "1" {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: file)
            } catch {
                Issue.record("cannot write \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record(
                "no golden frame \(file.path): run \(updateVariable)=1 swift test --filter FrameTests, then review and commit it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let want = first < e.count ? String(e[first]) : "(end of file)"
        let got = first < a.count ? String(a[first]) : "(end of frame)"
        Issue.record(
            """
            frame \(name) differs from Frames/\(name).txt at line \(first + 1):
              expected: \(want)
              actual:   \(got)
            (if the change is meant, run \(updateVariable)=1 swift test --filter FrameTests and review the diff)
            actual frame:
            \(actual)
            """, sourceLocation: sourceLocation)
    }
}
