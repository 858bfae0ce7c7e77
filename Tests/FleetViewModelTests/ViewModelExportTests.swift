import ECSAPI
import FleetCore
import Foundation
import Testing

@testable import FleetViewModel

@Suite struct ViewModelExportTests {
    func command(_ s: inout FleetState, _ line: String) -> [FleetEffect] {
        VM.reduce(&s, [.openCommandLine, .editCommandLine(line)])
        return VM.reduce(&s, .executeCommandLine)
    }

    @Test func exportWritesTheVisibleRowsAsTheExtensionSays() throws {
        var s = VM.state(4)
        VM.reduce(&s, [.editFilter("name:web-02|web-03"), .applyFilter])
        let effects = command(&s, "export /tmp/fleet.CSV")
        guard case .export(let path, let contents, let rows, let overwrite) = effects.first else {
            Issue.record("no export: \(effects)")
            return
        }
        #expect(path == "/tmp/fleet.CSV" && rows == 2 && !overwrite)
        let lines = contents.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 3 && lines[0].hasPrefix("InstanceId,InstanceName,Status"))
        #expect(lines[1].hasPrefix("\(VM.id(2)),web-02,Running") && lines[2].hasPrefix("\(VM.id(3)),web-03,Running"))
        guard case .export(_, let json, _, let replace) = command(&s, "export! out file.json").first else {
            Issue.record("no json export")
            return
        }
        #expect(replace)
        let parsed = try JSONValue(parsing: json)
        #expect(parsed.arrayValue?.compactMap { $0["InstanceId"]?.stringValue } == [VM.id(2), VM.id(3)])
    }

    @Test func otherExtensionsAreRefusedWithUsage() {
        var s = VM.state(2)
        #expect(command(&s, "export fleet.txt").isEmpty)
        #expect(s.banners.first?.text.contains(".csv or .json") == true)
        #expect(throws: FleetCommandError.self) { try FleetCommand.parse("export") }
    }

    /// The error of a write's answer, or `nil` when it succeeded.
    func writeError(_ contents: String, _ path: String, overwrite: Bool) -> String? {
        guard
            case .exportFinished(_, _, let error) = FleetEffectRunner.writeExport(
                contents, to: path, rows: 1, overwrite: overwrite)
        else {
            return "not an exportFinished action"
        }
        return error
    }

    @Test func anExistingFileIsKeptUnlessOverwriteWasTyped() throws {
        let path = NSTemporaryDirectory() + "export-\(UUID().uuidString).csv"
        defer { unlink(path) }
        #expect(writeError("a\r\n", path, overwrite: false) == nil)
        #expect(writeError("b\r\n", path, overwrite: false)?.hasSuffix("it exists (:export! replaces it).") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\r\n")
        #expect(writeError("b\r\n", path, overwrite: true) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "b\r\n")
        var s = VM.state(1)
        VM.reduce(&s, .exportFinished(path: path, rows: 3, error: nil))
        #expect(s.banners.first?.text == "Exported 3 rows to \(path).")
    }
}

@Suite struct ViewModelCopyTests {
    @Test func yCopiesTheMarkedIdsInListOrderOrTheCursorsId() {
        var s = VM.state(4)
        #expect(VM.reduce(&s, .copyIds) == [.copy(VM.id(1))])
        VM.reduce(&s, [.moveDown, .toggleMarkAndMoveDown, .toggleMarkAndMoveDown])
        #expect(VM.reduce(&s, .copyIds) == [.copy(VM.id(2) + "\n" + VM.id(3))])
        #expect(s.banners.first?.text.hasPrefix("Copied 2 IDs") == true)
    }

    /// From the details, `y` copies that instance's ID, whatever is marked.
    @Test func fromTheDetailsTheirInstance() {
        var s = VM.state(4)
        VM.reduce(&s, [.toggleMarkAndMoveDown, .moveDown, .openDetails])
        #expect(VM.reduce(&s, .copyIds) == [.copy(VM.id(3))])
    }

    @Test func inTheResultsViewTheOperationsIdsAndCommands() {
        var s = VM.state(3)
        VM.reduce(
            &s,
            [
                .toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .openStopDialog, .pressButton(.confirm),
                .typeCharacter("y"),
            ])
        guard let run = s.operations.last else {
            Issue.record("no operation started")
            return
        }
        #expect(s.resultsView?.operationId == run.id)
        #expect(VM.reduce(&s, .copyIds) == [.copy(VM.ids(1...2).joined(separator: "\n"))])
        #expect(VM.reduce(&s, .copyCommands) == [.copy(run.plan.cliEquivalents.joined(separator: "\n"))])
        #expect(run.plan.cliEquivalents.first?.hasPrefix("aliyun ecs StopInstances --RegionId cn-hangzhou") == true)
    }
}

@Suite struct ViewModelUndoTests {
    @Test func uOpensTheStartDialogForWhatTheStopStoppedThatIsStillStopped() {
        var s = VM.state(3)
        VM.reduce(
            &s,
            [
                .toggleMarkAndMoveDown, .toggleMarkAndMoveDown, .openStopDialog, .pressButton(.confirm),
                .typeCharacter("y"),
            ])
        guard let run = s.operations.last else {
            Issue.record("no operation started")
            return
        }
        let stopped = run.results.map { r in
            var done = r
            done.outcome = .stopped
            done.previousStatus = "Running"
            done.currentStatus = "Stopped"
            return done
        }
        VM.reduce(&s, .operationUpdated(operationId: run.id, results: stopped))
        // The list saw only the first one Stopped; the second was started again since.
        VM.load(&s, [VM.instance(1, .stopped), VM.instance(2, .running), VM.instance(3)])
        VM.reduce(&s, .showResults(operationId: run.id))
        VM.reduce(&s, .undoOperation)
        guard let dialog = VM.dialog(s) else {
            Issue.record("no dialog")
            return
        }
        #expect(dialog.action == .start && dialog.undoes == run.id)
        #expect(dialog.targets.map(\.instanceId) == [VM.id(1)])
        #expect(dialog.plan(id: "t-undo", table: s.table).undoes == run.id)
    }
}
