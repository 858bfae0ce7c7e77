/// One key hint: the key as shown and what it does.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown (`q`, `Space`, `Ctrl-R`).
    public var key: String
    /// What it does (`Quit`).
    public var label: String
    /// Disabled hints (read-only mode) are drawn dimmed rather than hidden.
    public var enabled: Bool
    /// Kept when the bar is too narrow for every hint (`? help`, `q quit`): the way out is never cut.
    public var pinned: Bool

    /// Creates a hint.
    public init(_ key: String, _ label: String, enabled: Bool = true, pinned: Bool = false) {
        self.key = key
        self.label = label
        self.enabled = enabled
        self.pinned = pinned
    }

    /// Columns the hint takes: key, a space, label.
    public var width: Int { DisplayWidth.of(Sanitizer.clean(key)) + 1 + DisplayWidth.of(Sanitizer.clean(label)) }
}

/// A one-row bar of key hints (`q Quit  / Filter  Space Mark`). Hints are listed most important first; the
/// bar shows the pinned ones and as many others as fit, whole, in their order, and drops the rest.
public struct HintBar: Hashable, Sendable {
    /// The hints, most important first.
    public var hints: [KeyHint]
    /// Blank columns between hints.
    public var gap: Int

    /// Creates a hint bar.
    public init(_ hints: [KeyHint], gap: Int = 2) {
        self.hints = hints
        self.gap = max(1, gap)
    }

    /// The hints that fit in `width` columns (after a one-column left margin): room is kept for the pinned
    /// hints first, then the others fill the rest in order (the longest prefix of them that fits).
    public func fitted(width: Int) -> [KeyHint] {
        var used = 1
        var count = 0
        func take(_ hint: KeyHint) -> Bool {
            let need = (count == 0 ? 0 : gap) + hint.width
            guard used + need <= width else { return false }
            used += need
            count += 1
            return true
        }
        var keep = Set<Int>()
        for (i, hint) in hints.enumerated() where hint.pinned { if take(hint) { keep.insert(i) } }
        for (i, hint) in hints.enumerated() where !hint.pinned {
            guard take(hint) else { break }
            keep.insert(i)
        }
        return hints.indices.filter(keep.contains).map { hints[$0] }
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
