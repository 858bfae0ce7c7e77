/// One key hint: the key as shown and what it does.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown (`q`, `Space`, `Ctrl-R`).
    public var key: String
    /// What it does (`Quit`).
    public var label: String
    /// Disabled hints (read-only mode) are drawn dimmed rather than hidden.
    public var enabled: Bool

    /// Creates a hint.
    public init(_ key: String, _ label: String, enabled: Bool = true) {
        self.key = key; self.label = label; self.enabled = enabled
    }

    /// Columns the hint takes: key, a space, label.
    public var width: Int { DisplayWidth.of(Sanitizer.clean(key)) + 1 + DisplayWidth.of(Sanitizer.clean(label)) }
}

/// A one-row bar of key hints (`q Quit  / Filter  Space Mark`). Hints are listed most important first; the
/// bar shows as many as fit, whole, and drops the rest.
public struct HintBar: Hashable, Sendable {
    /// The hints, most important first.
    public var hints: [KeyHint]
    /// Blank columns between hints.
    public var gap: Int

    /// Creates a hint bar.
    public init(_ hints: [KeyHint], gap: Int = 2) { self.hints = hints; self.gap = max(1, gap) }

    /// The hints that fit in `width` columns (after a one-column left margin): the longest prefix.
    public func fitted(width: Int) -> [KeyHint] {
        var used = 1, shown: [KeyHint] = []
        for hint in hints {
            let need = (shown.isEmpty ? 0 : gap) + hint.width
            if used + need > width { break }
            used += need; shown.append(hint)
        }
        return shown
    }

    /// Draws the bar on the first row of `area`.
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme[.hint]
        grid.fill(area.row(0), style: base)
        var x = area.x + 1
        for (i, hint) in fitted(width: area.width).enumerated() {
            if i > 0 { x += gap }
            let keyStyle = hint.enabled ? base.patched(with: theme[.hintKey]) : base.patched(with: theme[.dim])
            let labelStyle = hint.enabled ? base : base.patched(with: theme[.dim])
            x += grid.put(hint.key, x: x, y: area.y, style: keyStyle, maxWidth: area.maxX - x)
            x += 1
            x += grid.put(hint.label, x: x, y: area.y, style: labelStyle, maxWidth: area.maxX - x)
        }
    }
}
