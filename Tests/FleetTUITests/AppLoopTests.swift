import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import Synchronization
import TerminalUI
import Testing

/// Engine time that moves on when waited on, so tracking finishes at once.
final class InstantClock: EngineClock {
    let time = Mutex(UI.t0)
    func now() -> Date { time.withLock { $0 } }
    func sleep(for duration: Duration) async throws {
        time.withLock {
            $0 = $0.addingTimeInterval(
                Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        await Task.yield()
    }
}

/// A small ECS: pages `DescribeInstances` by `NextToken`, accepts stops and starts (the instances reach their
/// final state at once, answered as `Stopping`/`Starting`), answers status and region lists, passes dry runs.
final class FakeECS: ECSService {
    let fleet: Mutex<[String: [Instance]]>
    let calls = Mutex<[String]>([])

    init(_ fleet: [String: [Instance]]) { self.fleet = Mutex(fleet) }

    var callLog: [String] { calls.withLock { $0 } }

    func send<R: ECSRequest>(_ request: R) async throws(ECSCallError) -> R.Response {
        calls.withLock { $0.append(R.action) }
        switch request {
        case let r as DescribeInstancesRequest:
            if r.dryRun == true {
                throw .dryRunPassed(APIError(code: ErrorCode.dryRunOperation, message: "passed", httpStatus: 400))
            }
            let all = fleet.withLock { $0[r.region] ?? [] }
            let start = Int(r.nextToken ?? "0") ?? 0
            let size = r.maxResults ?? 10
            let page = Array(all.dropFirst(start).prefix(size))
            let next = start + page.count < all.count ? String(start + page.count) : nil
            return DescribeInstancesResponse(
                requestId: "req-list", instances: page, nextToken: next, totalCount: all.count,
                pageNumber: nil, pageSize: nil) as! R.Response
        case let r as StopInstancesRequest:
            if r.dryRun == true {
                throw .dryRunPassed(APIError(code: ErrorCode.dryRunOperation, message: "passed", httpStatus: 400))
            }
            return change(r.region, r.instanceIds, to: .stopped, answering: "Stopping") as! R.Response
        case let r as StartInstancesRequest:
            if r.dryRun == true {
                throw .dryRunPassed(APIError(code: ErrorCode.dryRunOperation, message: "passed", httpStatus: 400))
            }
            return change(r.region, r.instanceIds, to: .running, answering: "Starting") as! R.Response
        case let r as DescribeInstanceStatusRequest:
            let entries = fleet.withLock { f in
                (f[r.region] ?? []).filter { r.instanceIds.contains($0.instanceId) }
                    .map { DescribeInstanceStatusResponse.Entry(instanceId: $0.instanceId, status: $0.status) }
            }
            return DescribeInstanceStatusResponse(
                requestId: "req-status", statuses: entries, totalCount: entries.count, pageNumber: 1,
                pageSize: 50) as! R.Response
        case is DescribeRegionsRequest:
            let regions = fleet.withLock { $0.keys.sorted() }.map {
                DescribeRegionsResponse.Region(regionId: $0, localName: $0, regionEndpoint: "")
            }
            return DescribeRegionsResponse(requestId: "req-regions", regions: regions) as! R.Response
        default:
            throw .configuration("the fake does not answer \(R.action)")
        }
    }

    private func change(_ region: String, _ ids: [String], to status: InstanceStatus, answering transition: String)
        -> InstanceResponsesResponse
    {
        let answers = fleet.withLock { f in
            ids.map { id -> InstanceResponse in
                guard let i = f[region]?.firstIndex(where: { $0.instanceId == id }) else {
                    return InstanceResponse(
                        instanceId: id, code: ErrorCode.invalidInstanceIdNotFound, message: "not found",
                        previousStatus: "",
                        currentStatus: "")
                }
                let before = f[region]![i].status.rawValue
                f[region]![i].status = status
                return InstanceResponse(
                    instanceId: id, code: "200", message: "success", previousStatus: before, currentStatus: transition)
            }
        }
        return InstanceResponsesResponse(requestId: "req-power", instanceResponses: answers)
    }
}

/// What the test's theme loader throws for a name that is not built in.
struct NoSuchTheme: Error, CustomStringConvertible {
    var name: String
    var description: String { "no theme \(name)" }
}

/// The app loop over a headless terminal, a fake ECS and the real effect runner.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct AppLoopTests {
    struct Harness {
        let app: FleetApp
        let terminal: HeadlessTerminal
        let runner: FleetEffectRunner
        let ecs: FakeECS
    }

    static func fleet() -> [String: [Instance]] {
        [
            UI.hangzhou: (1...4).map { UI.instance($0) },
            UI.shanghai: (11...12).map { UI.instance($0, region: UI.shanghai) },
        ]
    }

    func harness(_ terminal: HeadlessTerminal, preloaded: Bool = false) -> Harness {
        let ecs = FakeECS(Self.fleet())
        let inbox = ActionInbox()
        let engine = OperationEngine(service: ecs, journal: nil, clock: InstantClock(), profile: "test")
        let runner = FleetEffectRunner(engine: engine) { inbox.send($0) }
        let instances = preloaded ? Self.fleet().values.flatMap { $0 } : []
        let state = FleetState(
            profile: "test", regions: .only([UI.hangzhou, UI.shanghai]), instances: instances,
            autoRefreshInterval: nil, operationIdPrefix: "t-")
        let app = FleetApp(
            state: state, theme: .default, terminal: terminal, runner: runner, inbox: inbox, ascii: false, mouse: false
        ) { name in
            guard let theme = Theme.builtin(named: name) else { throw NoSuchTheme(name: name) }
            return theme
        }
        return Harness(app: app, terminal: terminal, runner: runner, ecs: ecs)
    }

    /// Waits (letting the loop run) until the last presented grid satisfies `condition`.
    func waitFor(
        _ terminal: HeadlessTerminal, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (Grid) -> Bool
    ) async throws -> Bool {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(20) {
            if let g = terminal.lastGrid, condition(g) { return true }
            try await Task.sleep(for: .milliseconds(2))
        }
        Issue.record(
            "timed out waiting for \(what); last grid:\(terminal.lastGrid.map(UI.dump) ?? " none")",
            sourceLocation: sourceLocation)
        return false
    }

    @Test func keysQueuedUpFrontThenQuit() async throws {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let h = harness(terminal, preloaded: true)
        terminal.type("j j ")
        terminal.type(">")
        terminal.type("q")
        let exit = await h.app.run()
        #expect(exit == .quit)
        #expect(terminal.pending.isEmpty)
        #expect(terminal.shutdownCalls == 0, "restoring the terminal is the caller's job")
        let g = try #require(terminal.lastGrid)
        #expect(g.width == 100 && g.height == 30)
        #expect(g.lines[1].hasPrefix("2 marked"), "\(UI.dump(g))")
        #expect(g.lines[1].contains("sort: Name ▲"))
        #expect(h.app.state.markedIds == [UI.id(2), UI.id(4)])
        await h.runner.cancelAll()
    }

    @Test func loadStopAndQuitThroughTheLoop() async throws {
        let terminal = HeadlessTerminal(width: 120, height: 30)
        let h = harness(terminal)
        let run = Task { await h.app.run() }
        defer { run.cancel() }
        guard try await waitFor(terminal, "the loaded list", { UI.shows("i-bp12", $0) && UI.shows("i-bp04", $0) })
        else {
            terminal.enqueue(.signal(.terminate))
            _ = await run.value
            return
        }
        let list = try #require(terminal.lastGrid)
        #expect(list.lines[0].contains("● 6 Running"), "\(UI.dump(list))")
        #expect(UI.row(UI.id(1), in: list) == 3)

        // Mark 2 and 4, open the stop dialog, confirm with y.
        terminal.type("j j S")
        guard try await waitFor(terminal, "the stop dialog", { UI.shows("Stop 2 instances", $0) }) else {
            terminal.enqueue(.signal(.terminate))
            _ = await run.value
            return
        }
        terminal.type("sy")
        guard
            try await waitFor(
                terminal, "the finished stop", { $0.lines[2].contains("Stopping 2: 2 done, 0 failed, 0 in flight") })
        else {
            terminal.enqueue(.signal(.terminate))
            _ = await run.value
            return
        }
        let results = try #require(terminal.lastGrid)
        #expect(UI.line(UI.id(2), in: results).contains("Stopped"))
        #expect(UI.line(UI.id(4), in: results).contains("Stopped"))
        #expect(h.ecs.callLog.contains(ECSAction.stopInstances))

        // q leaves the results view, q again quits (nothing in flight any more).
        terminal.type("qq")
        let exit = await run.value
        #expect(exit == .quit)
        #expect(terminal.shutdownCalls == 0)
        let last = try #require(terminal.lastGrid)
        #expect(last.lines[2].contains("NAME"), "back on the list: \(UI.dump(last))")
        #expect(UI.line(UI.id(2), in: last).contains("○ Stopped"))
        #expect(UI.line(UI.id(2), in: last).contains("stop: stopped"))
        #expect(last.lines[1].hasPrefix("2 marked"))
        await h.runner.cancelAll()
    }

    @Test func interruptSignalEndsTheLoop() async throws {
        let terminal = HeadlessTerminal(
            width: 80, height: 24, events: [.key(.char("j")), .signal(.interrupt), .key(.char("q"))])
        let h = harness(terminal, preloaded: true)
        let exit = await h.app.run()
        #expect(exit == .interrupted)
        #expect(terminal.pending.count == 1, "events after the signal are left alone")
        #expect(terminal.shutdownCalls == 0)
        #expect(!terminal.presented.isEmpty)
        #expect(h.app.state.cursor == UI.id(2))
        await h.runner.cancelAll()
    }

    @Test(arguments: [(TerminalSignal.terminate, FleetApp.Exit.terminated), (.hangup, .hangup)])
    func otherSignals(signal: TerminalSignal, exit expected: FleetApp.Exit) async throws {
        let terminal = HeadlessTerminal(width: 80, height: 24, events: [.signal(signal)])
        let h = harness(terminal, preloaded: true)
        #expect(await h.app.run() == expected)
        #expect(terminal.shutdownCalls == 0)
        await h.runner.cancelAll()
    }

    @Test func ctrlCKeyIsNotAQuit() async throws {
        // Ctrl-C arrives as a signal (cbreak mode); a `ctrl-c` key event, should one come, does nothing.
        let terminal = HeadlessTerminal(
            width: 80, height: 24, events: [.key(KeyEvent(.ctrl("c"))), .signal(.interrupt)])
        let h = harness(terminal, preloaded: true)
        #expect(await h.app.run() == .interrupted)
        await h.runner.cancelAll()
    }

    @Test func resizeToTooSmallThenQuit() async throws {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let h = harness(terminal, preloaded: true)
        terminal.resize(width: 59, height: 14)
        // Keys other than q do nothing unseen: S would open a stop dialog, ? help (whose q would close it).
        terminal.type("S?")
        terminal.type("q")
        #expect(await h.app.run() == .quit)
        #expect(
            h.app.state.dialog == FleetDialog.none, "a key acted behind the too-small screen: \(h.app.state.dialog)")
        let g = try #require(terminal.lastGrid)
        #expect(g.width == 59 && g.height == 14)
        #expect(UI.shows("need 60x15, have 59x14", g))
        await h.runner.cancelAll()
    }

