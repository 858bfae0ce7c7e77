import ECSAPI
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

@testable import FleetCore

/// The results view: progress line, per-instance outcomes, failures only, retry.
@Suite struct ResultsScreenTests {
    static let failMessage = "The current status of the resource does not support this operation."

    /// Instances 1, 2, 3 (stopped), 4, 5, 7 stopped through the dialog, then results for each outcome:
    /// 1 queued, 2 accepted (Stopping), 3 skipped (preflight), 4 stopped, 5 failed, 7 timeout.
    static func running() throws -> FleetState {
        var s = UI.state()
        UI.mark(&s, 1, 2, 3, 4, 5, 7)
        let effects = UI.reduce(&s, .openStopDialog, .pressButton(.confirm), .typeCharacter("y"))
        #expect(effects.count == 1)
        #expect(s.operations.last?.id == "t-stop-1")
        try UI.updateLatestOperation(
            &s,
            [
                InstanceResult(
                    instanceId: UI.id(2), regionId: UI.hangzhou, outcome: .accepted, code: "200",
                    message: "success",
                    previousStatus: "Running", currentStatus: "Stopping"),
                UI.stopped(4),
                InstanceResult(
                    instanceId: UI.id(5), regionId: UI.hangzhou, outcome: .failed, code: "IncorrectInstanceStatus",
                    message: failMessage,
                    previousStatus: "Running", currentStatus: "Running"),
                InstanceResult(
                    instanceId: UI.id(7), regionId: UI.hangzhou, outcome: .timeout, code: "Timeout",
                    message: "not Stopped after 600 s",
                    previousStatus: "Running", currentStatus: "Stopping"),
            ])
        return s
    }

    @Test(arguments: ScreenSize.both)
    func progressLineAndOutcomes(size: ScreenSize) throws {
        let s = try Self.running()
        let g = UI.render(s, size)
        let lines = g.lines
        // Where each line sits is the golden frame's (`FrameTests.results`); here, what the lines say.
        #expect(UI.shows("Stopping 6: 2 done, 2 failed, 2 in flight, 00:30", g), "\(UI.dump(g))")
        #expect(UI.style(of: "2 failed", in: g) == UI.theme[.title].patched(with: UI.theme[.danger]))
        #expect(UI.shows("4/6", g), "progress bar")
        // One row per target, in plan order, each with its outcome text and role.
        let expected: [(Int, String, ThemeRole)] = [
            (1, "queued", .warning), (2, "Stopping", .warning), (3, "skipped", .dim),
            (4, "Stopped", .success), (5, "failed", .danger), (7, "timeout", .danger),
        ]
        for (k, (n, text, role)) in expected.enumerated() {
            let y = try #require(UI.row(UI.id(n), in: g))
            if k > 0 { #expect(y == (try #require(UI.row(UI.id(expected[k - 1].0), in: g))) + 1, "plan order") }
            let cell = try #require(UI.find(text, in: g, from: y))
            #expect(cell.y == y, "instance \(n): \(lines[y])")
            #expect(g.style(at: cell.x, y: y) == UI.rowStyle(role), "instance \(n)")
        }
        let failedLine = UI.line(UI.id(5), in: g)
        let timeoutLine = UI.line(UI.id(7), in: g)
        if size.width >= 200 {
            #expect(
                failedLine.contains("failed          IncorrectInstanceStatus: \(Self.failMessage)"), "\(failedLine)")
            #expect(timeoutLine.contains("Timeout: not Stopped after 600 s"))
            #expect(UI.line(UI.id(3), in: g).contains("already Stopped"))
            #expect(UI.line(UI.id(2), in: g).contains("Running   Stopping"), "before and now")
        } else {
            #expect(failedLine.contains("IncorrectI"), "\(failedLine)")
            #expect(timeoutLine.contains("Timeout: "))
        }
    }

