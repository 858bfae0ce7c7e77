import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// The app loop: terminal events and background results become actions, the reducer updates the state and
/// returns effects, the runner performs them, and the view renders the state into a grid for the terminal.
@MainActor
public final class FleetApp {
    public private(set) var state: FleetState
    public private(set) var theme: Theme
    let terminal: any Terminal
    let runner: FleetEffectRunner
    let inbox: ActionInbox
    let view: FleetView
    let ascii: Bool
    /// Clicks and the wheel are reported (`--mouse`, `:mouse on|off`).
    public private(set) var mouse: Bool
    let loadTheme: (String) throws -> Theme
    var listOffset = 0
    var tick = 0
    var dirty = true
    /// Until the operator presses a key, the cursor stays on the first row while regions load in any order.
    var operatorMoved = false

    /// Why the loop ended.
    public enum Exit: Sendable, Equatable { case quit, interrupted, terminated, hangup }

    public init(
        state: FleetState, theme: Theme, terminal: any Terminal, runner: FleetEffectRunner, inbox: ActionInbox,
        keymap: Keymap = Keymap(), ascii: Bool, mouse: Bool, loadTheme: @escaping (String) throws -> Theme
    ) {
        self.state = state
        self.theme = theme
        self.terminal = terminal
        self.runner = runner
        self.inbox = inbox
        self.view = FleetView(keymap: keymap)
        self.ascii = ascii
        self.mouse = mouse
        self.loadTheme = loadTheme
    }

    /// Runs until the operator quits or a signal arrives; the caller restores the terminal.
    public func run() async -> Exit {
        if mouse { terminal.setMouseReporting(true) }
        dispatch(.refreshNow)
        var lastTick = Date()
        var lastFrame = Date()
        var renderedTick = -1
        while true {
            for action in inbox.drain() { dispatch(action) }
            if !operatorMoved, state.dialog == .none, let position = state.cursorPosition, position != 0 {
                dispatch(.moveToTop)
            }
            if let exit = pendingExit { return exit }
            if dirty || (isAnimating && tick != renderedTick) {
                renderedTick = tick
                let size = terminal.size
                let frame = view.render(
                    state, theme: theme, width: size.width, height: size.height,
                    options: .init(ascii: ascii, tick: tick, listOffset: listOffset, now: Date()))
                listOffset = frame.listOffset
                terminal.present(frame.grid)
                dirty = false
                // The rows on screen are read more often than the rest; the frame drawn already shows them.
                let viewport = ListViewport(first: listOffset, rows: state.resultsView == nil ? layout.pageSize : 0)
                if viewport != state.viewport {
                    _ = FleetReducer.reduce(&state, .viewportChanged(viewport), now: Date())
                }
            }
            // The inbox cannot wake a terminal wait, so while pages are expected it is looked at every 10 ms:
            // waiting 80 ms here put the first rows on screen up to 80 ms after they arrived.
            if let event = terminal.nextEvent(timeout: .milliseconds(state.isLoading ? 10 : isAnimating ? 80 : 250)) {
                handle(event)
            }
            if let exit = pendingExit { return exit }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                dispatch(.tick(now))
            }
            // Spinners step every 80 ms, however often the loop turns.
            if isAnimating, now.timeIntervalSince(lastFrame) >= 0.08 {
                tick += 1
                lastFrame = now
            }
            await Task.yield()
        }
    }

    var pendingExit: Exit?

    var isAnimating: Bool { state.isLoading || !state.inFlightOperations.isEmpty }

    /// The screen's layout at the terminal's current size: what keys page by and where clicks land.
    var layout: ScreenLayout { ScreenLayout(width: terminal.size.width, height: terminal.size.height) }

    func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key):
            // The too-small screen shows nothing to act on, so only its own key works (keys would act unseen);
            // an operation in flight stays in the journal, as with Ctrl-C.
            let layout = self.layout
            if layout.isTooSmall {
                if key.key == .character("q") { pendingExit = .quit }
                return
            }
            operatorMoved = true
            if let action = view.keymap.action(for: key, state: state, layout: layout) { dispatch(action) }
        case .mouse(let m):
            if !layout.isTooSmall { handleMouse(m) }
        case .resize:
            dirty = true
        case .tick:
            break
        case .signal(let s):
            switch s {
            case .interrupt: pendingExit = .interrupted
            case .terminate: pendingExit = .terminated
            case .hangup: pendingExit = .hangup
            }
        }
    }

    func handleMouse(_ m: MouseEvent) {
        guard mouse, !state.dialog.isOpen, state.resultsView == nil else { return }
        switch m.kind {
        case .wheelUp: for _ in 0..<3 { dispatch(.moveUp) }
        case .wheelDown: for _ in 0..<3 { dispatch(.moveDown) }
        case .click:
            guard let shown = layout.listRow(atScreenRow: m.y) else { return }
            let row = shown + listOffset
            let visible = state.visible
            if row >= 0, row < visible.count { dispatch(.moveTo(instanceId: visible[row])) }
        }
    }

    /// Reduces one action and starts its effects.
    public func dispatch(_ action: FleetAction) {
        let effects = FleetReducer.reduce(&state, action, now: Date())
        dirty = true
        for effect in effects {
            switch effect {
            case .quit:
                pendingExit = .quit
            case .setTheme(let name):
                do {
                    theme = try loadTheme(name)
                    // Without colours (NO_COLOR, --no-color, the terminal) every theme draws as mono: say so.
                    let text =
                        theme.name == Theme.mono.name && name != Theme.mono.name
                        ? "Theme \(name) found, but this screen has no colours (NO_COLOR, --no-color or the terminal): mono is used."
                        : "Theme \(name)."
                    state.post(.info, text, topic: "theme", now: Date())
                } catch {
                    state.post(.error, "theme \(name): \(error)", topic: "theme", now: Date())
                }
            case .setMouse(let on):
                mouse = on
                terminal.setMouseReporting(on)
                state.post(
                    .info,
                    on
                        ? "Mouse on: click to move, the wheel scrolls."
                        : "Mouse off: the terminal's own selection works again.",
                    topic: "mouse", now: Date())
            case .copy(let text):
                terminal.copyToClipboard(text)
            case .notify(let title, let body):
                terminal.notify(title: title, body: body)
            default:
                // Detached: a task started here would first wait for the main actor, which the loop keeps busy
                // in the terminal wait between its turns.
                let runner = self.runner
                Task.detached { await runner.perform(effect) }
            }
        }
    }
}
