import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import Synchronization
import Testing

/// `:profile NAME`: the switch is an effect, refused while it would leave an operation unwatched or cannot
/// work; once the runner has signed in, nothing of the old account stays on screen or marked.
@Suite struct ViewModelProfileTests {
    static func state() -> FleetState {
        var s = VM.state(5)
        s.profiles = ["test", "work", "audit"]
        s.credentialSource = "profile test (AK)"
        return s
    }

    static let work = AccountSummary(
        profile: "work", credentialSource: "profile work (RamRoleArn → acs:ram::…:role/ops)",
        endpoint: "http://127.0.0.1:9000", region: VM.shanghai, regions: [VM.hangzhou, VM.shanghai])

    @discardableResult
    static func command(_ s: inout FleetState, _ text: String) -> [FleetEffect] {
        VM.reduce(&s, [.openCommandLine, .editCommandLine(text), .executeCommandLine])
    }

    @Test func aKnownProfileIsSwitchedToByTheRunner() {
        var s = Self.state()
        #expect(Self.command(&s, "profile work") == [.switchProfile("work")])
        #expect(s.switchingTo == "work")
        #expect(s.banners.last?.text == "Signing in with profile work…")
        // Until the runner answers, the screen is the old account's.
        #expect(s.profile == "test" && s.visible.count == 5)
        #expect(Self.command(&s, "profile audit").isEmpty)
        #expect(s.banners.last?.text == "Already signing in with profile work.")
    }

    @Test func refusedWhileAnOperationIsInFlight() {
        var (s, plan) = ViewModelOperationTests.stopping()
        s.profiles = ["test", "work"]
        s.resultsView = nil
        #expect(Self.command(&s, "profile work").isEmpty)
        #expect(s.switchingTo == nil)
        #expect(s.banners.last?.text == "Operation \(plan.id) is in flight: :profile waits until it ends (o shows it).")
        #expect(s.profile == "test")
    }

    @Test func unknownSameAndListedProfiles() {
        var s = Self.state()
        #expect(Self.command(&s, "profile nosuch").isEmpty)
        #expect(s.banners.last?.text == "No profile nosuch; profiles: test, work, audit.")
        #expect(s.banners.last?.level == .error)
        #expect(Self.command(&s, "profile test").isEmpty)
        #expect(s.banners.last?.text == "Already on profile test (AK).")
        #expect(Self.command(&s, "profile").isEmpty)
        #expect(s.banners.last?.text == "On profile test (AK). Profiles: test, work, audit (:profile NAME switches).")
        #expect(s.switchingTo == nil)
    }

    @Test func theSandboxHasOneAccount() {
        var s = FleetState(
            profile: "sandbox", regions: .only([VM.hangzhou]), sandbox: true, credentialSource: "sandbox")
        s.profiles = ["work"]
        #expect(Self.command(&s, "profile work").isEmpty)
        #expect(s.banners.last?.text == "Sandbox: one account. For profile work, run ecsfleet --profile work.")
        Self.command(&s, "profile")
        #expect(s.banners.last?.text == "On sandbox. Profiles: work (the sandbox has one account).")
    }

    @Test func afterTheSwitchMarksResultsAndRowsOfTheOldAccountAreGone() {
        var s = Self.state()
        VM.reduce(&s, [.toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .beginFilter, .editFilter("web"), .applyFilter])
        Self.command(&s, "profile work")
        let effects = VM.reduce(&s, .profileSwitched(Self.work))
        #expect(effects == [.loadInstances(region: VM.shanghai, generation: 1)])
        #expect(!s.hasMarks && s.visible.isEmpty && s.instanceCount == 0 && s.cursor == nil)
        #expect(s.profile == "work" && s.credentialSource == Self.work.credentialSource)
        #expect(s.endpoint == "http://127.0.0.1:9000")
        #expect(s.regionsShown == .only([VM.shanghai]))
        #expect(s.knownRegions == [VM.hangzhou, VM.shanghai] && s.regionListLoaded)
        #expect(s.switchingTo == nil)
        #expect(s.filter.applied == "web", "the filter is how the operator looks: it stays")
        #expect(s.banners.last?.text == "Now on profile work, cn-shanghai; 2 marks cleared.")
        // The new account's pages fill the list.
        VM.reduce(
            &s,
            .instancesLoaded(
                InstancePage(
                    region: VM.shanghai, generation: 1, instances: [VM.instance(9, region: VM.shanghai)], loaded: 1,
                    total: 1, isLast: true)))
        #expect(s.visible.count == 1)
    }

