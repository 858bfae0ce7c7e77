import ArgumentParser
import ECSAPI
import FleetCore
import FleetViewModel
import Foundation

struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop instances (StopInstances), optionally waiting until each is Stopped.",
        discussion: """
            Exit status: 0 every instance reached the wanted outcome, 1 some failed or timed out,
            2 usage/configuration/credentials, 3 refused (safety policy, or no --yes without a terminal).
            With --dry-run: 0 when every instance was found and has its verdict (would go ahead, or skipped
            with the reason, such as a lock), 1 when one was not found or its check failed.

            Examples:
              ecsfleet stop --instance-id i-bp1abc i-bp2def --dry-run     (each ID's region is looked up)
              ecsfleet stop --ids-from ids.txt --batch SuccessFirst --stopped-mode StopCharging --yes --wait
              ecsfleet --sandbox list --status Running --output json | ecsfleet --sandbox stop --ids-from - --yes
              ecsfleet stop --where 'tag:env=dev status:running' --all-regions --dry-run   (the preview)
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: InstanceSelection
    @OptionGroup var scope: RegionScope
    @Flag(help: "ForceStop: like pulling the power; data not yet written to disk may be lost.") var force = false
    @Option(
        help: "KeepCharging or StopCharging (economical mode; only VPC pay-as-you-go instances without local disks).")
    var stoppedMode: StoppedModeArgument?
    @Option(help: "AllTogether (one failure stops none) or SuccessFirst (each on its own).")
    var batch: BatchArgument = .allTogether
    @OptionGroup var run: RunOptions

    func run() async throws {
        let options = OperationOptions(
            forceStop: force, stoppedMode: stoppedMode?.value, batch: batch.value, dryRun: run.dryRun)
        try await PowerRunner(action: .stop, options: options, global: global, run: run).execute(
            selection, scope: scope)
    }
}

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start stopped instances (StartInstances), optionally waiting until each is Running.",
        discussion: """
            Exit status as for stop. Examples:
              ecsfleet start --instance-id i-bp1abc --region cn-hangzhou --yes --wait
              ecsfleet start --ids-from ids.txt --batch SuccessFirst --dry-run
              ecsfleet start --where 'tag:env=dev status:stopped' --all-regions --yes --wait
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: InstanceSelection
    @OptionGroup var scope: RegionScope
    @Option(help: "AllTogether or SuccessFirst.") var batch: BatchArgument = .allTogether
    @OptionGroup var run: RunOptions

    func run() async throws {
        try await PowerRunner(
            action: .start, options: OperationOptions(batch: batch.value, dryRun: run.dryRun), global: global, run: run
        )
        .execute(selection, scope: scope)
    }
}

/// Options shared by stop and start.
struct RunOptions: ParsableArguments {
    @Flag(help: "Check without changing anything (each instance's verdict is shown).") var dryRun = false
    @Flag(help: "Do not ask for confirmation (needed without a terminal).") var yes = false
    @Flag(help: "Wait until each instance reaches its final state.") var wait = false
    /// `.unconditional`: the next word is the value even when it looks like an option, so `--timeout -1` gets
    /// the command's own "must be a positive number" rather than ArgumentParser's "Missing value".
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("With --wait, give up waiting after this many seconds.", valueName: "seconds"))
    var timeout: Int = 600
    @Option(help: "table, json, csv, or ids (the IDs that reached the outcome, one a line).") var output: OutputFormat =
        .table
}
