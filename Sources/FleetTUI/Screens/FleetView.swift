import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// What the screen shows, as a pure function of the state: `render(state, theme, size) -> Grid`.
public struct FleetView: Sendable {
    /// View-only inputs that are not part of the fleet state.
    public struct Options: Sendable, Equatable {
        /// Draw with ASCII only (the locale is not UTF-8).
        public var ascii = false
        /// Animation frame for spinners.
        public var tick = 0
        /// First visible row of the instance list last frame (the viewport only moves to keep the cursor visible).
        public var listOffset = 0
        public var now = Date()
        public init(ascii: Bool = false, tick: Int = 0, listOffset: Int = 0, now: Date = Date()) {
            self.ascii = ascii
            self.tick = tick
            self.listOffset = listOffset
            self.now = now
        }
    }

    /// A rendered frame and the list offset to keep for the next one.
    public struct Frame: Sendable {
        public var grid: Grid
        public var listOffset: Int
    }

    public var keymap: Keymap

    public init(keymap: Keymap = Keymap()) { self.keymap = keymap }

    public func render(_ state: FleetState, theme: Theme, width: Int, height: Int, options: Options) -> Frame {
        let layout = ScreenLayout(width: width, height: height)
        var grid = Grid(width: layout.width, height: layout.height, style: theme[.row])
        if layout.isTooSmall {
            TooSmallView(minWidth: ScreenLayout.minimumSize.width, minHeight: ScreenLayout.minimumSize.height)
                .render(into: &grid, area: grid.bounds, theme: theme)
            return Frame(grid: grid, listOffset: options.listOffset)
        }
        let body = layout.body
        let bottom = layout.hintBar
        HeaderView.render(state, into: &grid, area: layout.header, theme: theme, options: options)
        var offset = options.listOffset
        if let results = state.resultsView, let run = state.operation(results.operationId) ?? state.operations.last {
            ResultsView.render(run, view: results, into: &grid, area: body, theme: theme, options: options)
        } else {
            offset = InstanceListView.render(state, into: &grid, layout: layout, theme: theme, options: options)
        }
        HintBar(keymap.hints(for: state)).render(into: &grid, area: bottom, theme: theme)
        let box: BoxStyle = options.ascii ? .ascii : .unicode
        renderDialog(
            state.dialog, state: state, into: &grid, body: body, bottom: bottom, theme: theme, options: options,
            box: box)
        if options.ascii { Self.asciiEllipses(&grid) }
        return Frame(grid: grid, listOffset: offset)
    }

    /// Draws `dialog` over the body; help draws what it was opened over first, then itself on top.
    func renderDialog(
        _ dialog: FleetDialog, state: FleetState, into grid: inout Grid, body: Rect, bottom: Rect, theme: Theme,
        options: Options, box: BoxStyle
    ) {
        switch dialog {
        case .none: break
        case .stop(let d), .start(let d):
            PowerDialogView.render(d, state: state, into: &grid, area: body, theme: theme, box: box)
        case .details(let id, let scroll):
            DetailsView.render(
                state, id: id, scroll: scroll, into: &grid, area: body, theme: theme, box: box, ascii: options.ascii,
                now: options.now)
        case .help(let h):
            renderDialog(
                h.returnTo, state: state, into: &grid, body: body, bottom: bottom, theme: theme, options: options,
                box: box)
            HelpOverlay.render(h, state: state, keymap: keymap, into: &grid, area: body, theme: theme, box: box)
            if let search = h.search, search.isEditing {
                grid.fill(bottom, style: theme[.input])
                let prompt = grid.put("/", x: bottom.x, y: bottom.y, style: theme[.input], maxWidth: bottom.width)
                let used = TypedLineView.render(
                    TypedLine(search.text), into: &grid, x: bottom.x + prompt, y: bottom.y,
                    width: bottom.width - prompt, style: theme[.input], ascii: options.ascii
                ).used
                let x = bottom.x + prompt + used
                _ = grid.put(
                    TextLine("   Enter keeps, Esc leaves; n/N next/previous after Enter", role: .dim), x: x,
                    y: bottom.y, base: theme[.input], theme: theme, maxWidth: bottom.x + bottom.width - x)
            }
        case .journal(let j):
            JournalView.render(
                j, running: Set(state.inFlightOperations.map(\.id)), profile: state.profile, into: &grid, area: body,
                theme: theme, box: box)
        case .commandLine(let command):
            grid.fill(bottom, style: theme[.input])
            let prompt = grid.put(":", x: bottom.x, y: bottom.y, style: theme[.input], maxWidth: bottom.width)
            TypedLineView.render(
                command.line, into: &grid, x: bottom.x + prompt, y: bottom.y, width: bottom.width - prompt,
                style: theme[.input], ascii: options.ascii)
            if let completion = command.completion, body.height > 0 {
                CompletionLine.render(
                    completion, into: &grid, area: body.row(body.height - 1), theme: theme, ascii: options.ascii)
            }
        case .quitConfirmation:
            let dialog = Dialog(
                title: "Quit?",
                body: [
                    TextLine("An operation is still in flight. Quitting stops tracking it;"),
                    TextLine("the journal keeps what was sent. To finish it later, run"),
                    TextLine("  " + OperationHistory.resumeCommand(profile: state.profile), role: .title),
                ], buttons: [DialogButton(key: "y", label: "Quit"), DialogButton(key: "n", label: "Stay")],
                focusedButton: 1, box: box)
            _ = dialog.render(into: &grid, area: body, theme: theme)
        }
    }

    /// Text cut to fit ends in `…`; without UTF-8 it becomes `.`.
    static func asciiEllipses(_ grid: inout Grid) {
        for y in 0..<grid.height {
            for x in 0..<grid.width where grid[x, y].text == "…" {
                _ = grid.put(".", x: x, y: y, style: grid[x, y].style, maxWidth: 1)
            }
        }
    }
}
