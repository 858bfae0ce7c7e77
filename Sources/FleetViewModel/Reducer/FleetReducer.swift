import FleetCore
import Foundation

/// The fleet screen's update function: pure, deterministic, time passed in. It changes the state for an
/// action and returns the effects to perform, as data.
public enum FleetReducer {
    /// Applies `action` to `state` at time `now`; returns the effects to perform.
    public static func reduce(_ state: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        state.syncVisible()
        let context = state.cursorContext()
        var action = action
        if case .addCountDigit(let digit) = action {
            addCountDigit(&state, digit)
            return []
        }
        if action.isFromTheOperator, let count = state.pendingCount {
            state.pendingCount = nil
            action = counted(action, count: count, in: state)
        }
        let effects = dispatch(&state, action, now: now)
        state.syncVisible(from: context)
        return effects
    }

    private static func dispatch(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        switch action {
        case .moveUp: moveBy(&s, -1)
        case .moveDown: moveBy(&s, 1)
        case .pageUp(let size): moveBy(&s, -max(1, size))
        case .pageDown(let size): moveBy(&s, max(1, size))
        case .moveToTop: move(&s, to: 0)
        case .moveToBottom: move(&s, to: s.visible.count - 1)
        case .moveTo(let id): moveTo(&s, id, now: now)
        case .toggleMark: toggleMark(&s)
        case .toggleMarkAndMoveDown:
            toggleMark(&s)
            if let p = s.cursorPosition, p + 1 < s.visible.count { s.cursor = s.visible[p + 1] }
        case .markAllVisible: s.table.markVisible()
        case .invertVisibleMarks: s.table.invertVisibleMarks()
        case .clearMarks: s.clearMarks()
        case .setRangeMarking(let on):
            s.rangeMarking = on
            if on, let c = s.cursor { s.setMark(c, true) }
        case .beginFilter, .editFilter, .applyFilter, .cancelFilter, .clearFilter,
            .sortByNextColumn, .sortByPreviousColumn, .invertSort:
            filterOrSort(&s, action, now: now)
        case .openDetails: if let c = s.cursor { s.dialog = .details(instanceId: c) }
        case .openStopDialog: return openPowerDialog(&s, .stop, now: now, preview: false, ids: s.detailsTarget)
        case .openStopDialogWithPreview:
            return openPowerDialog(&s, .stop, now: now, preview: true, ids: s.detailsTarget)
        case .openStartDialog: return openPowerDialog(&s, .start, now: now, preview: false, ids: s.detailsTarget)
        case .openHelp:
            if case .help = s.dialog { break }
            s.dialog = .help(HelpViewState(returnTo: s.dialog))
        case .openJournal:
            s.dialog = .journal(JournalViewState())
            return [.loadJournal]
        case .openCommandLine: s.dialog = .commandLine("")
        case .toggleForceStop, .cycleStoppedMode, .cycleBatchOptimization, .dropHiddenMarks, .focusNextButton,
            .focusPreviousButton, .pressFocusedButton, .pressButton, .cancelDialog, .typeCharacter, .typeBackspace,
            .typeEnter, .scrollDialog:
            return dialogKey(&s, action, now: now)
        case .scrollOverlay(let move, let bounds): scrollOverlay(&s, move, bounds)
        case .openHelpSearch, .editHelpSearch, .keepHelpSearch, .leaveHelpSearch, .stepHelpSearch:
            helpSearch(&s, action)
        case .editCommandLine(let text):
            if case .commandLine = s.dialog { s.dialog = .commandLine(CommandLineState(TypedLine(text))) }
        case .executeCommandLine:
            guard case .commandLine(let command) = s.dialog else { return [] }
            s.dialog = .none
            return runCommandLine(&s, command.text, now: now)
        case .editLine(let edit): editLine(&s, edit)
        case .completeCommandLine(let backward): return completeCommandLine(&s, backward: backward)
        case .profileSwitched(let account): return profileSwitched(&s, account, now: now)
        case .profileSwitchFailed(let profile, let message):
            s.switchingTo = nil
            s.post(
                .error, "Still on \(s.profile): profile \(profile) cannot be used: \(message)", topic: "profile",
                now: now)
        case .refreshNow: return refresh(&s, now: now)
        case .cancelLoading: return cancelLoading(&s, now: now)
        case .togglePause: return togglePause(&s, now: now)
        case .quit: return quit(&s)
        case .refusedReadOnly(let key):
            // In the dialog its own message line says why; elsewhere a banner does.
            if s.withPowerDialog({ _ = $0.press(.confirm) }) == nil {
                s.post(.warning, "\(key) is disabled: \(s.disabledReason(.stop) ?? "read-only mode").", now: now)
            }
        case .showResults, .hideResults, .toggleFailuresOnly, .scrollResults, .retryFailed:
            return resultsView(&s, action, now: now)
        case .regionsLoaded, .regionListFailed, .instancesLoaded, .loadFailed, .permissionChecked:
            return loading(&s, action, now: now)
        case .addCountDigit: return []
        case .copyIds, .copyCommands: return copy(&s, action, now: now)
        case .undoOperation: return undo(&s, now: now)
        case .moveJournalSelection, .resumeSelectedOperation, .undoSelectedOperation, .undoTargetsRead, .resumeFailed:
            return journal(&s, action, now: now)
        case .exportFinished(let path, let rows, let error):
            if let error {
                s.post(.error, error, now: now)
            } else {
                s.post(.info, "Exported \(rows) row\(rows == 1 ? "" : "s") to \(path).", now: now)
            }
        case .operationUpdated(let id, let results): operationUpdated(&s, id, results, now: now)
        case .operationFinished(let report): return operationFinished(&s, report, now: now)
        case .previewFinished(let report):
            s.withPowerDialog { $0.applyPreview(report) }
        case .journalLoaded(let entries): journalLoaded(&s, entries)
        case .journalFailed(let message):
            s.dialog.changeBeneathHelp { d in
                if case .journal(var j) = d {
                    j.phase = .failed(message)
                    d = .journal(j)
                }
            }
        case .instancesRefreshed, .viewportChanged:
            return liveUpdate(&s, action, now: now)
        case .tick(let time): return tick(&s, now: time)
        }
        return []
    }

