/// What the screen says of the account it works on after `:profile NAME`: never a secret.
public struct AccountSummary: Sendable, Equatable {
    /// The profile name the journal records.
    public var profile: String
    /// Where the credentials came from (`profile ops (RamRoleArn → acs:ram::…:role/fleet-ops)`).
    public var credentialSource: String
    /// The endpoint every call goes to when overridden (`--endpoint`); `nil` for the vendor's.
    public var endpoint: String?
    /// The account's default region (the profile's `region_id`).
    public var region: String
    /// The account's regions (`DescribeRegions`), when it answered; `nil` when the account may not ask.
    public var regions: [String]?
    /// "1 operation was interrupted: @ to review" when the journal holds unfinished operations of these
    /// credentials (`OperationHistory.interruptedBanner`); `nil` when it holds none.
    public var interrupted: String?

    /// A summary of a signed-in account.
    public init(
        profile: String, credentialSource: String, endpoint: String?, region: String, regions: [String]?,
        interrupted: String? = nil
    ) {
        self.interrupted = interrupted
        self.profile = profile
        self.credentialSource = credentialSource
        self.endpoint = endpoint
        self.region = region
        self.regions = regions
    }
}
