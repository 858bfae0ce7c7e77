import FleetCore

/// The help overlay: how far it is scrolled, what it was opened over (so closing it returns there with nothing
/// lost: a stop dialog's frozen targets, options, focus and preview; the details; the journal), and the search
/// in it, if any.
public struct HelpViewState: Sendable, Equatable {
    /// The first line shown.
    public var scroll: Int
    /// What was open when help was asked for (`.none`: the list or the results view).
    public var returnTo: FleetDialog
    /// The search (`/` in help), while one is typed or kept.
    public var search: HelpSearch?

    /// Help over `returnTo`, from the top unless told.
    public init(returnTo: FleetDialog = .none, scroll: Int = 0) {
        self.returnTo = returnTo
        self.scroll = scroll
    }
}

/// A search in the help: the text, whether it is still being typed, and the match the view jumped to. The
/// screen lays the help out, so it finds the matches (the first line of each matching entry) and passes them
/// with each search action, as it passes an overlay's length with each scroll.
public struct HelpSearch: Sendable, Equatable {
    /// The text searched for.
    public var text: String
    /// Whether the search line has the keyboard (Enter keeps the search, Esc leaves it).
    public var isEditing: Bool
    /// The first line of each match, as last found.
    public var matches: [Int]
    /// The line of the current match, if any.
    public var current: Int?
    /// The first line shown when the search began: typing searches from there.
    public var origin: Int

    /// A search being typed, from line `origin`.
    public init(origin: Int) {
        text = ""
        isEditing = true
        matches = []
        current = nil
        self.origin = origin
    }
}
