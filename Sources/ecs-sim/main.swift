import ArgumentParser
import ECSAPI
import ECSSimulator
import Foundation
import Logging

/// `ecs-sim`: a local ECS endpoint. The first line on stdout is the endpoint URL; logs go to stderr.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecs-sim",
        abstract: "A local Alibaba Cloud ECS endpoint that the vendor's SDKs cannot tell from the real one.",
        discussion: """
            Prints the endpoint URL (http://HOST:PORT) as its first line on stdout,
            then serves until SIGINT or SIGTERM. Default credentials: access key ID
            'sandbox', secret 'sandbox-secret'. The same port also answers STS
            (Version=2015-04-01: AssumeRole, AssumeRoleWithOIDC, GetCallerIdentity)
            and, with --instance-role, the metadata service (/latest/) and a
            credentials URI (/credentials-uri/NAME).

            Examples:
              ecs-sim --generate 500
              ecs-sim --fleet dump.json --stop-delay 0.2-0.5 --state /tmp/state.json
              ecs-sim --generate 1000 --seed 7 --rate-limit 50 \\
                      --faults throttle=0.05,error503=0.02,latency=5-40
              ecs-sim --generate 30000 --pool cn-beijing=60000
                      (a stop benchmark's supply of running instances)
              ecs-sim --access-key-sts-only --credential-ttl 600 \\
                      --role acs:ram::1234567890123456:role/fleet-ops \\
                      --instance-role fleet-instance
                      (roles to assume, an instance role, short-lived keys)
            """,
        version: ProductVersion.current)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 0
    @Option(
        help: ArgumentHelp(
            "Replay a DescribeInstances response body ({\"Instances\":{\"Instance\":[...]}}).", valueName: "file"))
    var fleet: String?
    /// `.unconditional`: `--generate -5` reaches the range check below instead of ArgumentParser's "Missing value".
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Generate a realistic synthetic fleet of N instances (1 to 2000000; 0 only with --pool).", valueName: "n"))
    var generate: Int?
    @Option(help: "Seed for the generated fleet, delays and faults.") var seed: UInt64 = 1
    @Option(
        help: ArgumentHelp(
            "Regions for the generated fleet (extra known regions with --fleet).", valueName: "r1,r2,..."))
    var regions: String?
    @Option(help: "The access key ID the account accepts.") var accessKeyId = "sandbox"
    @Option(help: "Its secret.") var accessKeySecret = "sandbox-secret"
    @Option(help: "Make the key an STS key that requires this security token.") var securityToken: String?
    @Option(help: ArgumentHelp("Seconds in Stopping, drawn from MIN-MAX (ForceStop halves it).", valueName: "min-max"))
    var stopDelay = "2-6"
    @Option(help: ArgumentHelp("Seconds in Starting, drawn from MIN-MAX.", valueName: "min-max")) var startDelay = "2-6"
    @Flag(help: "The account stops eligible instances in economical mode (StopCharging) by default.")
    var economicalDefault = false
    @Option(
        help: ArgumentHelp(
            "Inject faults: throttle=P,error500=P,error503=P,drop=P,droplate=P,latency=MIN-MAX (ms).", valueName: "spec"
        ))
    var faults: String?
    @Option(
        help: ArgumentHelp("Calls per second per access key and API; excess calls get Throttling.User.", valueName: "n")
    )
    var rateLimit: Double?
    @Option(
        help: ArgumentHelp(
            "Add N running, unlocked, pay-as-you-go instances to REGION, for load tests that stop thousands of instances (repeatable).",
            valueName: "region=n"))
    var pool: [String] = []
    @Option(
        help: ArgumentHelp(
            "Persist every change to this file (atomically), and resume from it on restart.", valueName: "file"))
    var state: String?
    @Option(
        help: ArgumentHelp(
            "A RAM role STS AssumeRole and AssumeRoleWithOIDC accept (repeatable; unset: any acs:ram::<digits>:role/<name>).",
            valueName: "arn"))
    var role: [String] = []
    @Option(
        help: ArgumentHelp(
            "An OIDC provider AssumeRoleWithOIDC accepts (repeatable; unset: any acs:ram::<digits>:oidc-provider/<name>).",
            valueName: "arn"))
    var oidcProvider: [String] = []
    @Option(
        help: ArgumentHelp(
            "Serve the metadata service (/latest/) and /credentials-uri/NAME with this instance RAM role.",
            valueName: "name"))
    var instanceRole: String?
    @Flag(help: "The metadata service refuses (403) requests without a token from PUT /latest/api/token.")
    var imdsV2Only = false
    @Flag(help: "The account's own key may call STS only: ECS calls signed with it get 403 Forbidden.RAM.")
    var accessKeyStsOnly = false
    @Option(
        help: ArgumentHelp(
            "Temporary credentials handed out expire after this many seconds (default: DurationSeconds; 3600 from the metadata service).",
            valueName: "seconds"))
    var credentialTtl: Double?

    func configuration() throws(ConfigurationError) -> (SimulatorConfiguration, FleetSource) {
        var c = SimulatorConfiguration()
        guard !accessKeyId.isEmpty, !accessKeySecret.isEmpty else {
            throw ConfigurationError("--access-key-id and --access-key-secret must not be empty")
        }
        c.credentials = Credentials(
            accessKeyId: accessKeyId, accessKeySecret: accessKeySecret,
            securityToken: securityToken.flatMap { $0.isEmpty ? nil : $0 })
        guard let stop = DelayRange(parsing: stopDelay) else {
            throw ConfigurationError("--stop-delay must be MIN-MAX seconds, such as 2-6, got '\(stopDelay)'")
        }
        guard let start = DelayRange(parsing: startDelay) else {
            throw ConfigurationError("--start-delay must be MIN-MAX seconds, such as 2-6, got '\(startDelay)'")
        }
        c.stopDelay = stop
        c.startDelay = start
        c.economicalDefault = economicalDefault
        if let faults { c.faults = try FaultSpec(parsing: faults) }
        if let rateLimit {
            guard rateLimit > 0, rateLimit.isFinite else {
                throw ConfigurationError("--rate-limit must be a positive number of calls per second")
            }
            c.rateLimit = rateLimit
        }
        c.seed = seed
        c.statePath = state
        try configureIdentity(&c)
        guard (0...65535).contains(port) else { throw ConfigurationError("--port must be from 0 to 65535") }
        var regionList: [String] = []
        if let regions { regionList = try RegionList.parse(regions) }
        for spec in pool {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
                let n = Int(parts[1]), (1...2_000_000).contains(n)
            else {
                throw ConfigurationError(
                    "--pool must be REGION=N with N from 1 to 2000000, such as cn-beijing=60000, got '\(spec)'")
            }
            c.runningPools.append((region: parts[0], count: n))
        }
        switch (fleet, generate) {
        case (.some, .some): throw ConfigurationError("give --fleet FILE or --generate N, not both")
        case (.some(let path), nil):
            c.extraRegions = regionList
            return (c, .file(path))
        case (nil, let n):
            let count = n ?? 100
            // An empty account is a mistake unless --pool supplies the instances.
            let least = pool.isEmpty ? 1 : 0
            guard (least...2_000_000).contains(count) else {
                throw ConfigurationError(
                    "--generate must be a number of instances from \(least) to 2000000\(least == 1 ? " (0 only with --pool)" : ""), got \(count)"
                )
            }
            return (
                c, .generated(count: count, regions: regionList.isEmpty ? FleetGenerator.defaultRegions : regionList)
            )
        }
    }
}

