import TerminalUI
import Testing

@Suite struct ColorTests {
    @Test(arguments: [
        ("default", Color.default), ("red", .red), ("RED", .red), ("bright-red", .brightRed),
        ("bright_blue", .brightBlue), ("brightcyan", .brightCyan), ("grey", .brightBlack), ("gray", .brightBlack),
        ("black", .black), ("white", .white), ("bright-white", .brightWhite), ("magenta", .magenta),
        ("0", .indexed(0)), ("208", .indexed(208)), ("255", .indexed(255)),
        ("#FF8700", .rgb(255, 135, 0)), ("#0072b2", .rgb(0, 114, 178)),
    ])
    func parsesEveryForm(text: String, color: Color) {
        #expect(Color(parsing: text) == color)
    }

    @Test(arguments: ["", "256", "-1", "#FFF", "#GG0000", "#12345678", "purple", "bright-", "brightest-red"])
    func rejectsOtherText(_ text: String) {
        #expect(Color(parsing: text) == nil)
    }

    @Test func themeNamesRoundTrip() {
        for color in [Color.default, .red, .brightMagenta, .indexed(17), .rgb(1, 2, 254)] {
            #expect(Color(parsing: color.themeName) == color)
        }
        #expect(Color.rgb(255, 135, 0).themeName == "#ff8700")
    }

    @Test func downsampling() {
        #expect(Color.rgb(255, 135, 0).downsampled(toColorCount: 256) == .indexed(208))
        #expect(Color.rgb(255, 135, 0).downsampled(toColorCount: 1 << 24) == .rgb(255, 135, 0))
        #expect(Color.indexed(208).downsampled(toColorCount: 16) == .yellow)
        #expect(Color.indexed(196).downsampled(toColorCount: 8) == .ansi(1))
        #expect(Color.brightRed.downsampled(toColorCount: 8) == .red)
        #expect(Color.indexed(4).downsampled(toColorCount: 256) == .blue)
        #expect(Color.red.downsampled(toColorCount: 0) == .default)
        #expect(Color.default.paletteNumber(colorCount: 256) == -1)
        #expect(Color.rgb(0, 0, 0).paletteNumber(colorCount: 256) == 16)
        #expect(Color.brightGreen.paletteNumber(colorCount: 256) == 10)
    }

    @Test func stylePatchingAndMonochrome() {
        let base = Style(fg: .white, bg: .blue)
        #expect(base.patched(with: Style(fg: .red, bold: true)) == Style(fg: .red, bg: .blue, bold: true))
        #expect(base.patched(with: .plain) == base)
        #expect(Style(fg: .red, bold: true).monochrome == Style(bold: true))
        #expect(Style(fg: .black, bg: .cyan).monochrome == Style(reverse: true), "highlights stay visible")
    }
}