    // MARK: Moving and marking

    static func moveBy(_ s: inout FleetState, _ delta: Int) {
        guard let p = s.cursorPosition else { return move(&s, to: 0) }
        move(&s, to: p + delta)
    }

    /// Moves the cursor to visible place `target` (clamped); with range marking, marks every instance passed.
    static func move(_ s: inout FleetState, to target: Int) {
        let v = s.visible
        guard !v.isEmpty else { return }
        let t = max(0, min(target, v.count - 1))
        let from = s.cursorPosition ?? t
        s.cursor = v[t]
        if s.rangeMarking { for i in min(from, t)...max(from, t) { s.setMark(v[i], true) } }
    }

    static func moveTo(_ s: inout FleetState, _ id: String, now: Date) {
        if let p = s.visiblePosition(of: id) { return move(&s, to: p) }
        if s.instance(id) != nil {
            s.post(.warning, "\(id) is hidden by the filter or the regions shown.", now: now)
        } else {
            s.post(.warning, "\(id) is not loaded.", now: now)
        }
    }

    static func toggleMark(_ s: inout FleetState) {
        guard let c = s.cursor else { return }
        s.toggleMark(c)
    }

    static func filterOrSort(_ s: inout FleetState, _ action: FleetAction, now: Date) {
        switch action {
        case .beginFilter:
            s.filter.text = s.filter.applied
            s.filter.isEditing = true
        case .editFilter(let text):
            s.filter.isEditing = true
            s.filter.text = text
        case .applyFilter:
            s.filter.applied = s.filter.text
            s.filter.isEditing = false
            let unknown = s.filter.query.unknownStatuses
            let unknownKeys = s.filter.query.unknownKeys
            s.clearBanners(topic: "filter")
            if !unknownKeys.isEmpty {
                s.post(
                    .warning,
                    "No filter key is called \(unknownKeys.map { $0 + ":" }.joined(separator: ", ")) (matched as text); keys are status: tag: zone: type: region:.",
                    topic: "filter", now: now)
            } else if !unknown.isEmpty {
                s.post(
                    .warning,
                    "No state is called \(unknown.joined(separator: ", ")); states are Pending, Starting, Running, Stopping, Stopped.",
                    topic: "filter", now: now)
            }
        case .cancelFilter:
            s.filter.text = s.filter.applied
            s.filter.isEditing = false
        case .clearFilter:
            s.filter = FilterState()
            s.clearBanners(topic: "filter")
        case .sortByNextColumn: s.sort = InstanceSort(column: neighbour(of: s.sort.column, in: s.sortableColumns, 1))
        case .sortByPreviousColumn:
            s.sort = InstanceSort(column: neighbour(of: s.sort.column, in: s.sortableColumns, -1))
        case .invertSort: s.sort.ascending.toggle()
        default: break
        }
    }

    /// The column `step` places after (or before) `column` in `order`, wrapping; from a column not in it, the
    /// first (or last).
    static func neighbour(of column: SortColumn, in order: [SortColumn], _ step: Int) -> SortColumn {
        guard !order.isEmpty else { return column }
        guard let i = order.firstIndex(of: column) else { return step > 0 ? order[0] : order[order.count - 1] }
        return order[(i + step + order.count) % order.count]
    }

    static func quit(_ s: inout FleetState) -> [FleetEffect] {
        if s.inFlightOperations.isEmpty || s.dialog == .quitConfirmation { return [.quit] }
        s.dialog = .quitConfirmation
        return []
    }
}

extension FleetState {
    /// Changes the open stop/start dialog, if any (also while help is shown over it).
    mutating func withPowerDialog<R>(_ change: (inout PowerDialogState) -> R) -> R? {
        var result: R?
        dialog.changeBeneathHelp { open in
            guard var d = open.power else { return }
            open = .none // the dialog's state is then only referenced by `d`, and changes without a copy
            result = change(&d)
            open = .power(d)
        }
        return result
    }
}
