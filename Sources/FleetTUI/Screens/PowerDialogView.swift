import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// The stop (or start) dialog: the frozen targets with their verdicts, counts, skip reasons, hidden marks,
/// the options with their consequences, the number of API calls, the equivalent `aliyun` command, and the
/// buttons with the confirmation step.
enum PowerDialogView {
    static func render(
        _ d: PowerDialogState, state: FleetState, into grid: inout Grid, area: Rect, theme: Theme, box: BoxStyle
    ) {
        let width = min(area.width - 2, 120)
        let height = area.height
        var lines: [TextLine] = []
        let verb = d.action == .stop ? "stop" : "start"
        let counts = d.statusCounts.map { "\($0.count) \($0.status?.rawValue ?? "unknown")" }.joined(
            separator: box.isASCII ? ", " : " · ")
        lines.append(
            TextLine([
                Span("\(d.targets.count) target\(d.targets.count == 1 ? "" : "s"): ", role: .title), Span(counts),
            ]))
        lines.append(
            TextLine([
                Span(
                    "\(d.sendCount) will be sent in \(d.callCount) API call(s)",
                    role: d.sendCount > 0 ? .success : .warning),
                Span(d.targets.count > d.sendCount ? "; \(d.targets.count - d.sendCount) skipped" : ""),
            ]))
        for line in d.skipReasonLines(max: height >= 30 ? 6 : 3) { lines.append(TextLine("  " + line, role: .dim)) }
        if d.hiddenCount > 0 {
            lines.append(
                TextLine([
                    Span("\(d.hiddenCount) marked instance(s) are hidden by the filter and included; ", role: .warning),
                    Span("[d]", role: .hintKey), Span(" drop them"),
                ]))
        }
        lines.append(.empty)
        if d.action == .stop {
            lines.append(
                TextLine([
                    Span("[f]", role: .hintKey), Span(" ForceStop: "),
                    Span(d.options.forceStop ? "ON" : "off", role: d.options.forceStop ? .danger : nil),
                    Span("  " + d.forceStopConsequence, role: d.options.forceStop ? .danger : .dim),
                ]))
            var mode = [Span("[m]", role: .hintKey), Span(" StoppedMode: "), Span(d.stoppedModeTitle, role: .title)]
            if d.notEligibleCount > 0, d.options.stoppedMode == .stopCharging {
                mode.append(Span("  \(d.notEligibleCount) not eligible: will keep charging", role: .warning))
            }
            lines.append(TextLine(mode))
            lines.append(TextLine("    " + d.stoppedModeConsequence, role: .dim))
        }
        lines.append(
            TextLine([
                Span("[b]", role: .hintKey), Span(" BatchOptimization: "), Span(d.options.batch.rawValue, role: .title),
                Span("  " + d.batchConsequence, role: .dim),
            ]))
        if case .done(_, let notes) = d.preview {
            if let c = d.previewCounts {
                let summary =
                    "\(c.passed) dry run passed, \(c.failed) failed"
                    + (c.skipped > 0 ? ", \(c.skipped) skipped (not sent)" : "")
                lines.append(
                    TextLine([Span("preview: ", role: .title), Span(summary, role: c.failed == 0 ? .success : .danger)])
                )
            }
            for note in notes { lines.append(TextLine("preview: " + note, role: .dim)) }
        } else if case .running = d.preview {
            lines.append(TextLine(box.isASCII ? "preview running..." : "preview running…", role: .warning))
        }
        if let command = d.firstCommandLine(instances: { state.instance($0) }) {
            // The count goes first: a long command is cut at the dialog's edge, and the other calls must not be.
            let which = d.callCount > 1 ? "equivalent (call 1 of \(d.callCount)): " : "equivalent: "
            lines.append(TextLine([Span(which, role: .dim), Span(command)]))
        }
        if let why = d.confirmDisabledReason {
            lines.append(TextLine("\(verb.capitalized) disabled: \(why)", role: .danger))
        }
        if let message = d.message { lines.append(TextLine(message, role: .warning)) }
        switch d.step {
        case .choosing: break
        case .askingYes: lines.append(TextLine(d.confirmationPrompt, role: .danger))
        case .typingCount(let typed):
            let question = String(d.confirmationPrompt.dropLast(typed.count))
            lines.append(
                TextLine([Span(question, role: .danger), Span(typed + (box.isASCII ? "_" : "█"), role: .input)]))
        }
        lines.append(.empty)
        // The body's rows are the area's height less the dialog's chrome (borders, padding, buttons); a list
        // longer than its room gives one of them to the "1-20 of 300" line.
        let room = max(1, height - 5 - lines.count)
        let listHeight = d.targets.count > room ? max(1, room - 1) : room
        let start = min(d.scroll, max(0, d.targets.count - listHeight))
        for t in d.targets.dropFirst(start).prefix(listHeight) {
            let glyph = t.status.flatMap { StatusGlyph(status: $0.rawValue) }
            let verdictRole: ThemeRole = t.dryRun?.outcome == .dryRunFailed ? .danger : (t.willSend ? .success : .dim)
            lines.append(
                TextLine([
                    // Padded after sanitising: a control character is 0 columns raw but 1 as the `�` the grid draws.
                    Span(DisplayWidth.pad(Sanitizer.clean(t.instanceId), columns: 23)),
                    // The name from the table, for the rows on screen only: targets keep no instance.
                    Span(
                        DisplayWidth.pad(Sanitizer.clean(state.instance(t.instanceId)?.instanceName ?? ""), columns: 20)
                            + " "),
                    Span(
                        DisplayWidth.pad(glyph?.text(ascii: box.isASCII) ?? "not found", columns: 11),
                        role: glyph?.role ?? .danger),
                    Span(t.verdictText, role: verdictRole),
                ]))
        }
        if d.targets.count > listHeight {
            lines.append(
                TextLine(
                    "  \(start + 1)-\(min(d.targets.count, start + listHeight)) of \(d.targets.count) (j/k scroll)",
                    role: .dim))
        }
        let buttons = [
            DialogButton(key: "c", label: "Cancel"), DialogButton(key: "p", label: "Preview"),
            DialogButton(key: "s", label: d.confirmTitle, isDangerous: true),
        ]
        let focused = PowerDialogState.Button.allCases.firstIndex(of: d.focus)
        let title =
            "\(d.confirmTitle) \(d.targets.count) instance\(d.targets.count == 1 ? "" : "s")"
            + (d.undoes.map { ", undo of \($0)" } ?? "")
        let dialog = Dialog(
            title: title, body: lines, buttons: buttons, focusedButton: focused, box: box, minWidth: width,
            isDangerous: d.options.forceStop)
        _ = dialog.render(into: &grid, area: area, theme: theme)
    }
}
