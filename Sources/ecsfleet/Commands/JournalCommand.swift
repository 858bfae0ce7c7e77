import ArgumentParser
import ECSAPI
import FleetCore
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
              ecsfleet journal --output json
            """)

    @OptionGroup var global: GlobalOptions
    /// `.unconditional`, as `--timeout`: `--last -3` reaches the check below instead of being read as a flag.
    @Option(parsing: .unconditional, help: "How many recent operations to show.") var last: Int = 10
    @Flag(help: "Finish operations a crash interrupted: re-read their instances' status and record final outcomes.") var resume = false
    @Option(help: "table or json.") var output: OutputFormat = .table

    func run() async throws {
        guard last > 0 else { throw CommandError.usage("--last must be a positive number of operations, got \(last)") }
        let environment = ProcessInfo.processInfo.environment
        let path = Journal.defaultPath(environment: environment)
        let records: [JournalRecord]
        do { records = try Journal.read(path: path) } catch { throw CommandError.usage(error.description) }
        var history = OperationHistory(records: records)
        if resume {
            try await resumeInterrupted(history, path: path)
            return
        }
        history.entries = Array(history.entries.suffix(last))
        if output == .json {
            print(JSONValue.array(history.entries.map { e in
                .object([("Operation", .string(e.operation)), ("Action", .string(e.action)), ("Profile", .string(e.profile)),
                         ("Started", .string(SignatureV3.formatTimestamp(e.started))),
                         ("Ended", e.ended.map { .string(SignatureV3.formatTimestamp($0)) } ?? .null),
                         ("Results", .array(e.results.map(\.json)))])
            }).jsonText(pretty: true))
            return
        }
        guard !history.entries.isEmpty else { print(SafeText.escaped("No operations in \(path) yet.")); return }
        for e in history.entries {
            let state = e.isInterrupted ? "INTERRUPTED (run `ecsfleet journal --resume`)" : "done"
            // The journal is a file anyone with the account may have edited: its text is escaped like the API's.
            print(SafeText.escaped("\(SignatureV3.formatTimestamp(e.started))  \(e.action)  \(e.results.count) instances  profile \(e.profile)  \(e.regions.joined(separator: ","))  \(state)  [\(e.operation)]"))
            var t = TableWriter(columns: [.init(title: "  ID", priority: 100), .init(title: "OUTCOME", priority: 100),
                                          .init(title: "CODE", priority: 80), .init(title: "MESSAGE", priority: 50), .init(title: "CURRENT", priority: 60)])
            for r in e.results { t.add(["  " + r.instanceId, r.outcome.rawValue, r.code, r.message, r.currentStatus]) }
            print(t.render(width: TerminalFacts.width()))
        }
    }

    func resumeInterrupted(_ history: OperationHistory, path: String) async throws {
        let interrupted = history.entries.filter(\.isInterrupted)
        guard !interrupted.isEmpty else { print(SafeText.escaped("Nothing to resume: every operation in \(path) has ended.")); return }
        let session = try await CloudSession.open(global)
        let journal: Journal
        do { journal = try Journal(path: path) } catch {
            await session.close()
            throw CommandError.usage(error.description)
        }
        let resumer = JournalResume(service: session.service, journal: journal)
        var failed = false
        for entry in interrupted {
            guard entry.profile == session.account.profile else {
                print(SafeText.escaped("Operation \(entry.operation) was made with profile \(entry.profile); run again with \(entry.profile == "sandbox" ? "--sandbox" : "--profile \(entry.profile)") to resume it."))
                failed = true
                continue
            }
            do {
                let results = try await resumer.resume(entry)
                print(SafeText.escaped("Resumed \(entry.action) \(entry.operation): \(OperationEngine.summary(results))"))
                for r in results { print(SafeText.escaped("  \(r.instanceId)  \(r.outcome.rawValue)  \(r.code)  \(r.message)")) }
            } catch {
                print(SafeText.escaped("Cannot resume \(entry.operation): \(CallFailure.describe(error, region: entry.regions.first ?? ""))"))
                failed = true
            }
        }
        await session.close()
        if failed { throw CommandStatus(code: 1) }
    }
}
