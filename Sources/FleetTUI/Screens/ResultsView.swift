import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// Live results of one operation: a progress line with a spinner, then each instance's outcome as it changes.
enum ResultsView {
    static func render(
        _ run: OperationRun, view: ResultsViewState, into grid: inout Grid, area: Rect, theme: Theme,
        options: FleetView.Options
    ) {
        let (top, rest) = area.splitTop(2)
        let total = run.results.count
        let failed = run.failures.count
        let done = run.finishedCount - failed
        let inFlight = total - run.finishedCount
        let elapsed = Int((run.finishedAt ?? options.now).timeIntervalSince(run.startedAt))
        let verb = run.plan.options.dryRun ? "Preview" : (run.action == .stop ? "Stopping" : "Starting")
        let clock = String(format: "%02d:%02d", elapsed / 60, elapsed % 60)
        // Finished: a tick when nothing failed, a cross (in the danger colour) when something did.
        let spinner =
            run.isFinished
            ? (failed > 0 ? (options.ascii ? "x" : "✖") : (options.ascii ? "*" : "✔"))
            : Spinner(tick: options.tick, ascii: options.ascii).frame
        let line = TextLine([
            Span("\(spinner) ", role: run.isFinished && failed > 0 ? .danger : .title),
            Span("\(verb) \(total): \(done) done, "),
            Span("\(failed) failed", role: failed > 0 ? .danger : nil), Span(", \(inFlight) in flight, \(clock)"),
            Span(view.failuresOnly ? "   (failures only: e shows all)" : "", role: .warning),
        ])
        _ = grid.put(line, x: top.x, y: top.y, base: theme[.title], theme: theme, maxWidth: top.width)
        ProgressBar(completed: run.finishedCount, total: max(1, total), label: nil, ascii: options.ascii)
            .render(into: &grid, area: top.row(1), theme: theme)
        let rows = (view.failuresOnly ? run.failures : run.results)
        // One region (the header names it): its column would only take the detail's room. The detail keeps at
        // least 24 columns (the name goes first at 80 columns): it says why an instance failed.
        let oneRegion = run.isOneRegion
        let columns =
            [
                TableColumn("ID", width: .fixed(22), priority: 100),
                TableColumn("NAME", width: .flexible(min: 12, max: 30, weight: 1), priority: 35),
            ]
            + (oneRegion ? [] : [TableColumn("REGION", width: .flexible(min: 8, max: 14), priority: 40)]) + [
                TableColumn("OUTCOME", width: .fixed(15), priority: 100),
                TableColumn("DETAIL", width: .flexible(min: 24, weight: 3), priority: 90),
                TableColumn("BEFORE", width: .fixed(9), priority: 30),
                TableColumn("NOW", width: .fixed(9), priority: 60),
            ]
        let body = max(0, rest.height - 1)
        let start = min(view.scroll, max(0, rows.count - body))
        let tableRows = rows.dropFirst(start).prefix(body).map { r in
            TableRow(
                [TableCell(r.instanceId), TableCell(run.instanceName(of: r.instanceId))]
                    + (oneRegion ? [] : [TableCell(r.regionId)]) + [
                        TableCell(outcomeText(r), role: r.outcome.role),
                        TableCell(detail(r, standardMode: run.standardModeReason(of: r.instanceId))),
                        TableCell(r.previousStatus), TableCell(r.currentStatus),
                    ])
        }
        Table(
            columns: columns, rows: Array(tableRows), cursor: nil, offset: 0, showsMarks: false, ascii: options.ascii,
            emptyText: view.failuresOnly ? "No failures." : "No instances."
        ).render(into: &grid, area: rest, theme: theme)
    }

    /// `queued`, `sending`, `accepted`, `Stopping`, `Stopped`, `failed`, `skipped`, `timeout`.
    static func outcomeText(_ r: InstanceResult) -> String {
        if r.outcome == .accepted, !r.currentStatus.isEmpty, r.currentStatus != r.previousStatus {
            return r.currentStatus
        }
        switch r.outcome {
        case .stopped: return "Stopped"
        case .started: return "Running"
        default: return r.outcome.rawValue
        }
    }

    /// The code and message of a failure, the reason of a skip, or (for a stop that goes ahead) why it stops in
    /// standard mode although `StopCharging` was asked.
    static func detail(_ r: InstanceResult, standardMode: String? = nil) -> String {
        switch r.outcome {
        case .failed, .dryRunFailed, .timeout: return "\(r.code): \(r.message)"
        case .skipped: return r.message
        default:
            let message = r.code == "200" ? "" : r.message
            guard let standardMode else { return message }
            return message.isEmpty ? standardMode : message + "; " + standardMode
        }
    }
}
