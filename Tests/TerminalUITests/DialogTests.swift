import TerminalUI
import Testing

@Suite struct DialogTests {
    let dialog = Dialog(
        title: "Stop instances",
        body: ["Stop 3 instances in cn-hangzhou?", "", TextLine("This cannot be undone.", role: .warning)],
        buttons: [DialogButton(key: "c", label: "Cancel"), DialogButton(key: "s", label: "Stop", isDangerous: true)],
        focusedButton: 0)

    /// Columns `x..<x+width` of a row.
    func slice(_ grid: Grid, y: Int, x: Int, width: Int) -> String {
        String(Array(grid.lines[y])[x..<(x + width)])
    }

    @Test func layoutAt80x24() {
        var grid = Grid(width: 80, height: 24)
        let inner = dialog.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(dialog.frame(in: grid.bounds) == Rect(x: 22, y: 8, width: 36, height: 8))
        #expect(inner == Rect(x: 24, y: 10, width: 32, height: 3))
        let box = (8..<16).map { slice(grid, y: $0, x: 22, width: 36) }
        #expect(
            box == [
                "┌─ Stop instances ─────────────────┐",
                "│                                  │",
                "│ Stop 3 instances in cn-hangzhou? │",
                "│                                  │",
                "│ This cannot be undone.           │",
                "│                                  │",
                "│       [c] Cancel  [s] Stop       │",
                "└──────────────────────────────────┘",
            ])
        #expect(grid.lines[7].allSatisfy { $0 == " " } && grid.lines[16].allSatisfy { $0 == " " })
        let theme = Theme.default
        #expect(grid.style(at: 22, y: 8) == theme[.dialog].patched(with: theme[.dialogBorder]))
        #expect(grid.style(at: 25, y: 8) == theme[.dialog].patched(with: theme[.dialogTitle]))
        #expect(grid.style(at: 30, y: 14) == theme[.dialog].patched(with: theme[.buttonFocused]))
        #expect(grid.style(at: 42, y: 14) == theme[.dialog].patched(with: theme[.button]).patched(with: theme[.danger]))
        #expect(grid.style(at: 24, y: 12) == theme[.dialog].patched(with: theme[.warning]))
    }

    @Test func layoutAt200x60() {
        var grid = Grid(width: 200, height: 60)
        let inner = dialog.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(dialog.frame(in: grid.bounds) == Rect(x: 82, y: 26, width: 36, height: 8))
        #expect(inner == Rect(x: 84, y: 28, width: 32, height: 3))
        #expect(slice(grid, y: 28, x: 82, width: 36) == "│ Stop 3 instances in cn-hangzhou? │")
        #expect(slice(grid, y: 32, x: 82, width: 36) == "│       [c] Cancel  [s] Stop       │")
    }

    @Test func longBodyWidensTheBoxUpToTheAreaAndCutsTheRest() {
        let long = Dialog(title: "T", body: [TextLine(String(repeating: "x", count: 100))])
        var grid = Grid(width: 80, height: 24)
        let inner = long.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(long.frame(in: grid.bounds).width == 76)
        #expect(inner.width == 72)
        #expect(slice(grid, y: inner.y, x: inner.x, width: 72) == String(repeating: "x", count: 71) + "…")
    }

    @Test func tinyAreaShortensButtonsAndClipsTheBody() {
        var grid = Grid(width: 20, height: 7)
        let inner = dialog.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(dialog.frame(in: grid.bounds) == Rect(x: 0, y: 0, width: 20, height: 7))
        #expect(inner.height == 2)
        #expect(grid.lines[5] == "│     [c]  [s]     │")
        #expect(grid.lines[6] == "└──────────────────┘")
    }

    @Test func buttonHitTesting() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(dialog.button(atX: 30, y: 14, in: area) == 0)
        #expect(dialog.button(atX: 43, y: 14, in: area) == 1)
        #expect(dialog.button(atX: 41, y: 14, in: area) == nil)
        #expect(dialog.button(atX: 30, y: 13, in: area) == nil)
    }

    @Test func asciiBoxAndDangerBorder() {
        var grid = Grid(width: 40, height: 7)
        var d = Dialog(title: "Quit?", body: ["Leave ecsfleet?"], box: .ascii, minWidth: 20, isDangerous: true)
        d.buttons = []
        d.render(into: &grid, area: grid.bounds, theme: .default)
        #expect(grid.lines[1] == "          +- Quit? ----------+          ")
        #expect(grid.lines[5] == "          +------------------+          ")
        #expect(grid.style(at: 10, y: 1) == Theme.default[.danger])
    }
}