    @Test func theNewAccountsInterruptedOperationsAreAnnouncedAsAtLaunch() {
        var s = Self.state()
        Self.command(&s, "profile work")
        var work = Self.work
        work.interrupted = "1 operation was interrupted: @ to review"
        VM.reduce(&s, .profileSwitched(work))
        #expect(s.banners.last?.level == .warning)
        #expect(
            s.banners.last?.text == "Now on profile work, cn-shanghai. 1 operation was interrupted: @ to review")
    }

    @Test func showingAllRegionsStaysAllRegionsOfTheNewAccount() {
        var s = Self.state()
        Self.command(&s, "region all")
        Self.command(&s, "profile work")
        let effects = VM.reduce(&s, .profileSwitched(Self.work))
        #expect(s.regionsShown == .all)
        #expect(
            effects == [
                .loadInstances(region: VM.hangzhou, generation: 1), .loadInstances(region: VM.shanghai, generation: 1),
            ])
    }

    @Test func aFailedSignInLeavesTheScreenOnItsAccount() {
        var s = Self.state()
        VM.reduce(&s, .toggleMark)
        Self.command(&s, "profile work")
        VM.reduce(&s, .profileSwitchFailed(profile: "work", message: "InvalidAccessKeyId.NotFound: no such key"))
        #expect(s.switchingTo == nil && s.profile == "test" && s.markCount == 1 && s.visible.count == 5)
        #expect(s.banners.last?.level == .error)
        #expect(
            s.banners.last?.text
                == "Still on test: profile work cannot be used: InvalidAccessKeyId.NotFound: no such key")
    }

    @Test func nothingIsSentWhileSigningIn() {
        var s = Self.state()
        Self.command(&s, "profile work")
        let effects = VM.reduce(&s, [.openStopDialog, .pressButton(.confirm), .typeCharacter("y")])
        #expect(!effects.contains { if case .execute = $0 { return true } else { return false } })
        #expect(s.operations.isEmpty)
        #expect(s.banners.last?.text == "Not sent: signing in with profile work; the list is about to change.")
    }
}

/// A switcher over fake accounts: each profile's fleet, or why it cannot sign in.
final class VMSwitcher: AccountSwitching {
    let accounts: [String: any ECSService]
    let settled = Mutex<[Bool]>([])

    init(_ accounts: [String: any ECSService]) { self.accounts = accounts }

    func signIn(profile: String) async throws(AccountSwitchError) -> SignedInAccount {
        guard let ecs = accounts[profile] else { throw AccountSwitchError("no profile \(profile) in the config") }
        return SignedInAccount(
            engine: OperationEngine(service: ecs, journal: nil, clock: VMClock(), profile: profile),
            summary: AccountSummary(
                profile: profile, credentialSource: "profile \(profile) (AK)", endpoint: nil, region: VM.shanghai,
                regions: nil))
    }

    func settle(switched: Bool) async { settled.withLock { $0.append(switched) } }
}

@Suite struct ViewModelProfileRunnerTests {
    @Test func theRunnerCountsTheNewProfilesInterruptedOperationsOnly() async throws {
        // The journal's interrupted stop was made with profile `test`: `work` has none, `test` has one.
        let (journal, _) = try ViewModelEffectRunnerJournalTests.interruptedJournal()
        let ecs = VMFakeECS([VM.shanghai: [VM.instance(7, region: VM.shanghai)]])
        for (profile, expected) in [("work", nil), ("test", "1 operation was interrupted: @ to review")] {
            let log = VMActionLog()
            let runner = FleetEffectRunner(
                service: ecs, journal: journal, clock: VMClock(),
                engine: OperationEngine(service: ecs, journal: journal, clock: VMClock(), profile: "other"),
                switcher: VMSwitcher([profile: ecs]), send: log.send)
            await runner.run(.switchProfile(profile))
            guard case .profileSwitched(let summary)? = log.actions.last else {
                Issue.record("no switch: \(log.actions)")
                return
            }
            #expect(summary.interrupted == expected, "\(profile)")
        }
    }

