import ECSAPI
import FleetCore
import Foundation

extension FleetReducer {
    /// The journal view's keys and the answers to what they asked for.
    static func journal(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        switch action {
        case .moveJournalSelection(let move, let bounds): moveJournalSelection(&s, move, bounds)
        case .resumeSelectedOperation: return resumeSelected(&s, now: now)
        case .undoSelectedOperation: return undoSelected(&s, now: now)
        case .undoTargetsRead(let entry, let later, let found, let failure):
            // Only into the journal the key came from: a dialog opened meanwhile is never replaced.
            guard case .journal = s.dialog else { return [] }
            if let failure {
                s.post(.error, "Cannot undo \(entry.operation): \(failure) Nothing was sent.", now: now)
                return []
            }
            let instances = Dictionary(found.map { ($0.instanceId, $0) }, uniquingKeysWith: { a, _ in a })
            let selection = Result<UndoSelection, UndoError>(catching: { () throws(UndoError) -> UndoSelection in
                try UndoSelection.select(entry, current: instances.mapValues(\.status), later: later)
            })
            return openUndoDialog(&s, selection, instances: instances, now: now)
        case .resumeFailed(let id, let message):
            guard let i = s.operations.lastIndex(where: { $0.id == id }) else { return [] }
            s.operations[i].finishedAt = now
            s.operations[i].notes = [message]
            s.post(
                .error,
                "Resuming \(id) stopped: \(message) It stays unfinished in the journal; r tries again.", now: now)
        default: break
        }
        return []
    }

    /// The journal as read: newest first, the newest interrupted operation of these credentials selected (what
    /// the launch banner pointed at), or else the newest.
    static func journalLoaded(_ s: inout FleetState, _ entries: [OperationHistory.Entry]) {
        let profile = s.profile
        s.dialog.changeBeneathHelp { d in
            guard case .journal(var j) = d else { return }
            d = .none // leaves `j` the only reference to the entries
            j.phase = .loaded
            j.entries = entries.reversed()
            j.selected = j.entries.firstIndex { $0.isInterrupted && !$0.isDryRun && $0.profile == profile } ?? 0
            j.scroll = j.entries.isEmpty ? 0 : j.firstLine(of: j.selected)
            d = .journal(j)
        }
    }

    /// Moves the selection by operations, screenfuls or to either end, and scrolls so the selected operation
    /// shows: its summary line always, its instances too when they fit.
    static func moveJournalSelection(_ s: inout FleetState, _ move: ScrollMove, _ bounds: ScrollBounds) {
        guard case .journal(var j) = s.dialog, j.phase == .loaded, !j.entries.isEmpty else { return }
        s.dialog = .none
        let last = j.entries.count - 1
        switch move {
        case .lines(let n): j.selected = max(0, min(last, ScrollBounds.saturating(j.selected, plus: n)))
        case .pages(let n):
            let (lines, overflow) = n.multipliedReportingOverflow(by: bounds.rows)
            let target = ScrollBounds.saturating(
                j.firstLine(of: j.selected), plus: overflow ? (n < 0 ? Int.min : Int.max) : lines)
            j.selected = target < 0 ? 0 : j.entry(atLine: target)
        case .top: j.selected = 0
        case .bottom: j.selected = last
        }
        let first = j.firstLine(of: j.selected)
        let end = first + j.lineCount(of: j.selected) - 1
        var scroll = min(j.scroll, bounds.lastOffset)
        if first < scroll { scroll = first }
        if end > scroll + bounds.rows - 1 { scroll = min(first, end - bounds.rows + 1) }
        j.scroll = max(0, min(scroll, max(bounds.lastOffset, first)))
        s.dialog = .journal(j)
    }

    /// The selected operation, when the journal is read, and it was made with these credentials; else a banner
    /// says why nothing happens (with the command for the other credentials).
    static func offeredEntry(_ s: inout FleetState, verb: String, now: Date) -> OperationHistory.Entry? {
        guard case .journal(let j) = s.dialog, let entry = j.selectedEntry else { return nil }
        guard entry.profile == s.profile else {
            let command = OperationHistory.journalCommand("--\(verb)", profile: entry.profile)
            s.post(
                .warning,
                "\(entry.operation) was made with other credentials (\(entry.profile)); to \(verb) it, run `\(command) \(entry.operation)`.",
                now: now)
            return nil
        }
        return entry
    }

    /// `r`: an interrupted operation of these credentials is followed to its end in the results view: its
    /// instances' status is re-read and nothing is sent again. A finished one has nothing to resume.
    static func resumeSelected(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        guard let entry = offeredEntry(&s, verb: "resume", now: now) else { return [] }
        if let run = s.operation(entry.operation), !run.isFinished {
            s.dialog = .none
            s.resultsView = ResultsViewState(operationId: run.id)
            s.post(.info, "\(entry.operation) is still running in this session: here are its results.", now: now)
            return []
        }
        guard entry.isInterrupted else {
            s.post(
                .info,
                "Nothing to resume: \(entry.operation) has ended (\(OperationEngine.summary(entry.results))).",
                now: now)
            return []
        }
        guard !entry.isDryRun, var plan = entry.plan else {
            s.post(
                .info, "Nothing to resume: \(entry.operation) was a dry run or never planned; nothing was changed.",
                now: now)
            return []
        }
        for i in plan.targets.indices {
            let known = s.instance(plan.targets[i].instanceId)
            plan.targets[i].status = known?.status
            plan.targets[i].name = known?.instanceName ?? ""
        }
        var run = OperationRun(plan: plan, startedAt: now)
        run.apply(entry.results)
        s.operations.append(run)
        s.dialog = .none
        s.resultsView = ResultsViewState(operationId: entry.operation)
        let open = entry.unfinished.count
        s.post(
            .info,
            "Resuming \(entry.title) \(entry.operation): re-reading the status of \(open) instance\(open == 1 ? "" : "s") (nothing is sent again).",
            now: now)
        return [.resume(entry)]
    }

    /// `u`: reads the state of the selected operation's instances, then (`undoTargetsRead`) opens the dialog that
    /// reverses it.
    static func undoSelected(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        guard case .journal(let j) = s.dialog, let entry = offeredEntry(&s, verb: "undo", now: now) else { return [] }
        // What makes an operation impossible to undo (a dry run, no plan) is said before anything is read.
        do { _ = try UndoSelection.undoableAction(of: entry) } catch {
            s.post(.info, error.description, now: now)
            return []
        }
        if let run = s.operation(entry.operation), !run.isFinished {
            s.post(.info, "\(entry.operation) is still running: undo it once it has ended.", now: now)
            return []
        }
        let later = Array(j.entries[..<j.selected].reversed())
        let n = entry.results.count
        s.post(
            .info,
            "Reading the state of \(n) instance\(n == 1 ? "" : "s") for the undo of \(entry.operation)...", now: now)
        return [.readUndoTargets(entry, later: later)]
    }
}
