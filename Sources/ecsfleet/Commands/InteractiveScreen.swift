import CursesTerminal
import ECSAPI
import ECSClient
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI

/// `ecsfleet` with no subcommand: the interactive screen over the same engine the commands use.
struct InteractiveScreen {
    let global: GlobalOptions
    let options: ScreenOptions

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError.usage(
                "The interactive screen needs a terminal. In scripts use a subcommand: ecsfleet list|stop|start|status|journal (see --help)."
            )
        }
        guard options.refresh >= 0 else { throw CommandError.usage("--refresh must be 0 (off) or a number of seconds") }
        let environment = ProcessInfo.processInfo.environment
        let paths = AppPaths(environment: environment)
        let themeDirectory = paths.themeDirectory
        let monochrome = options.noColor || environment["NO_COLOR"].map { !$0.isEmpty } == true
        let config = try ScreenConfig.load(path: paths.configFile)
        var theme = Theme.default
        if let name = options.theme ?? config.theme {
            do { theme = try Theme.load(nameOrPath: name, userDirectory: themeDirectory) } catch {
                throw CommandError.usage("--theme: \(error)")
            }
        }
        if monochrome { theme = Theme.mono }
        let policy: SafetyPolicy
        do { policy = try SafetyPolicy.load(path: paths.safetyPolicy, environment: environment) } catch {
            throw CommandError.usage(error.description)
        }
        let session = try await CloudSession.open(
            global, allRegions: options.allRegions)
        let journal: Journal
        do { journal = try Journal(path: paths.journal) } catch {
            await session.close()
            throw CommandError.usage("The journal cannot be written: \(error)")
        }
        let regions: RegionSelection = options.allRegions ? .all : .only(session.regions(global))
        // Said before the screen takes the terminal (it stays above the screen once it ends) and on the screen.
        for problem in config.keyProblems {
            FileHandle.standardError.write(
                Data("ecsfleet: \(SafeText.escaped("\(paths.configFile): \(problem)"))\n".utf8))
        }
        // With --all-regions the account's list (DescribeRegions, asked first) says which regions there are: the
        // home region alone would be taken for all of them.
        var state = FleetState(
            profile: session.account.profile, regions: regions,
            knownRegions: options.allRegions ? [] : session.regions(global),
            readOnly: options.readOnly, sandbox: session.sandbox != nil, safety: PowerSafety(policy: policy),
            autoRefreshInterval: options.refresh == 0 ? nil : TimeInterval(options.refresh),
            credentialSource: session.source.description)
        state.endpoint = global.endpoint
        state.profiles = Completions.profiles()
        state.themes = Completions.themes()
        state.notifyAfter = options.quiet || !config.notify ? nil : 10
        state.columns = config.columns
        if session.sandbox != nil {
            // The sandbox's regions are all there is: `:region cn-shanhai` is refused as in a listed account.
            state.knownRegions = Sandbox.regions
            state.regionListLoaded = true
        }
        if let banner = OperationHistory.interruptedBanner(journalPath: journal.path, profile: session.account.profile)
        {
            state.post(.warning, banner, topic: "interrupted", now: Date())
        }
        if !config.keyProblems.isEmpty {
            let lines = config.keyProblems.map(\.description).joined(separator: "; ")
            state.post(.error, "config.toml, keys not remapped (defaults kept): \(lines)", topic: "keys", now: Date())
        }
        let inbox = ActionInbox()
        // The sandbox is one account: `:profile` says so instead of signing in.
        let accounts =
            session.sandbox == nil ? ScreenAccounts(global: global, journal: journal, current: session) : nil
        let runner = FleetEffectRunner(
            engine: ScreenAccounts.engine(session, journal: journal), switcher: accounts,
            maxConcurrentPages: session.client.configuration.concurrency.ceiling
        ) { inbox.send($0) }
        // Nothing but the screen: anything written to stderr from here on goes to the log file.
        let logPath = paths.screenLog
        let logFile = LogFile(path: logPath)
        let stderrRedirect = StderrRedirect(to: logPath)
        logFile.write(
            "\(SignatureTime.now()) info ecsfleet: screen started, profile \(session.account.profile), credentials from \(session.source)\n"
        )
        let (exit, inFlight, profile) = await Self.runScreen(
            state: state, theme: theme, keymap: config.keymap, monochrome: monochrome, mouse: options.mouse,
            runner: runner, inbox: inbox, themeDirectory: themeDirectory)
        stderrRedirect.restore()
        await runner.cancelAll()
        // The terminal is back and the engine stopped: what was in flight, as the commands say it after a Ctrl-C.
        // The journal, written before each send, says what was sent; the screen's copy of the results may lag.
        let journaled = (try? Journal.read(path: journal.path)).map { OperationHistory(records: $0).entries } ?? []
        for run in inFlight {
            let results = journaled.last { $0.operation == run.id }?.results ?? run.results
            TerminalFacts.printError(
                "ecsfleet: "
                    + SafeText.escaped(
                        InterruptionNotice.line(plan: run.plan, results: results, profile: profile)))
        }
        if let accounts { await accounts.closeAll() } else { await session.close() }
        switch exit {
        case .failure(let error): throw CommandError.usage(error.description)
        case .success(.quit): return
        case .success(.interrupted): throw CommandStatus(code: 130)
        case .success(.terminated): throw CommandStatus(code: 143)
        case .success(.hangup): throw CommandStatus(code: 129)
        }
    }

    @MainActor
    static func runScreen(
        state: FleetState, theme: Theme, keymap: Keymap, monochrome: Bool, mouse: Bool, runner: FleetEffectRunner,
        inbox: ActionInbox, themeDirectory: String
    ) async -> (Result<FleetApp.Exit, ScreenError>, inFlight: [OperationRun], profile: String) {
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(options: .init(forceMonochrome: monochrome)) } catch {
            return (.failure(ScreenError("cannot start the screen: \(error)")), [], state.profile)
        }
        let theme = terminal.hasColors ? theme : Theme.mono
        let app = FleetApp(
            state: state, theme: theme, terminal: terminal, runner: runner, inbox: inbox, keymap: keymap,
            ascii: !CursesTerminal.isUTF8Locale, mouse: mouse
        ) { name throws -> Theme in
            monochrome ? Theme.mono : try Theme.load(nameOrPath: name, userDirectory: themeDirectory)
        }
        let exit = await app.run()
        terminal.shutdown()
        return (.success(exit), app.state.inFlightOperations, app.state.profile)
    }
}