    @Test func theRunnerChecksTheNewKeyThenMovesToItsAccount() async {
        let old = VMFakeECS([VM.hangzhou: [VM.instance(1)]])
        let new = VMFakeECS([VM.shanghai: [VM.instance(7, region: VM.shanghai)]])
        let switcher = VMSwitcher(["work": new])
        let log = VMActionLog()
        let runner = FleetEffectRunner(
            service: old, journal: nil, clock: VMClock(),
            engine: OperationEngine(service: old, journal: nil, clock: VMClock(), profile: "test"),
            switcher: switcher, send: log.send)
        await runner.run(.switchProfile("work"))
        guard case .profileSwitched(let summary)? = log.actions.last else {
            Issue.record("no switch: \(log.actions)")
            return
        }
        #expect(summary.profile == "work" && summary.regions == [VM.shanghai])
        #expect(switcher.settled.withLock { $0 } == [true])
        await runner.run(.loadInstances(region: VM.shanghai, generation: 1))
        guard case .instancesLoaded(let page)? = log.actions.last else {
            Issue.record("no page")
            return
        }
        #expect(page.instances.map(\.instanceId) == [VM.id(7)], "loads go to the new account")
        #expect(old.calls.withLock { $0 }.isEmpty)
    }

    @Test func anUnknownProfileOrAFailingKeyKeepsTheOldAccount() async {
        let old = VMFakeECS([VM.hangzhou: [VM.instance(1)]])
        let badKey = VMRefusingECS(
            error: .api(
                APIError(
                    code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found.", httpStatus: 404
                )))
        let noRegions = VMRefusingECS(
            error: .api(APIError(code: "Forbidden.RAM", message: "User not authorized.", httpStatus: 403)))
        let switcher = VMSwitcher(["badkey": badKey, "limited": noRegions])
        let log = VMActionLog()
        let runner = FleetEffectRunner(
            engine: OperationEngine(service: old, journal: nil, clock: VMClock(), profile: "test"),
            switcher: switcher, send: log.send)
        await runner.run(.switchProfile("nosuch"))
        guard case .profileSwitchFailed(let profile, let message)? = log.actions.last else {
            Issue.record("no failure: \(log.actions)")
            return
        }
        #expect(profile == "nosuch" && message == "no profile nosuch in the config")
        #expect(switcher.settled.withLock { $0 }.isEmpty)

        await runner.run(.switchProfile("badkey"))
        guard case .profileSwitchFailed("badkey", let why)? = log.actions.last else {
            Issue.record("no failure: \(log.actions)")
            return
        }
        #expect(why.contains("InvalidAccessKeyId.NotFound"))
        #expect(switcher.settled.withLock { $0 } == [false], "the new session is let go")
        await runner.run(.loadInstances(region: VM.hangzhou, generation: 2))
        guard case .instancesLoaded(let page)? = log.actions.last else {
            Issue.record("no page")
            return
        }
        #expect(page.instances.map(\.instanceId) == [VM.id(1)], "still the old account")

        // A key that may not list regions is still a key that signs: the switch goes on, the list unknown.
        await runner.run(.switchProfile("limited"))
        guard case .profileSwitched(let summary)? = log.actions.last else {
            Issue.record("no switch: \(log.actions)")
            return
        }
        #expect(summary.profile == "limited" && summary.regions == nil)
        #expect(switcher.settled.withLock { $0 } == [false, true])

        // Without a switcher (the sandbox), the runner says the session cannot change accounts.
        let alone = FleetEffectRunner(
            engine: OperationEngine(service: old, journal: nil, clock: VMClock(), profile: "test"), send: log.send)
        await alone.run(.switchProfile("work"))
        guard case .profileSwitchFailed(_, let reason)? = log.actions.last else {
            Issue.record("no failure")
            return
        }
        #expect(reason == "this session cannot change accounts.")
    }
}

/// A service that answers every call with one error.
struct VMRefusingECS: ECSService {
    let error: ECSCallError
    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response { throw error }
}