    @Test func themeAndCommandLineThroughTheLoop() async throws {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let h = harness(terminal, preloaded: true)
        terminal.type(":theme mono")
        terminal.enqueue(.key(KeyEvent(.enter)))
        terminal.type(":theme nosuch")
        terminal.enqueue(.key(KeyEvent(.enter)))
        terminal.type(":q")
        terminal.enqueue(.key(KeyEvent(.enter)))
        #expect(await h.app.run() == .quit)
        #expect(h.app.theme.name == "mono")
        #expect(h.app.state.banners.contains { $0.text.contains("theme nosuch") })
        await h.runner.cancelAll()
    }

    @Test func quitWithAnOperationInFlightAsksFirst() async throws {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let h = harness(terminal, preloaded: true)
        // Stop instance 1, go back to the list at once and ask to quit: the operation may still be in flight,
        // then q asks and y quits; if it already finished, q quits at once and the y is left over.
        terminal.type("Ssy")
        terminal.enqueue(.key(KeyEvent(.escape)))
        terminal.type("qy")
        #expect(await h.app.run() == .quit)
        #expect(terminal.shutdownCalls == 0)
        #expect(terminal.presented.contains { UI.shows("Stop 1 instance", $0) })
        await h.runner.cancelAll()
    }

    @Test func mouseCommandTurnsReportingOnAndOffAndClicksLandOnTheRowDrawn() async throws {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let h = harness(terminal, preloaded: true)
        let layout = ScreenLayout(width: 80, height: 24)
        terminal.type(":mouse on")
        terminal.enqueue(.key(KeyEvent(.enter)))
        terminal.enqueue(.mouse(MouseEvent(.click, x: 5, y: layout.listRows.y + 2)))
        terminal.type(":q")
        terminal.enqueue(.key(KeyEvent(.enter)))
        #expect(await h.app.run() == .quit)
        #expect(terminal.isMouseReporting && h.app.mouse)
        #expect(h.app.state.cursorPosition == 2, "the click landed on the third row")
        let g = try #require(terminal.presented.last { UI.shows("Mouse on", $0) })
        #expect(UI.row(h.app.state.cursor ?? "", in: g) == layout.listRows.y + 2)

        let off = HeadlessTerminal(width: 80, height: 24)
        let h2 = harness(off, preloaded: true)
        off.type(":mouse on")
        off.enqueue(.key(KeyEvent(.enter)))
        off.type(":mouse off")
        off.enqueue(.key(KeyEvent(.enter)))
        off.enqueue(.mouse(MouseEvent(.click, x: 5, y: layout.listRows.y + 2)))
        off.type(":q")
        off.enqueue(.key(KeyEvent(.enter)))
        #expect(await h2.app.run() == .quit)
        #expect(!off.isMouseReporting && !h2.app.mouse)
        #expect(h2.app.state.cursorPosition == 0, "a click with the mouse off does nothing")
        await h.runner.cancelAll()
        await h2.runner.cancelAll()
    }
}
