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
            let x =
                second.x
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
        _ = grid.put(
            secondLine(state, room: second.width, options: options), x: second.x, y: second.y, base: theme[.row],
            theme: theme, maxWidth: second.width)
    }

    /// Marks, badges, loading progress or a region's problem, the filter's summary, the sort and when the rows
    /// were read; or the newest banner after the marks. When that is wider than `room`, the time goes first,
    /// then the filter's text and the problem are shortened (`…`), so the sort always shows.
    static func secondLine(_ state: FleetState, room: Int, options: FleetView.Options) -> TextLine {
        let hidden = state.hiddenMarkCount
        let marks = Span(
            "\(state.markCount) marked" + (hidden > 0 ? " (\(hidden) hidden by filter)" : ""),
            role: state.hasMarks ? .mark : .dim)
        if let banner = state.banners.last(where: { $0.expires > options.now }) {
            return TextLine([
                marks,
                Span(
                    "  " + banner.text,
                    role: banner.level == .error ? .danger : banner.level == .warning ? .warning : .success),
            ])
        }
        var head = [marks]
        if state.rangeMarking { head.append(Span("  RANGE MARK", role: .badge)) }
        if state.paused { head.append(Span("  PAUSED", role: .warning)) }
        var status: Span?
        let spinner = Spinner(tick: options.tick, ascii: options.ascii).frame
        var cancel: Span?
        if let progress = state.loadProgress {
            status = Span("  \(spinner) " + loadingText(progress), role: .dim)
            cancel = Span("  (Esc cancels)", role: .dim)
        } else if state.isLoading {
            let loading = state.loads.values.filter(\.isLoading)
            let loaded = loading.reduce(0) { $0 + $1.loaded }
            let total = loading.reduce(0) { $0 + ($1.total ?? 0) }
            status = Span(
                "  \(spinner) loaded \(loaded.formatted())" + (total > 0 ? " / \(total.formatted())" : " / ..."),
                role: .dim)
            cancel = Span("  (Esc cancels)", role: .dim)
        } else if let problem = state.shownRegions.sorted().compactMap({ state.loads[$0] }).compactMap(Self.problem)
            .first
        {
            status = Span("  " + problem, role: .warning)
        }
        var filter: [Span] = []
        if !state.filter.applied.isEmpty {
            filter = [
                Span("  filter: ", role: .dim), Span(state.filter.applied, role: .input),
                Span("  \(state.visible.count.formatted()) of \(state.instanceCount.formatted())", role: .dim),
            ]
        }
        let arrow = state.sort.ascending ? (options.ascii ? "^" : "▲") : (options.ascii ? "v" : "▼")
        let sort = Span("  sort: \(state.sort.column.rawValue) \(arrow)", role: .dim)
        var refreshed = state.refreshedAt.map { Span("  refreshed " + age(since: $0, now: options.now), role: .dim) }
        func line() -> TextLine {
            TextLine(head + [status, cancel].compactMap { $0 } + filter + [sort] + [refreshed].compactMap { $0 })
        }
        var full = line()
        if full.width <= room { return full }
        refreshed = nil
        full = line()
        if full.width > room {
            cancel = nil
            full = line()
        }
        // Shorten the filter's text, then the status, to what is left; each keeps at least a few columns.
        if full.width > room, filter.count == 3 {
            let columns = max(4, filter[1].width - (full.width - room))
            filter[1].text = DisplayWidth.fit(Sanitizer.clean(filter[1].text), columns: columns)
            full = line()
        }
        if full.width > room, let s = status {
            let columns = max(6, s.width - (full.width - room))
            status = Span(DisplayWidth.fit(Sanitizer.clean(s.text), columns: columns), role: s.role)
            full = line()
        }
        return full
    }

    /// `Loading regions: 2 of 3 done, 1,234 instances so far`, or the wait for the region list.
    static func loadingText(_ p: LoadProgress) -> String {
        if p.listingRegions { return "Loading the region list..." }
        return "Loading regions: \(p.regionsDone) of \(p.regions) done, \(p.instances.formatted()) instance"
            + (p.instances == 1 ? "" : "s") + " so far"
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
    /// `room`, the regions shrink to their number first, then the state names to abbreviations, then the title
    /// goes (and the profile when it only repeats the SANDBOX badge), then the names give way to glyphs;
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
        // Labels are worth more than the title: without it (and without "sandbox", which the badge says too)
        // before the counts lose their words.
        let whoIsTheBadge = state.sandbox && source.lowercased() == "sandbox"
        var candidates: [(who: String, regions: String, style: CountStyle, lean: Bool)] = []
        for who in whos {
            candidates += [
                (who, state.regionsShown.title, .words, false), (who, compactRegions, .words, false),
                (who, compactRegions, .abbreviated, false), (who, compactRegions, .words, true),
                (who, compactRegions, .abbreviated, true), (who, compactRegions, .glyphs, false),
            ]
        }
        var line = TextLine([])
        for candidate in candidates {
            var head = [
                Span(" ecsfleet ", role: .title), Span(" \(candidate.who) ", role: .header),
                Span(" \(candidate.regions) ", role: .header),
            ]
            if candidate.lean { head.removeFirst(whoIsTheBadge ? 2 : 1) }
            line = TextLine(head + shown.map { countSpan($0.glyph, $0.count, style: candidate.style, ascii: ascii) })
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
