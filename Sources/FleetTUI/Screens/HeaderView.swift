import ECSAPI
import FleetCore
import Foundation
import TerminalUI

/// Two lines on top: who and where, counts by status, marks, badges; then loading progress, the filter line,
/// or the newest banner.
enum HeaderView {
    static func render(_ state: FleetState, into grid: inout Grid, area: Rect, theme: Theme, options: FleetView.Options) {
        grid.fill(area.row(0), style: theme[.header])
        var spans: [Span] = [Span(" ecsfleet ", role: .title), Span(" \(state.profile) ", role: .header),
                             Span(" \(state.regionsShown.title) ", role: .header)]
        let counts = state.visibleStatusCounts
        for status in InstanceStatus.all {
            guard let n = counts[status], n > 0, let glyph = StatusGlyph(status: status.rawValue) else { continue }
            spans.append(Span(" \(glyph.glyph(ascii: options.ascii)) \(n.formatted()) \(status.rawValue)", role: glyph.role))
        }
        var right: [Span] = []
        if state.sandbox { right.append(Span(" SANDBOX ", role: .badge)) }
        if state.readOnly { right.append(Span(" READ-ONLY ", role: .warning)) }
        let rightLine = TextLine(right)
        _ = grid.put(TextLine(spans), x: area.x, y: area.y, base: theme[.header], theme: theme, maxWidth: max(0, area.width - rightLine.width))
        if rightLine.width > 0 {
            _ = grid.put(rightLine, x: area.maxX - rightLine.width, y: area.y, base: theme[.header], theme: theme, maxWidth: rightLine.width)
        }
        let second = area.row(1)
        if state.filter.isEditing {
            _ = grid.put(TextLine([Span("/", role: .hintKey), Span(state.filter.text + (options.ascii ? "_" : "█"), role: .input),
                                   Span("   Enter keeps, Esc clears", role: .dim)]), x: second.x, y: second.y, base: theme[.row], theme: theme, maxWidth: second.width)
            return
        }
        let hidden = state.hiddenMarkCount
        var line: [Span] = [Span("\(state.marks.count) marked" + (hidden > 0 ? " (\(hidden) hidden by filter)" : ""),
                                 role: state.marks.isEmpty ? .dim : .mark)]
        if state.rangeMarking { line.append(Span("  RANGE MARK", role: .badge)) }
        if state.paused { line.append(Span("  PAUSED", role: .warning)) }
        line.append(Span("  "))
        let loading = state.loads.values.filter(\.isLoading).sorted { $0.region < $1.region }
        if !loading.isEmpty {
            let loaded = loading.reduce(0) { $0 + $1.loaded }
            let total = loading.reduce(0) { $0 + ($1.total ?? 0) }
            line.append(Span(Spinner(tick: options.tick, ascii: options.ascii).frame + " loaded \(loaded.formatted())" +
                             (total > 0 ? " / \(total.formatted())" : " / ...") + "  (Esc cancels)", role: .dim))
        } else if let problem = state.loads.values.sorted(by: { $0.region < $1.region }).compactMap(Self.problem).first {
            line.append(Span(problem, role: .warning))
        }
        if !state.filter.applied.isEmpty {
            line.append(Span("  filter: ", role: .dim))
            line.append(Span(state.filter.applied, role: .input))
            line.append(Span("  \(state.visible.count.formatted()) of \(state.instanceCount.formatted())", role: .dim))
        }
        let arrow = state.sort.ascending ? (options.ascii ? "^" : "▲") : (options.ascii ? "v" : "▼")
        line.append(Span("  sort: \(state.sort.column.rawValue) \(arrow)", role: .dim))
        if let banner = state.banners.last(where: { $0.expires > options.now }) {
            line = [line[0], Span("  " + banner.text, role: banner.level == .error ? .danger : banner.level == .warning ? .warning : .success)]
        }
        _ = grid.put(TextLine(line), x: second.x, y: second.y, base: theme[.row], theme: theme, maxWidth: second.width)
    }

    static func problem(_ load: RegionLoad) -> String? {
        if case let .failed(message) = load.phase { return "\(load.region): \(message)" }
        return nil
    }
}