    @Test(arguments: ScreenSize.both)
    func failuresOnlyToggle(size: ScreenSize) throws {
        var s = try Self.running()
        UI.reduce(&s, .toggleFailuresOnly)
        var g = UI.render(s, size)
        #expect(
            g.lines[2].contains("Stopping 6: 2 done, 2 failed, 2 in flight"),
            "the progress line still counts all: \(UI.dump(g))")
        #expect(
            g.lines[2].contains(size.width >= 200 ? "(failures only: e shows all)" : "(failures only"), "\(UI.dump(g))")
        #expect(UI.row(UI.id(5), in: g) == 5)
        #expect(UI.row(UI.id(7), in: g) == 6)
        for n in [1, 2, 3, 4] { #expect(UI.row(UI.id(n), in: g) == nil, "instance \(n) is not a failure") }
        UI.reduce(&s, .toggleFailuresOnly)
        g = UI.render(s, size)
        #expect(!g.lines[2].contains("failures only"))
        #expect(UI.row(UI.id(1), in: g) == 5)
    }

    @Test(arguments: ScreenSize.both)
    func finishedOperationAndRetryOfTheFailed(size: ScreenSize) throws {
        var s = try Self.running()
        let id = try #require(s.operations.last?.id)
        let final = s.operations.last!.results.map { r -> InstanceResult in
            var r = r
            if r.outcome == .queued || r.outcome == .accepted {
                r.outcome = .stopped
                r.currentStatus = "Stopped"
            }
            return r
        }
        UI.reduce(
            &s, .operationFinished(OperationEngine.Report(operation: id, results: final, notes: [])),
            now: UI.t0.addingTimeInterval(12))
        var g = UI.render(s, size)
        // Finished with failures: a cross in the danger colour, not a tick.
        #expect(g.lines[2].hasPrefix("✖ Stopping 6: 4 done, 2 failed, 0 in flight, 00:12"), "\(UI.dump(g))")
        #expect(UI.style(of: "✖", in: g) == UI.theme[.title].patched(with: UI.theme[.danger]))
        let ascii = UI.render(s, size, ascii: true)
        #expect(ascii.lines[2].hasPrefix("x Stopping 6: 4 done, 2 failed, 0 in flight, 00:12"), "\(UI.dump(ascii))")
        #expect(ascii.lines[3].contains("######"), "ASCII progress bar: \(ascii.lines[3])")
        // Retry opens the dialog on the failed ones only (5 still Running: sent again; 7 is Stopping: skipped).
        UI.reduce(&s, .retryFailed)
        g = UI.render(s, size)
        #expect(UI.shows("Stop 2 instances", g))
        #expect(UI.row(UI.id(5), in: g) != nil)
        #expect(UI.row(UI.id(7), in: g) != nil)
    }

    @Test(arguments: ScreenSize.both)
    func backToTheListWhileRunning(size: ScreenSize) throws {
        var s = try Self.running()
        UI.reduce(&s, .hideResults)
        let g = UI.render(s, size)
        #expect(g.lines[2].contains("ID") && g.lines[2].contains("NAME"), "\(UI.dump(g))")
        #expect(UI.line(UI.id(2), in: g).contains("↓ Stopping"), "the list shows the new state")
        // Quitting now asks first.
        UI.reduce(&s, .quit)
        let quit = UI.render(s, size)
        #expect(UI.shows("Quit?", quit))
    }

    @Test func allStoppedIsATickAndTheWideViewNamesEachInstance() throws {
        var s = UI.state()
        UI.mark(&s, 1, 2)
        UI.reduce(&s, .openStopDialog, .pressButton(.confirm), .typeCharacter("y"))
        let id = try #require(s.operations.last?.id)
        UI.reduce(
            &s,
            .operationFinished(
                OperationEngine.Report(
                    operation: id,
                    results: [1, 2].map {
                        InstanceResult(
                            instanceId: UI.id($0), regionId: UI.hangzhou, outcome: .stopped, code: "200",
                            previousStatus: "Running", currentStatus: "Stopped")
                    }, notes: [])))
        let g = UI.render(s, .large)
        #expect(g.lines[2].hasPrefix("✔ Stopping 2: 2 done, 0 failed"), "\(UI.dump(g))")
        #expect(g.lines[4].contains("NAME"))
        #expect(UI.line(UI.id(1), in: g).contains("web-01"), "\(UI.dump(g))")
    }
}
