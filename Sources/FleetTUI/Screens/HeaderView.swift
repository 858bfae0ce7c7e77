import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// Two lines on top: who and where, counts by status, marks, badges; then loading progress, the filter line,
/// or the newest banner.
enum HeaderView {
    static func render(_ state: FleetState, into grid: inout Grid, area: Rect, theme: Theme, options: FleetView.Options)
    {
        grid.fill(area.row(0), style: theme[.header])
        var right: [Span] = []
        if state.sandbox { right.append(Span(" SANDBOX ", role: .badge)) }
        if state.readOnly { right.append(Span(" READ-ONLY ", role: .warning)) }
        let rightLine = TextLine(right)
        let room = max(0, area.width - rightLine.width)
        _ = grid.put(
            firstLine(state, room: room, ascii: options.ascii), x: area.x, y: area.y, base: theme[.header],
            theme: theme, maxWidth: room)
        if rightLine.width > 0 {
            _ = grid.put(
                rightLine, x: area.maxX - rightLine.width, y: area.y, base: theme[.header], theme: theme,
                maxWidth: rightLine.width)
        }
        let second = area.row(1)
        if state.filter.isEditing {
            let x = second.x
                + grid.put(
                    TextLine([Span("/", role: .hintKey)]), x: second.x, y: second.y, base: theme[.row], theme: theme,
                    maxWidth: second.width)
            let hint = TextLine([Span("   Enter keeps, Esc clears", role: .dim)])
            let left = second.maxX - x
            // The hint gives way to the text on a narrow screen.
            let room = left - hint.width >= 12 ? left - hint.width : left
            let used = TypedLineView.render(
                state.filter.line, into: &grid, x: x, y: second.y, width: room,
                style: theme[.row].patched(with: theme[.input]), ascii: options.ascii
            ).used
            if room < left {
                _ = grid.put(hint, x: x + used, y: second.y, base: theme[.row], theme: theme, maxWidth: left - used)
            }
            return
        }
        let hidden = state.hiddenMarkCount
        var line: [Span] = [
            Span(
                "\(state.marks.count) marked" + (hidden > 0 ? " (\(hidden) hidden by filter)" : ""),
                role: state.marks.isEmpty ? .dim : .mark)
        ]
        if state.rangeMarking { line.append(Span("  RANGE MARK", role: .badge)) }
        if state.paused { line.append(Span("  PAUSED", role: .warning)) }
        line.append(Span("  "))
        let loading = state.loads.values.filter(\.isLoading).sorted { $0.region < $1.region }
        if !loading.isEmpty {
            let loaded = loading.reduce(0) { $0 + $1.loaded }
            let total = loading.reduce(0) { $0 + ($1.total ?? 0) }
            line.append(
                Span(
                    Spinner(tick: options.tick, ascii: options.ascii).frame + " loaded \(loaded.formatted())"
                        + (total > 0 ? " / \(total.formatted())" : " / ...") + "  (Esc cancels)", role: .dim))
        } else if let problem = state.shownRegions.sorted().compactMap({ state.loads[$0] }).compactMap(Self.problem)
            .first
        {
            line.append(Span(problem, role: .warning))
        }
        if !state.filter.applied.isEmpty {
            line.append(Span("  filter: ", role: .dim))
            line.append(Span(state.filter.applied, role: .input))
            line.append(Span("  \(state.visible.count.formatted()) of \(state.instanceCount.formatted())", role: .dim))
        }
        let arrow = state.sort.ascending ? (options.ascii ? "^" : "▲") : (options.ascii ? "v" : "▼")
        line.append(Span("  sort: \(state.sort.column.rawValue) \(arrow)", role: .dim))
        if let at = state.refreshedAt {
            line.append(Span("  refreshed " + age(since: at, now: options.now), role: .dim))
        }
        if let banner = state.banners.last(where: { $0.expires > options.now }) {
            line = [
                line[0],
                Span(
                    "  " + banner.text,
                    role: banner.level == .error ? .danger : banner.level == .warning ? .warning : .success),
            ]
        }
        _ = grid.put(TextLine(line), x: second.x, y: second.y, base: theme[.row], theme: theme, maxWidth: second.width)
    }

