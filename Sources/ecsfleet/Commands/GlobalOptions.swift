import ArgumentParser
import ECSClient

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The aliyun CLI profile to use (default: ALIBABA_CLOUD_PROFILE, then the config's current profile).")
    var profile: String?

    @Option(name: .customLong("region"), help: ArgumentHelp("The region (repeatable; for stop, start and status the regions to look in).", valueName: "region"))
    var regions: [String] = []

    @Option(help: ArgumentHelp("Send every call, for every region, to this URL (for example an ecs-sim endpoint).", valueName: "url"))
    var endpoint: String?

    @Option(help: ArgumentHelp("Request signature: v3 (ACS3-HMAC-SHA256) or v1 (HMAC-SHA1).", valueName: "v3|v1"))
    var signature: String = "v3"

    @Flag(help: "Run against a built-in simulated account (no cloud account or credentials needed).")
    var sandbox = false

    @Flag(help: "Log each request (action, region, status, request id, time taken) to stderr; secrets are never logged.")
    var verbose = false

    @Flag(help: "Allow a plain http:// endpoint that is not on this machine (requests cross the network unencrypted).")
    var insecureHTTP = false

    /// `journal --resume` opens its session in one region (the journal names each instance's): a second
    /// `--region` would be ignored without a word. The same region twice is one region.
    func requireOneRegion(for command: String) throws(CommandError) {
        var seen = Set<String>()
        let distinct = regions.filter { seen.insert($0).inserted }
        guard distinct.count > 1 else { return }
        throw .usage("\(command) works in one region, but --region names \(distinct.count) (\(distinct.joined(separator: ", "))): run it once per region (list, stop, start and status take several).")
    }

    func signatureVersion() throws(CommandError) -> ECSClient.SignatureVersion {
        guard let v = ECSClient.SignatureVersion(rawValue: signature.lowercased()) else {
            throw .usage("--signature must be v3 or v1, got '\(signature)'")
        }
        return v
    }
}

/// `--all-regions`, for the screen, `list`, `stop`, `start` and `status`. One group in both commands, like `GlobalOptions`: a flag that
/// the root and a subcommand each declared on its own would be taken by the root alone.
struct RegionScope: ParsableArguments {
    @Flag(help: "Every region the account can see (DescribeRegions), instead of --region.")
    var allRegions = false
}

/// `--output table|json|csv|ids`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, ids
}
