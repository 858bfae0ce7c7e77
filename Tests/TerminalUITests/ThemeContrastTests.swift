import Foundation
import TerminalUI
import Testing

/// Every built-in theme is readable (WCAG 2 AA): text at least 4.5:1 against what it is drawn on, borders and
/// bar glyphs at least 3:1. Colours are the xterm palette's RGB (`Color.approximateRGB`); the terminal's own
/// colours are taken as black on white for the light theme and light grey on black for the others, which are
/// made for dark terminals. Bold and dim are left to the terminal and not counted.
@Suite struct ThemeContrastTests {
    static let text: [ThemeRole] = [
        .title, .header, .row, .rowAlt, .cursor, .mark, .statusRunning, .statusStarting, .statusStopping,
        .statusStopped, .statusPending, .dialog, .dialogTitle, .button, .buttonFocused, .danger, .warning, .success,
        .hint, .hintKey, .statusLine, .badge, .dim, .input, .helpKey,
    ]
    static let nonText: [ThemeRole] = [.border, .dialogBorder, .progressDone, .progressTodo]

    /// The roles drawn over another role's background, as the widgets patch them (striped rows, dialogs, the
    /// hint bar); every role is also drawn straight on the terminal.
    static let surfaces: [ThemeRole: [ThemeRole]] = [
        .rowAlt: [
            .statusRunning, .statusStarting, .statusStopping, .statusStopped, .statusPending, .mark, .danger,
            .warning, .success, .dim,
        ],
        .dialog: [
            .dialogBorder, .dialogTitle, .button, .buttonFocused, .danger, .progressDone, .progressTodo,
            .hintKey, .dim, .warning, .success,
        ],
        .hint: [.hintKey, .dim],
    ]

    typealias RGB = (r: Int, g: Int, b: Int)

    /// WCAG 2 relative luminance of an sRGB colour.
    static func luminance(_ c: RGB) -> Double {
        func channel(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The colours a role shows with, over `surface` (nil: the terminal), after reverse video.
    static func shown(_ role: ThemeRole, over surface: ThemeRole?, in theme: Theme) -> (fg: RGB, bg: RGB) {
        let black: RGB = (0, 0, 0)
        let white: RGB = (255, 255, 255)
        let grey: RGB = (229, 229, 229)
        let light = theme.name == "light"
        let terminalFg = light ? black : grey
        let terminalBg = light ? white : black
        var style = theme[role]
        if let surface { style = theme[surface].patched(with: style) }
        let fg: RGB = style.fg.approximateRGB ?? terminalFg
        let bg: RGB = style.bg.approximateRGB ?? terminalBg
        return style.reverse ? (bg, fg) : (fg, bg)
    }

    @Test(arguments: Theme.builtinNames)
    func everyRoleIsReadable(name: String) throws {
        let theme = try #require(Theme.builtin(named: name))
        for role in Self.text + Self.nonText {
            let needed = Self.text.contains(role) ? 4.5 : 3
            let surfaces: [ThemeRole?] =
                [nil] + Self.surfaces.filter { $0.value.contains(role) }.map { Optional($0.key) }
            for surface in surfaces {
                let (fg, bg) = Self.shown(role, over: surface, in: theme)
                let ratio = Self.contrast(fg, bg)
                let shown = (ratio * 100).rounded() / 100
                #expect(
                    ratio >= needed,
                    "\(name): [\(role.name)] on \(surface?.name ?? "the terminal") is \(shown):1, needs \(needed):1")
            }
        }
    }

    @Test func theRatioMatchesWCAGsWorkedValues() {
        #expect(abs(Self.contrast((0, 0, 0), (255, 255, 255)) - 21) < 0.001)
        #expect(Self.contrast((255, 255, 255), (255, 255, 255)) == 1)
        // #767676 on white is the classic lightest grey that passes AA (4.54:1).
        #expect(abs(Self.contrast((118, 118, 118), (255, 255, 255)) - 4.54) < 0.01)
    }

    @Test func everyRoleIsChecked() {
        #expect(Set(Self.text + Self.nonText) == Set(ThemeRole.all))
    }
}
