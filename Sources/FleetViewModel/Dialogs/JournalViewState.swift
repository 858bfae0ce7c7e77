import FleetCore

/// The journal view: past operations as the journal tells them.
public struct JournalViewState: Sendable {
    /// Whether the journal has been read.
    public enum Phase: Sendable, Equatable {
        case loading, loaded
        case failed(String)
    }

    /// Reading, read, or failed (with why).
    public var phase: Phase
    /// Operations, newest first.
    public var entries: [OperationHistory.Entry]
    /// The first line shown (an operation takes a line, plus one per instance shown).
    public var scroll: Int

    /// A journal view, loading by default.
    public init(phase: Phase = .loading, entries: [OperationHistory.Entry] = [], scroll: Int = 0) {
        self.phase = phase
        self.entries = entries
        self.scroll = scroll
    }
}

extension JournalViewState: Equatable {
    /// Equal when phase, scroll and every entry's fields are.
    public static func == (l: JournalViewState, r: JournalViewState) -> Bool {
        l.phase == r.phase && l.scroll == r.scroll && l.entries.count == r.entries.count
            && zip(l.entries, r.entries).allSatisfy { a, b in
                a.operation == b.operation && a.action == b.action && a.profile == b.profile && a.started == b.started
                    && a.ended == b.ended && a.regions == b.regions && a.results == b.results && a.calls == b.calls
            }
    }
}
