import ECSAPI
import FleetCore
import Foundation

extension FleetReducer {
    /// Opens the stop or start dialog on the marked instances (visible ones in list order, then hidden ones), or
    /// on the instance under the cursor when nothing is marked.
    static func openPowerDialog(
        _ s: inout FleetState, _ action: PowerAction, now: Date, preview: Bool,
        ids chosen: [String]? = nil, options: OperationOptions = OperationOptions()
    ) -> [FleetEffect] {
        var hidden = Set<String>()
        // Marked rows on screen, in list order, by row (read in place from the table), then the other targets by ID.
        var shownRows: [Int32] = []
        let ids: [String]
        if let chosen {
            var seen = Set<String>()
            ids = chosen.filter { seen.insert($0).inserted }
        } else if s.hasMarks {
            (shownRows, ids) = s.table.markedRowsAndHiddenIds()
            hidden = Set(ids)
        } else if let c = s.cursor {
            ids = [c]
        } else {
            s.post(.info, "Nothing to \(action.rawValue): no instance under the cursor.", now: now)
            return []
        }
        s.dialog = .power(
            PowerDialogState(
                action: action, rows: shownRows, ids: ids, table: s.table, hidden: hidden, options: options,
                readOnly: s.readOnly, readOnlyFixed: s.readOnlyFixed, safety: s.safety[action], now: now))
        return preview ? dialogKey(&s, .pressButton(.preview), now: now) : []
    }

    /// A key in a dialog.
    static func dialogKey(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        switch s.dialog {
        case .stop, .start: return powerDialogKey(&s, action, now: now)
        case .commandLine(let command):
            switch action {
            case .cancelDialog: s.dialog = .none
            case .typeCharacter(let c):
                s.dialog = .commandLine(CommandLineState(command.line.applying(.insert(String(c)))))
            case .typeBackspace: s.dialog = .commandLine(CommandLineState(command.line.applying(.eraseBackward)))
            case .typeEnter: return dispatchCommandLine(&s, now: now)
            default: break
            }
        case .quitConfirmation:
            switch action {
            case .typeCharacter("y"), .typeCharacter("Y"), .typeEnter: return [.quit]
            case .cancelDialog, .typeCharacter("n"), .typeCharacter("N"): s.dialog = .none
            default: break
            }
        case .details, .journal:
            switch action {
            case .cancelDialog, .typeEnter: s.dialog = .none
            default: break
            }
        case .help(let h):
            switch action {
            case .cancelDialog, .typeEnter: s.dialog = h.returnTo
            default: break
            }
        case .none: break
        }
        return []
    }

    /// Scrolls help or the details, within `bounds`.
    static func scrollOverlay(_ s: inout FleetState, _ move: ScrollMove, _ bounds: ScrollBounds) {
        switch s.dialog {
        case .help(var h):
            h.scroll = bounds.offset(h.scroll, moved: move)
            s.dialog = .help(h)
        case .details(let id, let scroll):
            s.dialog = .details(instanceId: id, scroll: bounds.offset(scroll, moved: move))
        default: break // the journal moves its selection instead (`moveJournalSelection`)
        }
    }

    private static func dispatchCommandLine(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        guard case .commandLine(let command) = s.dialog else { return [] }
        s.dialog = .none
        return runCommandLine(&s, command.text, now: now)
    }

    /// `d` in the dialog: the hidden targets leave the dialog and their marks go too, as the dialog promises.
    /// With no target left the dialog closes, saying so, rather than offering to stop nothing.
    private static func dropHiddenMarks(_ s: inout FleetState, now: Date) {
        guard let dialog = s.dialog.power, !dialog.hiddenIds.isEmpty else { return }
        let hidden = dialog.hiddenIds
        for id in hidden { s.setMark(id, false) }
        let left =
            s.withPowerDialog { d -> Int in
                d.dropHidden()
                return d.targets.count
            } ?? 0
        let dropped = "Dropped \(hidden.count) mark\(hidden.count == 1 ? "" : "s") hidden by the filter"
        if left == 0 {
            s.dialog = .none
            s.post(.info, dropped + "; nothing is left to \(dialog.action.rawValue).", now: now)
        } else {
            s.post(.info, dropped + ".", now: now)
        }
    }

    private static func powerDialogKey(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        if case .dropHiddenMarks = action {
            dropHiddenMarks(&s, now: now)
            return []
        }
        let result: PowerDialogState.KeyResult =
            s.withPowerDialog { d in
                switch action {
                case .toggleForceStop: d.toggleForceStop()
                case .cycleStoppedMode: d.cycleStoppedMode()
                case .cycleBatchOptimization: d.cycleBatch()
                case .focusNextButton: d.focusNext()
                case .focusPreviousButton: d.focusPrevious()
                case .pressFocusedButton: return d.press(d.focus)
                case .pressButton(let button): return d.press(button)
                case .cancelDialog: return d.escape()
                case .typeCharacter(let c): return d.type(c)
                case .typeBackspace: d.backspace()
                case .typeEnter: return d.enter()
                case .scrollDialog(let delta): d.scroll(by: delta)
                default: break
                }
                return .none
            } ?? .none
        switch result {
        case .none: return []
        case .cancel:
            s.dialog = .none
            return []
        case .preview:
            let id = s.nextOperationId("preview", now: now)
            let table = s.table
            guard
                let plan = s.withPowerDialog({ d -> OperationPlan in
                    d.judge(now: now, table: table)
                    d.startPreview(id)
                    return d.plan(id: id, dryRun: true, table: table)
                })
            else { return [] }
            return [.preview(plan)]
        case .confirmed:
            return startOperation(&s, now: now)
        }
    }

