import ECSAPI
import ECSClient
import FleetCore
import FleetViewModel

/// The accounts the screen works on: the one it opened with, and those `:profile NAME` signs in with. It owns
/// their sessions (credentials, HTTP clients), builds them as the commands do (`CloudSession.open`, with the
/// same `--endpoint` and options, the profile's own region), and closes each once the screen has left it.
actor ScreenAccounts: AccountSwitching {
    private let global: GlobalOptions
    private let journal: Journal
    /// The session the screen uses.
    private(set) var current: CloudSession
    /// A session signed in with, not yet moved to (its credentials are being checked).
    private var pending: CloudSession?

    init(global: GlobalOptions, journal: Journal, current: CloudSession) {
        self.global = global
        self.journal = journal
        self.current = current
    }

    func signIn(profile: String) async throws(AccountSwitchError) -> SignedInAccount {
        var g = global
        g.profile = profile
        // `--region` named the first account's regions; the new account starts in its profile's region (or,
        // when the profile names none, where the screen was).
        g.regions = []
        let session: CloudSession
        do { session = try await CloudSession.open(g, fallbackRegion: current.account.region) } catch {
            throw AccountSwitchError(error.description)
        }
        if let earlier = pending { await earlier.close() }
        pending = session
        return SignedInAccount(
            engine: Self.engine(session, journal: journal),
            summary: AccountSummary(
                profile: session.account.profile, credentialSource: session.source.description,
                endpoint: global.endpoint, region: session.account.region, regions: nil))
    }

    func settle(switched: Bool) async {
        guard let new = pending else { return }
        pending = nil
        if switched {
            let old = current
            current = new
            await old.close()
        } else {
            await new.close()
        }
    }

    /// Closes every session (when the screen ends).
    func closeAll() async {
        await pending?.close()
        pending = nil
        await current.close()
    }

    /// The operations engine over `session`'s account, writing to the screen's journal.
    static func engine(_ session: CloudSession, journal: Journal) -> OperationEngine {
        var engine = OperationEngine(service: session.service, journal: journal, profile: session.account.profile)
        engine.maxConcurrentDryRuns = session.client.configuration.concurrency.ceiling
        return engine
    }
}