    /// How the counts by status are written, from the longest to the shortest.
    enum CountStyle: CaseIterable {
        /// `● 280 Running`
        case words
        /// `● 280 run`
        case abbreviated
        /// `● 280`: the glyph alone tells the state (and the colour, never alone).
        case glyphs
    }

    /// Who and where, and the shown instances counted by status (zero counts left out). When that is wider than
    /// `room`, the regions shrink to their number first, then the state names to abbreviations, then to glyphs;
    /// only if even that does not fit are whole counts left out from the right, with `…` saying so.
    static func firstLine(_ state: FleetState, room: Int, ascii: Bool) -> TextLine {
        let counts = state.visibleStatusCounts
        let shown: [(glyph: StatusGlyph, count: Int)] = InstanceStatus.all.compactMap { status in
            guard let n = counts[status], n > 0, let glyph = StatusGlyph(status: status.rawValue) else { return nil }
            return (glyph, n)
        }
        let regions = state.shownRegions
        let compactRegions = regions.count > 1 ? "\(regions.count) regions" : state.regionsShown.title
        let source = state.credentialSource.isEmpty ? state.profile : state.credentialSource
        // The role a profile assumes goes before the counts shrink to nothing: the profile, its mode and the
        // endpoint say which account this is.
        var whos = [source + endpoint(state)]
        if let arrow = source.range(of: " → "), source.hasSuffix(")") {
            whos.append(String(source[..<arrow.lowerBound]) + ")" + endpoint(state))
        }
        var candidates: [(who: String, regions: String, style: CountStyle)] = []
        for who in whos {
            candidates.append((who, state.regionsShown.title, .words))
            for style in CountStyle.allCases { candidates.append((who, compactRegions, style)) }
        }
        var line = TextLine([])
        for candidate in candidates {
            let who = candidate.who
            line = TextLine(
                [
                    Span(" ecsfleet ", role: .title), Span(" \(who) ", role: .header),
                    Span(" \(candidate.regions) ", role: .header),
                ]
                    + shown.map { countSpan($0.glyph, $0.count, style: candidate.style, ascii: ascii) })
            if line.width <= room { return line }
        }
        // Even glyphs do not fit: keep the counts that do, and say some were left out.
        while line.spans.count > 3 && line.width + 2 > room { line.spans.removeLast() }
        if line.spans.count < 3 + shown.count { line.spans.append(Span(" …", role: .dim)) }
        return line
    }

    /// ` @ 127.0.0.1:8080` when `--endpoint` sends every call elsewhere than the vendor's endpoints (the host
    /// and port say where; the scheme is left out for room).
    static func endpoint(_ state: FleetState) -> String {
        guard var text = state.endpoint, !text.isEmpty else { return "" }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
            text.removeFirst(scheme.count)
        }
        while text.hasSuffix("/") { text.removeLast() }
        return " @ " + text
    }

    static func countSpan(_ glyph: StatusGlyph, _ n: Int, style: CountStyle, ascii: Bool) -> Span {
        let head = " \(glyph.glyph(ascii: ascii)) \(n.formatted())"
        switch style {
        case .words: return Span(head + " " + glyph.label, role: glyph.role)
        case .abbreviated: return Span(head + " " + abbreviation(glyph), role: glyph.role)
        case .glyphs: return Span(head, role: glyph.role)
        }
    }

    /// Short state names, distinct from each other (`Stopping` and `Stopped` both start with `stop`), and none
    /// a bare verb (`stop` reads as a command, not a state).
    static func abbreviation(_ glyph: StatusGlyph) -> String {
        switch glyph {
        case .pending: return "pend"
        case .starting: return "startg"
        case .running: return "run"
        case .stopping: return "stopg"
        case .stopped: return "stopd"
        }
    }

    /// `12 s ago`, `3 min ago`, `2 h ago`.
    static func age(since: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(since)))
        if seconds < 120 { return "\(seconds) s ago" }
        if seconds < 7200 { return "\(seconds / 60) min ago" }
        return "\(seconds / 3600) h ago"
    }

    static func problem(_ load: RegionLoad) -> String? {
        if case .failed(let message) = load.phase { return "\(load.region): \(message)" }
        return nil
    }
}
