import Foundation

/// Finds the account as the vendor's tools do: the default credential chain, in the vendor's order, and the region.
///
/// The chain: the environment's keys (`ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`,
/// `ALIBABA_CLOUD_SECURITY_TOKEN`), OIDC from the environment, the `aliyun` CLI profile (`~/.aliyun/config.json`,
/// profile from `ALIBABA_CLOUD_PROFILE` or the file's `current`), the credentials file
/// (`~/.alibabacloud/credentials.ini` or `ALIBABA_CLOUD_CREDENTIALS_FILE`), the instance RAM role (metadata
/// service), and `ALIBABA_CLOUD_CREDENTIALS_URI`. An explicit `--profile` names a CLI profile and nothing else.
/// The region comes from `--region`, `ALIBABA_CLOUD_REGION_ID`, then the CLI profile's `region_id`.
///
/// Unlike the vendor's chain, a step that is configured (a profile that exists, a section that exists) is the
/// answer even when it fails: an operator whose role cannot be assumed is told why, rather than being signed in
/// as someone else further down the chain.
public enum AccountResolver {
    static let hint = "To try ecsfleet without an account, use --sandbox."

    /// - Parameters:
    ///   - configPath: the `aliyun` CLI's `config.json`.
    ///   - credentialsPath: the credentials file when `ALIBABA_CLOUD_CREDENTIALS_FILE` is not set (`nil`: none).
    ///   - fallbackRegion: the region when none of those names one, for a command that needs some region to call
    ///     but no particular one (`list --all-regions` calls `DescribeRegions`); `nil` makes a missing region an error.
    ///   - now: for default role session names.
    public static func resolve(
        profile explicitProfile: String?, region explicitRegion: String?, environment: [String: String],
        configPath: String, credentialsPath: String? = nil, fallbackRegion: String? = nil,
        now: Date = Date()
    ) throws(AccountError) -> Account {
        let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var steps: [CredentialStep] = []
        var profileName = "environment"
        let configExists = FileManager.default.fileExists(atPath: configPath)
        var cli: CLIConfigFile?

        if let explicit = explicitProfile {
            guard configExists else {
                throw AccountError(
                    "--profile \(explicit): there is no \(configPath). Create it with `aliyun configure --profile \(explicit)`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET. \(hint)"
                )
            }
            let file = try CLIConfigFile.load(path: configPath)
            cli = file
            let (recipe, source) = try file.recipe(profile: explicit, environment: environment, now: now)
            steps = [CredentialStep(name: "aliyun CLI profile", outcome: .use(source, recipe))]
            profileName = explicit
        } else {
            // The CLI's file is read only when the chain gets to it: environment keys work beside a broken one.
            let found = try chain(
                environment: environment, env: env,
                cliFile: { () throws(AccountError) -> CLIConfigFile? in
                    guard configExists else { return nil }
                    cli = try CLIConfigFile.load(path: configPath)
                    return cli
                }, configPath: configPath, credentialsPath: credentialsPath, now: now)
            steps = found.steps
            if let used = found.cliProfile { profileName = used }
            if cli == nil, configExists { cli = try? CLIConfigFile.load(path: configPath) }
        }
        if !steps.contains(where: { if case .skipped = $0.outcome { return false } else { return true } }) {
            throw AccountError(explain(steps))
        }
        let profileRegion =
            profileName == "environment"
            ? cli?.profile(named: env("ALIBABA_CLOUD_PROFILE") ?? cli?.current ?? "default")?.regionId
            : cli?.profile(named: profileName)?.regionId
        guard let region = explicitRegion ?? env("ALIBABA_CLOUD_REGION_ID") ?? profileRegion ?? fallbackRegion else {
            throw missingRegion()
        }
        var account = Account(steps: steps, region: region, profile: profileName)
        let iniPath = env("ALIBABA_CLOUD_CREDENTIALS_FILE") ?? credentialsPath
        account.warnings = ([configPath] + (iniPath.map { [$0] } ?? [])).compactMap(openPermissionsWarning)
        return account
    }

    /// A warning, as `ssh` gives for keys, when a file that holds secrets is open to other users (any group or other permission bit).
    public static func openPermissionsWarning(path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0
        else { return nil }
        return
            "warning: \(path) is open to other users (mode \(String(mode & 0o777, radix: 8))); it holds secrets: run chmod 600 \(path)"
    }