extension SimCommand {
    /// STS roles and OIDC providers, the instance role, and the lifetime of the keys handed out.
    func configureIdentity(_ c: inout SimulatorConfiguration) throws(ConfigurationError) {
        for text in role {
            guard let arn = RoleArn(text) else {
                throw ConfigurationError(
                    "--role must be a role ARN such as acs:ram::1234567890123456:role/fleet-ops, got '\(text)'")
            }
            c.roles.append(arn)
        }
        for text in oidcProvider {
            guard RoleArn.isOIDCProvider(text) else {
                throw ConfigurationError(
                    "--oidc-provider must be an ARN such as acs:ram::1234567890123456:oidc-provider/ci, got '\(text)'")
            }
            c.oidcProviders.append(text)
        }
        if let instanceRole {
            guard (1...64).contains(instanceRole.count), instanceRole.allSatisfy(RoleArn.isNameCharacter) else {
                throw ConfigurationError(
                    "--instance-role must be a role name (1 to 64 letters, digits, '.', '-', '_'), got '\(instanceRole)'"
                )
            }
            c.instanceRole = instanceRole
        }
        if imdsV2Only, instanceRole == nil { throw ConfigurationError("--imds-v2-only needs --instance-role") }
        c.imdsV2Only = imdsV2Only
        c.accessKeySTSOnly = accessKeyStsOnly
        if let credentialTtl {
            guard credentialTtl >= 1, credentialTtl <= 43200 else {
                throw ConfigurationError("--credential-ttl must be from 1 to 43200 seconds, got \(credentialTtl)")
            }
            c.credentialTTL = credentialTtl
        }
    }
}

/// Parses, builds and serves; every failure is one line on stderr and status 2. Messages quote the flags' values,
/// so control characters in them are written as visible escapes.
func main() async -> Int32 {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel =
            ProcessInfo.processInfo.environment["ECS_SIM_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return handler
    }
    let command: SimCommand
    do {
        command = try SimCommand.parse(Array(CommandLine.arguments.dropFirst()))
    } catch {
        if SimCommand.exitCode(for: error) == .success {
            print(SimCommand.fullMessage(for: error))
            return 0
        }
        FileHandle.standardError.write(
            Data("ecs-sim: \(SafeText.escaped(SimCommand.message(for: error), keepingNewlines: true))\n".utf8))
        return 2
    }
    let logger = Logger(label: "ecs-sim")
    do {
        let (configuration, source) = try command.configuration()
        let gateway = try await Simulator.makeGateway(source: source, configuration: configuration)
        let count = await gateway.fleet.count
        if case .file(let path) = source, count == 0 {
            throw ConfigurationError(
                "fleet file \(path) holds no instances: give it a DescribeInstances body with at least one ({\"Instances\":{\"Instance\":[...]}}), or use --generate N"
            )
        }
        let server = SimulatorServer(gateway: gateway, host: command.host, port: command.port, logger: logger)
        try await server.run(handleSignals: true) { endpoint in
            // Unbuffered, so a script reading the first line gets it at once.
            FileHandle.standardOutput.write(Data((endpoint + "\n").utf8))
            logger.info("ecs-sim serving \(count) instances at \(endpoint)")
        }
        return 0
    } catch let error as ConfigurationError {
        FileHandle.standardError.write(Data("ecs-sim: \(SafeText.escaped(error.description))\n".utf8))
        return 2
    } catch {
        FileHandle.standardError.write(
            Data(
                (SafeText.escaped("ecs-sim: " + ServeFailure.describe(error, host: command.host, port: command.port))
                    + "\n").utf8))
        return 2
    }
}

exit(await main())
