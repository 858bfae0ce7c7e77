import ECSAPI
import FleetCore
import Foundation

extension PowerDialogState {
    /// What a key press in the dialog led to.
    public enum KeyResult: Sendable, Equatable {
        /// Nothing beyond the dialog's own state.
        case none
        /// Close the dialog.
        case cancel
        /// Run a dry run of the current options.
        case preview
        /// The operator confirmed: run it.
        case confirmed
    }

    /// Toggles ForceStop (stop only).
    mutating func toggleForceStop() {
        guard action == .stop else { return }
        options.forceStop.toggle()
        optionsChanged()
    }

    /// Cycles StoppedMode: default → KeepCharging → StopCharging → default (stop only).
    mutating func cycleStoppedMode() {
        guard action == .stop else { return }
        switch options.stoppedMode {
        case nil, .notApplicable?: options.stoppedMode = .keepCharging
        case .keepCharging?: options.stoppedMode = .stopCharging
        case .stopCharging?: options.stoppedMode = nil
        }
        applyStoppedMode()
        optionsChanged()
    }

    /// Cycles BatchOptimization: AllTogether ↔ SuccessFirst.
    mutating func cycleBatch() {
        options.batch = options.batch == .allTogether ? .successFirst : .allTogether
        optionsChanged()
    }

    /// No option changes which targets are sent (StoppedMode only changes the words of some verdicts), so the
    /// counts stand; a preview made with the old options no longer does.
    private mutating func optionsChanged() {
        clearPreview()
        step = .choosing
        message = nil
    }

    /// Moves the focus to the next button (Tab), wrapping.
    mutating func focusNext() {
        let all = Button.allCases
        focus = all[(all.firstIndex(of: focus)! + 1) % all.count]
        message = nil
    }

    /// Moves the focus to the previous button (Shift-Tab), wrapping.
    mutating func focusPrevious() {
        let all = Button.allCases
        focus = all[(all.firstIndex(of: focus)! + all.count - 1) % all.count]
        message = nil
    }

    /// Presses `button`.
    mutating func press(_ button: Button) -> KeyResult {
        message = nil
        switch button {
        case .cancel: return .cancel
        case .preview:
            if let why = previewDisabledReason {
                message = why
                return .none
            }
            return .preview
        case .confirm:
            if let why = confirmDisabledReason {
                message = why
                return .none
            }
            step = needsTypedCount ? .typingCount("") : .askingYes
            return .none
        }
    }

    /// A typed character: `y`/`n` when asked, digits when the count is asked.
    mutating func type(_ c: Character) -> KeyResult {
        switch step {
        case .choosing: return .none
        case .askingYes:
            if c == "y" || c == "Y" { return confirm() }
            if c == "n" || c == "N" {
                step = .choosing
                message = nil
            }
            return .none
        case .typingCount(let text):
            guard c.isASCII, c.isNumber, text.count < 9 else { return .none }
            step = .typingCount(text + String(c))
            message = nil
            return .none
        }
    }

    /// Removes the last typed digit.
    mutating func backspace() {
        if case .typingCount(let text) = step, !text.isEmpty { step = .typingCount(String(text.dropLast())) }
    }

    /// Enter: checks the typed count, or presses the focused button.
    mutating func enter() -> KeyResult {
        switch step {
        case .choosing: return press(focus)
        case .askingYes: return .none
        case .typingCount(let text):
            if text == String(sendCount) { return confirm() }
            message =
                "Typed \(text.isEmpty ? "nothing" : text); type \(sendCount) to \(action.rawValue) \(sendCount) instances."
            step = .typingCount("")
            return .none
        }
    }

    /// Esc: leaves the confirmation step, or closes the dialog.
    mutating func escape() -> KeyResult {
        if step != .choosing {
            step = .choosing
            message = nil
            return .none
        }
        return .cancel
    }

    private mutating func confirm() -> KeyResult {
        if let why = confirmDisabledReason {
            message = why
            step = .choosing
            return .none
        }
        return .confirmed
    }

    /// Marks the preview as running for `operationId` and forgets any earlier results.
    mutating func startPreview(_ operationId: String) {
        clearPreview()
        preview = .running(operationId: operationId)
    }
}
