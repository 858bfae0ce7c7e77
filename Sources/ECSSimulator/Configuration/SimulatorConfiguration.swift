import ECSAPI

/// Everything that shapes a simulated account: its credentials, timings and faults.
public struct SimulatorConfiguration: Sendable {
    /// The one access key the simulated account accepts.
    public var credentials = Credentials(accessKeyId: "sandbox", accessKeySecret: "sandbox-secret")
    /// Seconds an instance spends in `Stopping` (halved by `ForceStop`).
    public var stopDelay = DelayRange(min: 2, max: 6)
    /// Seconds an instance spends in `Starting`.
    public var startDelay = DelayRange(min: 2, max: 6)
    /// The account has "economical mode by default" switched on.
    public var economicalDefault = false
    public var faults = FaultSpec()
    /// Calls per second per access key and API; `nil` means unlimited.
    public var rateLimit: Double?
    /// Seeds every random choice (delays, faults).
    public var seed: UInt64 = 1
    /// Where every change is persisted, if anywhere.
    public var statePath: String?
    /// Regions that exist (and are listed by `DescribeRegions`) even without instances or a public name.
    public var extraRegions: [String] = []
    /// Extra running, stoppable instances per region (`--pool REGION=N`), added to whatever the fleet holds:
    /// a supply for load tests that stop thousands of instances a second.
    public var runningPools: [(region: String, count: Int)] = []
    /// Allowed clock skew of signed requests.
    public var maxClockSkew: Double = 15 * 60
    /// How long a nonce is remembered.
    public var nonceLifetime: Double = 15 * 60
    /// The most nonces remembered at once; the oldest are forgotten first beyond it.
    public var maxRememberedNonces = 1_000_000
    /// Roles `AssumeRole` and `AssumeRoleWithOIDC` accept (`--role`); empty means any well-formed role ARN.
    public var roles: [RoleArn] = []
    /// OIDC providers `AssumeRoleWithOIDC` accepts (`--oidc-provider`); empty means any well-formed one.
    public var oidcProviders: [String] = []
    /// The instance RAM role the metadata service hands out (`--instance-role`); `nil`: no metadata service.
    public var instanceRole: String?
    /// The metadata service answers only requests that carry a session token (`--imds-v2-only`).
    public var imdsV2Only = false
    /// The account's own key may call STS only: ECS calls signed with it get `Forbidden.RAM`.
    public var accessKeySTSOnly = false
    /// Lifetime of every temporary credential handed out, overriding `DurationSeconds` (`--credential-ttl`).
    public var credentialTTL: Double?

    public init() {}
}
