import ArgumentParser
import ECSAPI
import FleetCore
import FleetViewModel
import Foundation

struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Show past operations and their per-instance results, or finish interrupted ones.",
        discussion: """
            The journal is $XDG_STATE_HOME/ecsfleet/journal.jsonl (default ~/.local/state/ecsfleet/journal.jsonl).

            Examples:
              ecsfleet journal --last 5
              ecsfleet journal --resume            (re-reads the status of an interrupted operation's instances)
              ecsfleet --sandbox journal --resume  (the same for operations made with --sandbox)
              ecsfleet journal --output json
              ecsfleet journal 261205-031712-k3f9   (one operation)
              ecsfleet --sandbox journal --resume 261205-031712-k3f9
              ecsfleet --sandbox journal --undo 261205-031712-k3f9 --dry-run   (what the undo would start)
              ecsfleet --sandbox journal --undo 261205-031712-k3f9 --yes --wait
            """)

    @OptionGroup var global: GlobalOptions
    /// `.unconditional`, as `--timeout`: `--last -3` reaches the check below instead of being read as a flag.
    @Option(parsing: .unconditional, help: "How many recent operations to show.") var last: Int = 10
    @Flag(
        help:
            "Finish interrupted operations (a crash, Ctrl-C, a quit): re-read their instances' status and record final outcomes."
    ) var resume = false
    @Option(help: "table or json (with --undo also csv or ids).") var output: OutputFormat = .table
    @Argument(help: ArgumentHelp("Only this operation (its ID, as `journal` shows it).", valueName: "operation"))
    var operation: String?
    @Option(
        help: ArgumentHelp(
            "Reverse an operation: start what its stop stopped (or stop what its start started) that is still where it left it.",
            valueName: "operation"))
    var undo: String?
    @OptionGroup var undoOptions: UndoOptions

    func run() async throws {
        guard last > 0 else { throw CommandError.usage("--last must be a positive number of operations, got \(last)") }
        let environment = ProcessInfo.processInfo.environment
        let path = AppPaths(environment: environment).journal
        if resume { try global.requireOneRegion(for: "journal --resume") }
        let records: [JournalRecord]
        do { records = try Journal.read(path: path) } catch {
            throw CommandError.usage(
                "\(error.description); set XDG_STATE_HOME to the directory that holds ecsfleet/journal.jsonl")
        }
        var history = OperationHistory(records: records)
        if let undo {
            try await undoOperation(undo, history: history, path: path)
            return
        }
        guard output == .table || output == .json else {
            throw CommandError.usage("journal --output takes table or json (csv and ids are for --undo).")
        }
        if let operation {
            history.entries = history.entries.filter { $0.operation == operation }
            guard !history.entries.isEmpty else {
                throw CommandError.usage("No operation \(operation) in \(path); `ecsfleet journal` lists them.")
            }
        }
        if resume {
            try await resumeInterrupted(history, path: path)
            return
        }
        history.entries = Array(history.entries.suffix(last))
        if output == .json {
            print(
                JSONValue.array(
                    history.entries.map { e in
                        .object([
                            ("Operation", .string(e.operation)), ("Action", .string(e.action)),
                            ("DryRun", .bool(e.isDryRun)),
                            ("Options", .array(e.options.map { .string($0) })), ("Profile", .string(e.profile)),
                            ("Started", .string(SignatureV3.formatTimestamp(e.started))),
                            ("Ended", e.ended.map { .string(SignatureV3.formatTimestamp($0)) } ?? .null),
                            ("Undoes", e.undoes.map { .string($0) } ?? .null),
                            ("Results", .array(e.results.map(\.json))),
                        ])
                    }
                ).jsonText(pretty: true))
            return
        }
        guard !history.entries.isEmpty else {
            print(SafeText.escaped("No operations in \(path) yet."))
            return
        }
        let width = TerminalFacts.width()
        for e in history.entries {
            for line in FieldLine.wrap(Self.headline(e), width: width) { print(line) }
            var t = TableWriter(columns: [
                .init(title: "  ID", priority: 100), .init(title: "OUTCOME", priority: 100),
                .init(title: "CODE", priority: 80), .init(title: "CURRENT", priority: 60),
                .init(title: "MESSAGE", priority: 50, minWidth: 10, flexible: true),
            ])
            for r in e.results { t.add(["  " + r.instanceId, r.outcome.rawValue, r.code, r.currentStatus, r.message]) }
            print(t.render(width: width))
        }
    }

    /// The line above an operation's table: when, what (a dry run says so), how many, where, with which
    /// credentials and options, and whether it ended. The journal is a file anyone with the account may have
    /// edited, so its text is escaped like the API's.
    static func headline(_ e: OperationHistory.Entry) -> [String] {
        var fields = [
            SignatureV3.formatTimestamp(e.started), e.title.isEmpty ? "?" : e.title,
            "\(e.results.count) instance\(e.results.count == 1 ? "" : "s")",
            e.regions.isEmpty ? "-" : e.regions.joined(separator: ","), "profile \(e.profile)",
        ]
        if !e.options.isEmpty { fields.append(e.options.joined(separator: ", ")) }
        if let undone = e.undoes { fields.append("undo of \(undone)") }
        fields.append(e.isInterrupted ? "INTERRUPTED (run `\(e.resumeCommand) \(e.operation)`)" : "done")
        fields.append("[\(e.operation)]")
        return fields.map { SafeText.escaped($0) }
    }
}
