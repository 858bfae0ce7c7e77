import ArgumentParser
import ECSClient
import ECSSimulator

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        help: "The aliyun CLI profile to use (default: ALIBABA_CLOUD_PROFILE, then the config's current profile).",
        completion: .custom { _, _, _ in Completions.profiles() })
    var profile: String?

    @Option(
        name: .customLong("region"),
        help: ArgumentHelp(
            "The region (repeatable; for stop, start and status the regions to look in).", valueName: "region"),
        completion: .list(RegionCatalog.regions.map(\.id)))
    var regions: [String] = []

    @Option(
        help: ArgumentHelp(
            "Send every call, for every region, to this URL (for example an ecs-sim endpoint).", valueName: "url"))
    var endpoint: String?

    @Option(
        name: .customLong("sts-endpoint"),
        help: ArgumentHelp(
            "Send STS calls (role credentials) to this URL instead of sts[.<region>].aliyuncs.com (env ECSFLEET_STS_ENDPOINT).",
            valueName: "url"))
    var stsEndpoint: String?

    @Option(help: "Request signature: v3 (ACS3-HMAC-SHA256) or v1 (HMAC-SHA1).")
    var signature: SignatureArgument = .v3

    @Flag(help: "Run against a built-in simulated account (no cloud account or credentials needed).")
    var sandbox = false

    @Flag(
        help: "Log each request (action, region, status, request id, time taken) to stderr; secrets are never logged.")
    var verbose = false

    @Flag(help: "Allow a plain http:// endpoint that is not on this machine (requests cross the network unencrypted).")
    var insecureHTTP = false

    @Option(
        help: ArgumentHelp(
            "At most this many calls of one API in one region at once; fewer while the service throttles or slows down.",
            valueName: "n"))
    var maxConcurrency = AdaptiveLimit.Settings.defaultCeiling

    /// `journal --resume` opens its session in one region (the journal names each instance's): a second
    /// `--region` would be ignored without a word. The same region twice is one region.
    func requireOneRegion(for command: String) throws(CommandError) {
        var seen = Set<String>()
        let distinct = regions.filter { seen.insert($0).inserted }
        guard distinct.count > 1 else { return }
        throw .usage(
            "\(command) works in one region, but --region names \(distinct.count) (\(distinct.joined(separator: ", "))): run it once per region (list, stop, start and status take several)."
        )
    }

}

/// `--all-regions`, for the screen, `list`, `stop`, `start` and `status`. One group in both commands, like `GlobalOptions`: a flag that
/// the root and a subcommand each declared on its own would be taken by the root alone.
struct RegionScope: ParsableArguments {
    @Flag(help: "Every region the account can see (DescribeRegions), instead of --region.")
    var allRegions = false
}