    /// Runs the dialog's plan: the dialog closes and the results view follows the new operation.
    static func startOperation(_ s: inout FleetState, now: Date) -> [FleetEffect] {
        guard let d = s.dialog.power else { return [] }
        if let why = s.disabledReason(d.action) {
            s.post(.error, "Not sent: \(why).", now: now)
            return []
        }
        if let profile = s.switchingTo {
            s.post(.error, "Not sent: signing in with profile \(profile); the list is about to change.", now: now)
            return []
        }
        let id = s.nextOperationId(d.action.rawValue, now: now)
        var fresh = d
        fresh.judge(now: now, table: s.table)
        let plan = fresh.plan(id: id, table: s.table)
        s.dialog = .none
        s.operations.append(OperationRun(plan: plan, startedAt: now))
        s.resultsView = ResultsViewState(operationId: id)
        let verb = d.action == .stop ? "Stopping" : "Starting"
        s.post(
            .info, "\(verb) \(plan.sendCount) instance\(plan.sendCount == 1 ? "" : "s") (operation \(id)).", now: now)
        return [.execute(plan)]
    }

    /// Runs a `:` command.
    static func runCommandLine(_ s: inout FleetState, _ text: String, now: Date) -> [FleetEffect] {
        let command: FleetCommand
        do { command = try FleetCommand.parse(text) } catch {
            s.post(.error, error.description, now: now)
            return []
        }
        switch command {
        case .region(let selection):
            let unknown =
                s.regionListLoaded
                ? selection.regions(known: s.knownRegions).filter { !s.knownRegions.contains($0) } : []
            if !unknown.isEmpty {
                s.post(
                    .error,
                    "No region \(unknown.joined(separator: ", ")) in this account; regions: \(s.knownRegions.joined(separator: ", ")).",
                    now: now)
                return []
            }
            s.regionsShown = selection
            // Marks in regions no longer shown would be stopped unseen; they go, and the banner says so.
            let outside =
                selection.allowed.map { allowed in
                    s.markedIds.filter { id in s.instance(id).map { !allowed.contains($0.regionId) } ?? true }
                } ?? []
            for id in outside { s.setMark(id, false) }
            var effects: [FleetEffect] = []
            if selection == .all {
                s.regionListLoading = true
                effects.append(.loadRegionList)
            }
            for r in selection.regions(known: []) where !s.knownRegions.contains(r) { s.knownRegions.append(r) }
            let unloaded = s.shownRegions.filter { r in
                guard let load = s.loads[r] else { return true }
                if case .failed = load.phase { return true }
                return load.phase == .cancelled
            }
            let unmarked =
                outside.isEmpty
                ? "" : "; \(outside.count) mark\(outside.count == 1 ? "" : "s") in other regions dropped"
            effects += startLoads(&s, regions: unloaded, now: now)
            // While regions load, the header's second line says how far they are; a banner (this one, or an
            // earlier one about what was shown before) would cover it.
            if effects.isEmpty || !outside.isEmpty {
                s.post(.info, "Showing \(selection.title)\(unmarked).", now: now)
            } else {
                s.banners = []
            }
            return effects
        case .theme(let name):
            return [.setTheme(name)]
        case .readOnly(let on):
            if !on && s.readOnlyFixed {
                s.post(
                    .warning,
                    "Started with --readonly: stop and start stay disabled in this session (restart without --readonly to enable them).",
                    now: now)
                return []
            }
            s.readOnly = on
            s.post(
                .info, on ? "Read-only: stop and start are disabled." : "Read-only off: stop and start are enabled.",
                now: now)
            return []
        case .mouse(let on):
            return [.setMouse(on)]
        case .sort(let column, let ascending):
            s.sort = InstanceSort(column: column)
            s.sort.ascending = ascending
            return []
        case .columns(let change):
            columns(&s, change, now: now)
            return []
        case .quit:
            return quit(&s)
        case .profile(let name):
            return profileCommand(&s, name, now: now)
        case .export(let path, let overwrite):
            return [export(&s, path: path, overwrite: overwrite)]
        }
    }

    /// `:export`: the results view's per-instance results when it is open, else the list's visible rows.
    static func export(_ s: inout FleetState, path: String, overwrite: Bool) -> FleetEffect {
        // The command line accepts only the two extensions.
        let format = FleetExport.Format(path: path) ?? .csv
        if let id = s.resultsView?.operationId, let run = s.operation(id) {
            return .export(
                path: path, contents: FleetExport.results(run.results, operation: id, as: format),
                rows: run.results.count, overwrite: overwrite)
        }
        let rows = s.visible.compactMap { s.instance($0) }
        return .export(
            path: path, contents: FleetExport.instances(rows, as: format), rows: rows.count, overwrite: overwrite)
    }
}
