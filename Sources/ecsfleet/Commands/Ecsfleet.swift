import ArgumentParser
import ECSAPI

/// The root command. Global options (`--sandbox`, `--profile`, `--region`, ...) may come before or after the
/// subcommand.
struct Ecsfleet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecsfleet",
        abstract:
            "ecsfleet \(ProductVersion.current): stop, start and watch Alibaba Cloud ECS instances across regions, safely and in bulk.",
        discussion: """
            Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
            (and ALIBABA_CLOUD_SECURITY_TOKEN), else the aliyun CLI's ~/.aliyun/config.json profile.
            --sandbox needs none: it runs against a built-in simulated account.

            With no subcommand, ecsfleet opens the interactive screen (press ? there for the keys).

            Examples:
              ecsfleet --sandbox
              ecsfleet --sandbox list
              ecsfleet --sandbox stop --instance-id i-... --region cn-hangzhou --dry-run
              ecsfleet journal --last 5
            """,
        version: ProductVersion.current,
        subcommands: [ListCommand.self, StopCommand.self, StartCommand.self, StatusCommand.self, JournalCommand.self])

    @OptionGroup var global: GlobalOptions
    @Option(
        help: ArgumentHelp(
            "Colour theme: default, light, mono, high-contrast, colorblind, a file, or one in $XDG_CONFIG_HOME/ecsfleet/themes.",
            valueName: "name|path"),
        completion: .custom { _, _, _ in Completions.themes() })
    var theme: String?
    @Flag(help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Click to move, wheel to scroll.") var mouse = false
    @Flag(help: "No bell or desktop notification when an operation of over 10 seconds ends (config: notify = false).")
    var quiet = false
    @Flag(name: .customLong("readonly"), help: "Browse only: stop and start are disabled.") var readOnly = false
    @Option(help: ArgumentHelp("Refresh the list every N seconds (0 = off).", valueName: "seconds")) var refresh = 30
    @OptionGroup var scope: RegionScope

    /// With no subcommand: the interactive screen.
    func run() async throws {
        let options = ScreenOptions(
            theme: theme, noColor: noColor, mouse: mouse, readOnly: readOnly, refresh: refresh,
            allRegions: scope.allRegions, quiet: quiet)
        try await InteractiveScreen(global: global, options: options).run()
    }

    static let subcommandNames: Set<String> = ["list", "stop", "start", "status", "journal", "help"]

    /// Moves global options written before the subcommand name to after it, so `ecsfleet --sandbox list` works.
    static func normalise(_ arguments: [String]) -> [String] {
        guard let i = arguments.firstIndex(where: { subcommandNames.contains($0) }), i > 0 else { return arguments }
        let before = arguments[..<i]
        if before.contains(where: { $0 == "--help" || $0 == "-h" }) { return arguments }
        return [arguments[i]] + before + arguments[(i + 1)...]
    }
}
