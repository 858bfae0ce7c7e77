import FleetCore

/// The journal view: past operations as the journal tells them, with one of them selected (`r` resumes it, `u`
/// undoes it, when it was made with the session's credentials).
public struct JournalViewState: Sendable {
    /// Whether the journal has been read.
    public enum Phase: Sendable, Equatable {
        case loading, loaded
        case failed(String)
    }

    /// Instances listed under each operation; the rest are counted (`ecsfleet journal` lists all).
    public static let resultsShown = 20

    /// Reading, read, or failed (with why).
    public var phase: Phase
    /// Operations, newest first.
    public var entries: [OperationHistory.Entry]
    /// The selected operation: an index into `entries`.
    public var selected: Int
    /// The first line shown (an operation takes a line, plus one per instance shown).
    public var scroll: Int

    /// A journal view, loading by default.
    public init(
        phase: Phase = .loading, entries: [OperationHistory.Entry] = [], selected: Int = 0, scroll: Int = 0
    ) {
        self.phase = phase
        self.entries = entries
        self.selected = selected
        self.scroll = scroll
    }

    /// The selected operation, once the journal is read and has one.
    public var selectedEntry: OperationHistory.Entry? {
        guard phase == .loaded, entries.indices.contains(selected) else { return nil }
        return entries[selected]
    }

    /// The lines entry `index` takes: its summary, up to `resultsShown` instances, and a "more" line when it has
    /// more than that.
    public func lineCount(of index: Int) -> Int {
        let n = entries[index].results.count
        return 1 + min(n, Self.resultsShown) + (n > Self.resultsShown ? 1 : 0)
    }

    /// The line of entry `index`'s summary, counted from the first line.
    public func firstLine(of index: Int) -> Int {
        (0..<index).reduce(0) { $0 + lineCount(of: $1) }
    }

    /// The entry whose lines include line `line` (the last one past the end).
    func entry(atLine line: Int) -> Int {
        var start = 0
        for i in entries.indices {
            let end = start + lineCount(of: i)
            if line < end { return i }
            start = end
        }
        return max(0, entries.count - 1)
    }
}

extension JournalViewState: Equatable {
    /// Equal when phase, selection, scroll and every entry's fields are.
    public static func == (l: JournalViewState, r: JournalViewState) -> Bool {
        l.phase == r.phase && l.scroll == r.scroll && l.selected == r.selected && l.entries.count == r.entries.count
            && zip(l.entries, r.entries).allSatisfy { a, b in
                a.operation == b.operation && a.action == b.action && a.profile == b.profile && a.started == b.started
                    && a.ended == b.ended && a.regions == b.regions && a.results == b.results && a.calls == b.calls
            }
    }
}
