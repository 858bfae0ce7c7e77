import ECSAPI
import FleetCore
import FleetViewModel
import Foundation

extension JournalCommand {
    /// Finishes the interrupted operations made with the current credentials. With `--output json`, stdout is a
    /// JSON array of the resumed instances' results (as `stop` prints them, plus `Operation`), `[]` when there is
    /// nothing to resume, and everything said to the operator goes to stderr.
    ///
    /// Exit status: 0 when every instance resumed reached its state, 1 when some did not or an operation could not
    /// be resumed, 2 when the only interrupted operations were made with other credentials (the advice says which).
    func resumeInterrupted(_ history: OperationHistory, path: String) async throws {
        let json = output == .json
        let say: (String) -> Void = {
            json ? TerminalFacts.printError("ecsfleet: " + SafeText.escaped($0)) : print(SafeText.escaped($0))
        }
        let interrupted = history.entries.filter(\.isInterrupted)
        guard !interrupted.isEmpty else {
            if json { print("[]") }
            say("Nothing to resume: every operation in \(path) has ended.")
            return
        }
        // The sandbox's operations are only in the sandbox, and the others never are: no session is opened (nor
        // credentials asked for) when none of the operations could be resumed with it.
        guard let first = interrupted.first(where: { ($0.profile == "sandbox") == global.sandbox }) else {
            for e in interrupted {
                TerminalFacts.printError(
                    "ecsfleet: "
                        + SafeText.escaped(ResumeAdvice.otherProfile(e, current: global.sandbox ? "sandbox" : nil)))
            }
            if json { print("[]") }
            throw CommandStatus(code: 2)
        }
        // The region of each instance is in the journal; the session's own region is only needed to open it.
        let session = try await CloudSession.open(global, fallbackRegion: first.regions.first)
        let journal: Journal
        do { journal = try JournalAccess.open(path: path, consequence: "Nothing was resumed.") } catch {
            await session.close()
            throw error
        }
        let resumer = JournalResume(service: session.service, journal: journal)
        var out: [JSONValue] = []
        var resumed = 0
        var otherProfile = 0
        var failed = false
        for entry in interrupted {
            guard entry.profile == session.account.profile else {
                TerminalFacts.printError(
                    "ecsfleet: " + SafeText.escaped(ResumeAdvice.otherProfile(entry, current: session.account.profile)))
                otherProfile += 1
                continue
            }
            do {
                let results = try await resumer.resume(entry)
                resumed += 1
                if results.contains(where: { [.failed, .timeout, .dryRunFailed].contains($0.outcome) }) {
                    failed = true
                }
                say(
                    "Resumed \(entry.title) \(entry.operation): \(results.isEmpty ? "nothing was left to follow" : OperationEngine.summary(results))"
                )
                if json {
                    out += results.map { r in
                        guard case .object(let members) = r.json else { return r.json }
                        return .object(members + [("Operation", .string(entry.operation))])
                    }
                } else if !results.isEmpty {
                    print(PowerRunner.resultsTable(results).render(width: TerminalFacts.width()))
                }
            } catch {
                TerminalFacts.printError(
                    "ecsfleet: "
                        + SafeText.escaped(
                            "Cannot resume \(entry.operation): \(CallFailure.describe(error, region: entry.regions.first ?? ""))"
                        ))
                failed = true
            }
        }
        await session.close()
        if json { print(JSONValue.array(out).jsonText(pretty: true)) }
        if resumed == 0 && otherProfile > 0 && !failed { throw CommandStatus(code: 2) }
        if failed || otherProfile > 0 { throw CommandStatus(code: 1) }
    }
}
