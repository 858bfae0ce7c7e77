import FleetCore

/// The help overlay: how far it is scrolled, and what it was opened over, so closing it returns there with
/// nothing lost (a stop dialog's frozen targets, options, focus and preview; the details; the journal).
public struct HelpViewState: Sendable, Equatable {
    /// The first line shown.
    public var scroll: Int
    /// What was open when help was asked for (`.none`: the list or the results view).
    public var returnTo: FleetDialog

    /// Help over `returnTo`, from the top unless told.
    public init(returnTo: FleetDialog = .none, scroll: Int = 0) {
        self.returnTo = returnTo
        self.scroll = scroll
    }
}
