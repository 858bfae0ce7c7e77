import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// Past operations from the journal, newest first (as `JournalViewState.entries` holds them), one of them
/// selected, scrolled by lines.
enum JournalView {
    /// The journal's lines: per operation a summary line (the selected one marked), then up to
    /// `JournalViewState.resultsShown` of its instances, the ones that failed or timed out first, so that what
    /// needs a look is never among the ones counted. An operation without an end that is in `running` (still in
    /// flight in this session) is in progress, not interrupted; an interrupted one made with `profile` (these
    /// credentials) is resumed here with `r`, another one names its credentials (`r` then gives its command).
    static func lines(
        _ j: JournalViewState, running: Set<String> = [], profile: String = "", ascii: Bool
    ) -> [TextLine] {
        switch j.phase {
        case .loading: return [TextLine(ascii ? "reading the journal..." : "reading the journal…", role: .dim)]
        case .failed(let why): return [TextLine(why, role: .danger)]
        case .loaded:
            if j.entries.isEmpty { return [TextLine("No operations yet.", role: .dim)] }
            var lines: [TextLine] = []
            for (index, e) in j.entries.enumerated() {
                let counts = OperationEngine.summary(e.results)
                let marker = index == j.selected ? (ascii ? "> " : "▸ ") : "  "
                lines.append(
                    TextLine([
                        Span(marker, role: .title), Span(time(e.started) + "  ", role: .dim),
                        Span(e.title + " ", role: .title), Span(e.operation),
                        status(of: e, running: running, profile: profile),
                        Span("  \(e.results.count) instance\(e.results.count == 1 ? "" : "s"): \(counts)"),
                        Span(e.options.isEmpty ? "" : "  (" + e.options.joined(separator: ", ") + ")", role: .dim),
                        Span(e.undoes.map { "  undo of \($0)" } ?? "", role: .dim),
                    ]))
                let failuresFirst =
                    e.results.filter { OperationRun.isFailure($0.outcome) }
                    + e.results.filter { !OperationRun.isFailure($0.outcome) }
                for r in failuresFirst.prefix(JournalViewState.resultsShown) {
                    lines.append(
                        TextLine(
                            "    \(r.instanceId)  \(r.outcome.rawValue)  \(r.code) \(r.message)", role: r.outcome.role))
                }
                if e.results.count > JournalViewState.resultsShown {
                    lines.append(
                        TextLine(
                            "    ... \(e.results.count - JournalViewState.resultsShown) more (ecsfleet journal lists every instance)",
                            role: .dim))
                }
            }
            return lines
        }
    }

    /// `in progress` for an operation still running here, `INTERRUPTED` for one a quit or a crash left
    /// unfinished: with `r` when it was made with these credentials, else with the credentials it needs (a dry
    /// run changed nothing: there is nothing to resume).
    static func status(of e: OperationHistory.Entry, running: Set<String>, profile: String) -> Span {
        guard e.isInterrupted else { return Span("") }
        if running.contains(e.operation) { return Span("  in progress", role: .warning) }
        if e.isDryRun { return Span("  interrupted (a dry run: nothing to resume)", role: .dim) }
        if e.profile == profile { return Span("  INTERRUPTED (r resumes it)", role: .danger) }
        // Short enough to leave the counts room at 80 columns: `r` on it gives the whole command.
        let made =
            switch e.profile {
            case "sandbox": "made in the sandbox"
            case "environment": "environment credentials"
            default: "profile \(e.profile)"
            }
        return Span("  INTERRUPTED (\(made))", role: .danger)
    }

    static func render(
        _ j: JournalViewState, running: Set<String>, profile: String, into grid: inout Grid, area: Rect,
        theme: Theme, box: BoxStyle
    ) {
        let all = lines(j, running: running, profile: profile, ascii: box.isASCII)
        let bounds = ScrollBounds(lines: all.count, rows: OverlayLayout.dialogRows(bodyHeight: area.height))
        let offset = min(j.scroll, bounds.lastOffset)
        let shown = Array(all[offset..<min(all.count, offset + bounds.rows)])
        let width = OverlayLayout.dialogWidth(widest: all.map(\.width).max() ?? 0, base: 110, areaWidth: area.width)
        let dialog = Dialog(
            title: "Journal", body: shown, buttons: [DialogButton(key: "q", label: "Close")], focusedButton: 0,
            box: box, minWidth: width)
        let body = dialog.render(into: &grid, area: area, theme: theme)
        // The selected operation's summary line is drawn as the list's cursor row.
        if j.selectedEntry != nil {
            let row = j.firstLine(of: j.selected) - offset
            if row >= 0, row < body.height {
                grid.setStyle(
                    theme[.dialog].patched(with: theme[.cursor]),
                    in: Rect(x: body.x, y: body.y + row, width: body.width, height: 1))
            }
        }
        ScrollIndicator(offset: offset, rows: bounds.rows, total: all.count, ascii: box.isASCII)
            .render(into: &grid, frame: dialog.frame(in: area), style: OverlayLayout.indicatorStyle(theme))
    }

    /// `yyyy-MM-dd HH:mm:ss` in UTC.
    static func time(_ date: Date) -> String {
        ECSTime.formatSeconds(date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }
}
