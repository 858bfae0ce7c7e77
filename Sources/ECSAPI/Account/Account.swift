import Foundation

/// Who calls the API and where: the ways credentials may be obtained (the chain's steps, in order), the default
/// region, and the profile name the journal records (never a secret).
public struct Account: Sendable {
    /// The chain's steps in order; the first that yields credentials is used (see `CredentialStep`).
    public var steps: [CredentialStep]
    /// The region for calls that name none.
    public var region: String
    /// The `aliyun` CLI profile whose credentials are used, `environment` for any other step of the default
    /// chain, or `sandbox`: what the journal records and `journal --resume` compares.
    public var profile: String
    /// Lines for stderr about the files read (one readable by other users).
    public var warnings: [String] = []

    public init(steps: [CredentialStep], region: String, profile: String) {
        self.steps = steps
        self.region = region
        self.profile = profile
    }

    /// An account with one fixed key.
    public init(credentials: Credentials, region: String, profile: String, source: CredentialSource) {
        self.init(
            steps: [CredentialStep(name: source.description, outcome: .use(source, .fixed(credentials)))],
            region: region, profile: profile)
    }
}

/// One step of the default chain and what it found without going to the network.
public struct CredentialStep: Sendable, Equatable {
    /// The step's name in the list that explains a chain that yielded nothing (`environment`, `credentials file`).
    public var name: String
    /// What the step found.
    public var outcome: Outcome

    /// Nothing, credentials to use, or a probe of the metadata service.
    public enum Outcome: Sendable, Equatable {
        /// Nothing here, and why (for example `ALIBABA_CLOUD_ACCESS_KEY_ID is not set`).
        case skipped(String)
        /// These credentials are meant: a failure to obtain them is the answer, the chain stops here.
        case use(CredentialSource, CredentialRecipe)
        /// The instance RAM role (`nil`: its name is asked of the metadata service), worth a try only where the
        /// metadata service answers: off ECS the chain moves on.
        case instanceRoleProbe(name: String?)
    }

    public init(name: String, outcome: Outcome) {
        self.name = name
        self.outcome = outcome
    }
}

/// Credentials or a region that cannot be found or read; the text says what to set.
public struct AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
