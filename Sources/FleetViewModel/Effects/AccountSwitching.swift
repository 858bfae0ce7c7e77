import FleetCore

/// How the effect runner signs in with another profile (`:profile NAME`). The composition root implements it:
/// it owns the sessions (credentials, HTTP clients), which this module never builds.
public protocol AccountSwitching: Sendable {
    /// Signs in with `profile` and returns an engine over its account, not yet used by the screen.
    func signIn(profile: String) async throws(AccountSwitchError) -> SignedInAccount
    /// The runner moved to the account of the latest `signIn` (`switched`), or kept its own because the new
    /// credentials failed their check: the account no longer used can be closed.
    func settle(switched: Bool) async
}

/// An account signed in with a profile: the engine the runner uses from then on, and what the header says.
public struct SignedInAccount: Sendable {
    /// Stops, starts and reads over the new account (its journal is the session's).
    public var engine: OperationEngine
    /// The profile, credential source, endpoint and default region (`regions` is filled in by the runner).
    public var summary: AccountSummary

    /// An account with this engine and summary.
    public init(engine: OperationEngine, summary: AccountSummary) {
        self.engine = engine
        self.summary = summary
    }
}

/// A profile that cannot be signed in with; the text says why and what to do.
public struct AccountSwitchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, in the operator's words.
    public var description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