    /// The default chain's steps up to the first that is meant to be used.
    static func chain(
        environment: [String: String], env: (String) -> String?, cliFile: () throws(AccountError) -> CLIConfigFile?,
        configPath: String,
        credentialsPath: String?, now: Date
    ) throws(AccountError) -> (steps: [CredentialStep], cliProfile: String?) {
        var steps: [CredentialStep] = []
        let envId = env("ALIBABA_CLOUD_ACCESS_KEY_ID")
        let envSecret = env("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        if let id = envId, let secret = envSecret {
            let key = Credentials(
                accessKeyId: id, accessKeySecret: secret, securityToken: env("ALIBABA_CLOUD_SECURITY_TOKEN"))
            return ([CredentialStep(name: "environment", outcome: .use(.environment, .fixed(key)))], nil)
        }
        if envId != nil || envSecret != nil {
            throw AccountError(
                "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET must be set together; only \(envId == nil ? "the secret" : "the key ID") is set."
            )
        }
        steps.append(
            CredentialStep(
                name: "environment",
                outcome: .skipped("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set")))

        let oidcNames = ["ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"]
        let oidc = oidcNames.map(env)
        if let roleArn = oidc[0], let providerArn = oidc[1], let tokenFile = oidc[2] {
            let request = OIDCRequest(
                roleArn: roleArn, providerArn: providerArn, tokenFile: tokenFile,
                sessionName: env("ALIBABA_CLOUD_ROLE_SESSION_NAME") ?? CLIConfigFile.sessionName(now))
            let source = CredentialSource("OIDC from the environment → " + CredentialSource.shortRole(roleArn))
            return (
                steps + [
                    CredentialStep(
                        name: "OIDC (environment)",
                        outcome: .use(source, .oidc(request, sts: .from(environment: environment))))
                ], nil
            )
        }
        let missing = zip(oidcNames, oidc).filter { $0.1 == nil }.map(\.0)
        steps.append(
            CredentialStep(
                name: "OIDC (environment)",
                outcome: .skipped(
                    missing.count == 3
                        ? "ALIBABA_CLOUD_OIDC_TOKEN_FILE, ALIBABA_CLOUD_ROLE_ARN and ALIBABA_CLOUD_OIDC_PROVIDER_ARN are not set"
                        : "\(missing.joined(separator: " and ")) not set (all three are needed)")))

        let cliStep = "aliyun CLI profile"
        if env("ALIBABA_CLOUD_CLI_PROFILE_DISABLED")?.lowercased() == "true" {
            steps.append(CredentialStep(name: cliStep, outcome: .skipped("ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true")))
        } else if let cli = try cliFile() {
            let name = env("ALIBABA_CLOUD_PROFILE") ?? cli.current ?? "default"
            if cli.profile(named: name) != nil {
                let (recipe, source) = try cli.recipe(profile: name, environment: environment, now: now)
                return (steps + [CredentialStep(name: cliStep, outcome: .use(source, recipe))], name)
            }
            let names = cli.profiles.map(\.name).joined(separator: ", ")
            steps.append(
                CredentialStep(
                    name: cliStep,
                    outcome: .skipped(
                        "Profile '\(name)' is not in \(configPath) (profiles: \(names.isEmpty ? "none" : names)); pick one with --profile"
                    )))
        } else {
            steps.append(
                CredentialStep(
                    name: cliStep, outcome: .skipped("there is no \(configPath) (create one with `aliyun configure`)")))
        }

        let fileStep = "credentials file"
        let iniPath = env("ALIBABA_CLOUD_CREDENTIALS_FILE") ?? credentialsPath
        if let iniPath, let data = FileManager.default.contents(atPath: iniPath) {
            let file = try CredentialsFile.parse(String(decoding: data, as: UTF8.self), path: iniPath)
            let section = env("ALIBABA_CLOUD_PROFILE") ?? "default"
            if file.sections[section] != nil {
                let (recipe, source) = try file.recipe(section: section, environment: environment, now: now)
                return (steps + [CredentialStep(name: fileStep, outcome: .use(source, recipe))], nil)
            }
            steps.append(CredentialStep(name: fileStep, outcome: .skipped("\(iniPath) has no section [\(section)]")))
        } else if let explicit = env("ALIBABA_CLOUD_CREDENTIALS_FILE") {
            throw AccountError(
                "ALIBABA_CLOUD_CREDENTIALS_FILE names \(explicit), which cannot be read; fix the path or unset it.")
        } else {
            steps.append(
                CredentialStep(
                    name: fileStep, outcome: .skipped(iniPath.map { "there is no \($0)" } ?? "no credentials file")))
        }

        let roleStep = "instance RAM role"
        if env("ALIBABA_CLOUD_ECS_METADATA_DISABLED")?.lowercased() == "true" {
            steps.append(CredentialStep(name: roleStep, outcome: .skipped("ALIBABA_CLOUD_ECS_METADATA_DISABLED=true")))
        } else {
            steps.append(
                CredentialStep(name: roleStep, outcome: .instanceRoleProbe(name: env("ALIBABA_CLOUD_ECS_METADATA"))))
        }

        if let uri = env("ALIBABA_CLOUD_CREDENTIALS_URI") {
            return (
                steps + [
                    CredentialStep(
                        name: "credentials URI", outcome: .use(CredentialSource("credentials URI"), .uri(uri)))
                ], nil
            )
        }
        steps.append(
            CredentialStep(name: "credentials URI", outcome: .skipped("ALIBABA_CLOUD_CREDENTIALS_URI is not set")))
        return (steps, nil)
    }

    /// Why the chain yielded nothing: one line a step, and what to do. `found` overrides a step's line with what
    /// happened when it was tried (the metadata service that did not answer).
    public static func explain(_ steps: [CredentialStep], tried found: [String: String] = [:]) -> String {
        var lines = ["No credentials: every step of the default chain came up empty:"]
        for step in steps {
            if let why = found[step.name] {
                lines.append("  \(step.name): \(why)")
                continue
            }
            if case .skipped(let why) = step.outcome { lines.append("  \(step.name): \(why)") }
        }
        lines.append(
            "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile with `aliyun configure`. \(hint)"
        )
        return lines.joined(separator: "\n")
    }

    static func missingRegion() -> AccountError {
        AccountError(
            "No region: pass --region REGION (for example cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, or set region_id in the profile."
        )
    }
}
