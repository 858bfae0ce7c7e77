import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// Past operations from the journal, newest first (as `JournalViewState.entries` holds them), scrolled by lines.
enum JournalView {
    /// Instances listed under each operation, failures first; the rest are counted (`ecsfleet journal` lists all).
    static let resultsShown = 20

    /// The journal's lines: per operation a summary line, then up to `resultsShown` of its instances, the ones
    /// that failed or timed out first, so that what needs a look is never among the ones counted. An operation
    /// without an end that is in `running` (still in flight in this session) is in progress, not interrupted.
    static func lines(_ j: JournalViewState, running: Set<String> = [], ascii: Bool) -> [TextLine] {
        switch j.phase {
        case .loading: return [TextLine(ascii ? "reading the journal..." : "reading the journal…", role: .dim)]
        case .failed(let why): return [TextLine(why, role: .danger)]
        case .loaded:
            if j.entries.isEmpty { return [TextLine("No operations yet.", role: .dim)] }
            var lines: [TextLine] = []
            for e in j.entries {
                let counts = OperationEngine.summary(e.results)
                lines.append(
                    TextLine([
                        Span(time(e.started) + "  ", role: .dim), Span(e.title + " ", role: .title),
                        Span("\(e.results.count) instance\(e.results.count == 1 ? "" : "s"): \(counts)"),
                        Span(e.options.isEmpty ? "" : "  (" + e.options.joined(separator: ", ") + ")", role: .dim),
                        status(of: e, running: running),
                    ]))
                let failuresFirst =
                    e.results.filter { OperationRun.isFailure($0.outcome) }
                    + e.results.filter { !OperationRun.isFailure($0.outcome) }
                for r in failuresFirst.prefix(resultsShown) {
                    lines.append(
                        TextLine(
                            "    \(r.instanceId)  \(r.outcome.rawValue)  \(r.code) \(r.message)", role: r.outcome.role))
                }
                if e.results.count > resultsShown {
                    lines.append(
                        TextLine(
                            "    ... \(e.results.count - resultsShown) more (ecsfleet journal lists every instance)",
                            role: .dim))
                }
            }
            return lines
        }
    }

    /// `in progress` for an operation still running here, `INTERRUPTED` for one a quit or a crash left unfinished.
    static func status(of e: OperationHistory.Entry, running: Set<String>) -> Span {
        guard e.isInterrupted else { return Span("") }
        if running.contains(e.operation) { return Span("  in progress", role: .warning) }
        return Span("  INTERRUPTED (\(e.resumeCommand))", role: .danger)
    }

    static func render(
        _ j: JournalViewState, running: Set<String>, into grid: inout Grid, area: Rect, theme: Theme, box: BoxStyle
    ) {
        let all = lines(j, running: running, ascii: box.isASCII)
        let bounds = ScrollBounds(lines: all.count, rows: OverlayLayout.dialogRows(bodyHeight: area.height))
        let offset = min(j.scroll, bounds.lastOffset)
        let shown = Array(all[offset..<min(all.count, offset + bounds.rows)])
        let width = OverlayLayout.dialogWidth(widest: all.map(\.width).max() ?? 0, base: 110, areaWidth: area.width)
        let dialog = Dialog(
            title: "Journal", body: shown, buttons: [DialogButton(key: "q", label: "Close")], focusedButton: 0,
            box: box, minWidth: width)
        dialog.render(into: &grid, area: area, theme: theme)
        ScrollIndicator(offset: offset, rows: bounds.rows, total: all.count, ascii: box.isASCII)
            .render(into: &grid, frame: dialog.frame(in: area), style: OverlayLayout.indicatorStyle(theme))
    }

    /// `yyyy-MM-dd HH:mm:ss` in UTC.
    static func time(_ date: Date) -> String {
        ECSTime.formatSeconds(date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }
}
