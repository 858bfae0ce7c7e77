import FleetViewModel
import TerminalUI

/// The row above the command line while Tab offers several completions (as a shell's or vim's wildmenu):
/// `regions: cn-hangzhou  cn-shanghai`, the one Tab put in the line highlighted, the row scrolled so that one
/// is always in view; or why nothing completes.
enum CompletionLine {
    static func render(_ c: CommandCompletion, into grid: inout Grid, area: Rect, theme: Theme, ascii: Bool) {
        grid.fill(area, style: theme[.header])
        guard !c.candidates.isEmpty else {
            let what = c.typed.isEmpty ? "No \(c.kind) to complete" : "No \(c.kind) start with '\(c.typed)'"
            _ = grid.put(
                TextLine([Span(" " + what, role: .warning)]), x: area.x, y: area.y, base: theme[.header], theme: theme,
                maxWidth: area.width)
            return
        }
        let label = Span(" \(c.kind) (\(c.candidates.count)): ", role: .dim)
        let widths = c.candidates.map { DisplayWidth.of(Sanitizer.clean($0)) + 2 }
        let selected = c.selected ?? 0
        // Start late enough that the selected candidate fits after the label and a `… `.
        var first = 0
        while first < selected, label.width + 2 + widths[first...selected].reduce(0, +) > area.width { first += 1 }
        var spans = [label]
        if first > 0 { spans.append(Span(ascii ? ". " : "… ", role: .dim)) }
        for i in first..<c.candidates.count {
            spans.append(Span(c.candidates[i], role: i == c.selected ? .cursor : .header))
            spans.append(Span("  "))
        }
        _ = grid.put(TextLine(spans), x: area.x, y: area.y, base: theme[.header], theme: theme, maxWidth: area.width)
    }
}
