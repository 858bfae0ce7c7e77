import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import Synchronization
import TerminalUI
import Testing

/// Signs in with profiles over fake accounts.
final class FakeSwitcher: AccountSwitching {
    let accounts: [String: FakeECS]
    let settled = Mutex<[Bool]>([])

    init(_ accounts: [String: FakeECS]) { self.accounts = accounts }

    func signIn(profile: String) async throws(AccountSwitchError) -> SignedInAccount {
        guard let ecs = accounts[profile] else { throw AccountSwitchError("no profile \(profile)") }
        return SignedInAccount(
            engine: OperationEngine(service: ecs, journal: nil, clock: InstantClock(), profile: profile),
            summary: AccountSummary(
                profile: profile, credentialSource: "profile \(profile) (AK)", endpoint: "http://127.0.0.1:9",
                region: UI.shanghai, regions: nil))
    }

    func settle(switched: Bool) async { settled.withLock { $0.append(switched) } }
}

/// `:profile sec<Tab><Enter>` through the app loop: the effect reaches the runner, which signs in and moves the
/// list to the second account.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct AppLoopProfileTests {
    @Test func switchingProfilesThroughTheLoop() async throws {
        let first = FakeECS([UI.hangzhou: (1...3).map { UI.instance($0) }])
        let second = FakeECS([UI.shanghai: (21...22).map { UI.instance($0, region: UI.shanghai) }])
        let switcher = FakeSwitcher(["second": second])
        let inbox = ActionInbox()
        let runner = FleetEffectRunner(
            engine: OperationEngine(service: first, journal: nil, clock: InstantClock(), profile: "first"),
            switcher: switcher
        ) { inbox.send($0) }
        var state = FleetState(
            profile: "first", regions: .only([UI.hangzhou]), autoRefreshInterval: nil, operationIdPrefix: "t-",
            credentialSource: "profile first (AK)")
        state.profiles = ["first", "second"]
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let app = FleetApp(
            state: state, theme: .default, terminal: terminal, runner: runner, inbox: inbox, ascii: false,
            mouse: false
        ) { _ in Theme.default }
        let run = Task { await app.run() }
        defer { run.cancel() }
        let loop = AppLoopTests()
        guard try await loop.waitFor(terminal, "the first account", { UI.shows(UI.id(3), $0) }) else {
            terminal.enqueue(.signal(.terminate))
            _ = await run.value
            return
        }
        terminal.type(":profile sec")
        terminal.enqueue(.key(KeyEvent(.tab)), .key(KeyEvent(.enter)))
        let switched = try await loop.waitFor(terminal, "the second account") { g in
            UI.shows(UI.id(21), g) && !UI.shows(UI.id(3), g)
                && g.lines[0].contains("profile second (AK) @ 127.0.0.1:9  cn-shanghai")
        }
        #expect(switched)
        #expect(switcher.settled.withLock { $0 } == [true])
        terminal.type("q")
        #expect(await run.value == .quit)
        await runner.cancelAll()
    }
}
