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
        // The body's room in the widest box the area allows (`Dialog.frame`): what is longer wraps to it.
        let textWidth = max(20, Dialog.maxWidth(in: area, minWidth: width) - 4)
        let height = area.height
        // On a short screen (80x24: a body of 21 rows) the blank lines between the parts go to the targets.
        let spaced = height >= 24
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
        for line in d.skipReasonLines(max: height >= 30 ? 6 : 3) {
            for part in hanging(line, first: textWidth - 2, rest: textWidth - 4) {
                lines.append(TextLine((part.first ? "  " : "    ") + part.text, role: .dim))
            }
        }
        if d.hiddenCount > 0 {
            lines.append(
                TextLine([
                    Span("\(d.hiddenCount) marked instance(s) are hidden by the filter and included; ", role: .warning),
                    Span("[d]", role: .hintKey), Span(" drop them"),
                ]))
        }
        lines += undoSkippedLines(d, max: height >= 30 ? 5 : 2)
        if spaced { lines.append(.empty) }
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
        if let command = d.firstCommandLine {
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
        if spaced { lines.append(.empty) }
        // The body's rows are the area's height less the dialog's chrome (borders, padding, buttons); a list
        // longer than its room gives one of them to the "1-20 of 300" line. A verdict longer than its column goes
        // on under the row, indented, so a target may take several rows.
        let room = max(1, height - 5 - lines.count)
        // The name from the table, for the rows drawn only: targets keep no instance.
        let rows = { (t: PowerDialogState.Target) in
            targetRows(
                t, name: state.instance(t.instanceId)?.instanceName ?? "", width: textWidth, ascii: box.isASCII)
        }
        var listHeight = room
        var start = min(d.scroll, max(0, d.targets.count - 1))
        var shown = fill(d.targets, from: start, rows: listHeight, rowsOf: rows)
        if start > 0 || start + shown.count < d.targets.count {
            listHeight = max(1, room - 1)
            shown = fill(d.targets, from: start, rows: listHeight, rowsOf: rows)
            // At the end of the list, fill the room with the targets before rather than leave it blank.
            var used = shown.reduce(0) { $0 + $1.count }
            while start > 0, start + shown.count == d.targets.count {
                let before = rows(d.targets[start - 1])
                guard used + before.count <= listHeight else { break }
                shown.insert(before, at: 0)
                used += before.count
                start -= 1
            }
        }
        for target in shown { lines += target }
        if shown.count < d.targets.count {
            lines.append(
                TextLine(
                    "  \(start + 1)-\(start + shown.count) of \(d.targets.count) (j/k scroll)", role: .dim))
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

    /// A target's row: ID, name, state, verdict; a verdict longer than what is left of `width` goes on in the
    /// rows under it, indented.
    static func targetRows(_ t: PowerDialogState.Target, name: String, width: Int, ascii: Bool) -> [TextLine] {
        let glyph = t.status.flatMap { StatusGlyph(status: $0.rawValue) }
        let verdictRole: ThemeRole = t.dryRun?.outcome == .dryRunFailed ? .danger : (t.willSend ? .success : .dim)
        let head = 23 + 21 + 11
        let parts = hanging(Sanitizer.clean(t.verdictText), first: max(8, width - head), rest: width - 6)
        var out = [
            TextLine([
                // Padded after sanitising: a control character is 0 columns raw but 1 as the `�` the grid draws.
                Span(DisplayWidth.pad(Sanitizer.clean(t.instanceId), columns: 23)),
                Span(DisplayWidth.pad(Sanitizer.clean(name), columns: 20) + " "),
                Span(
                    DisplayWidth.pad(glyph?.text(ascii: ascii) ?? "not found", columns: 11),
                    role: glyph?.role ?? .danger),
                Span(parts.first?.text ?? "", role: verdictRole),
            ])
        ]
        for part in parts.dropFirst() { out.append(TextLine([Span("      "), Span(part.text, role: verdictRole)])) }
        return out
    }

    /// The targets from `start` whose rows fit in `rows` lines (at least one), each as its rows.
    static func fill<Targets: RandomAccessCollection<PowerDialogState.Target>>(
        _ targets: Targets, from start: Int, rows: Int, rowsOf: (PowerDialogState.Target) -> [TextLine]
    ) -> [[TextLine]] where Targets.Index == Int {
        var out: [[TextLine]] = []
        var used = 0
        var i = targets.startIndex + start
        while i < targets.endIndex {
            let r = rowsOf(targets[i])
            if used + r.count > rows {
                // A target taller than the whole room still shows its first rows.
                if out.isEmpty { out.append(Array(r.prefix(max(1, rows)))) }
                break
            }
            out.append(r)
            used += r.count
            i += 1
        }
        return out
    }

    /// `text` broken at spaces into a first line of `first` columns and further lines of `rest` columns.
    static func hanging(_ text: String, first: Int, rest: Int) -> [(text: String, first: Bool)] {
        guard DisplayWidth.of(text) > first else { return [(text, true)] }
        let head = TextWrap.wrap(text, width: max(1, first))
        guard let line = head.first else { return [(text, true)] }
        // What the first line did not take, wrapped to the wider lines under it.
        let remainder = String(text.dropFirst(line.count)).drop { $0 == " " }
        return [(line, true)] + TextWrap.wrap(String(remainder), width: max(1, rest)).map { ($0, false) }
    }

    /// For an undo, the operation's instances it leaves alone, with why: up to `max`, then how many more.
    static func undoSkippedLines(_ d: PowerDialogState, max: Int) -> [TextLine] {
        guard let undone = d.undoes, !d.undoSkipped.isEmpty else { return [] }
        let n = d.undoSkipped.count
        var lines = [TextLine("\(n) instance\(n == 1 ? "" : "s") of \(undone) left alone:", role: .warning)]
        for skip in d.undoSkipped.prefix(max) {
            lines.append(TextLine("  \(Sanitizer.clean(skip.instanceId))  \(skip.reason)", role: .dim))
        }
        if n > max { lines.append(TextLine("  ... \(n - max) more", role: .dim)) }
        return lines
    }
}
