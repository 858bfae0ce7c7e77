import FleetCore
import Foundation

extension FleetReducer {
    /// `y` and `Y`: what to copy, as an effect, and a banner saying what it was.
    static func copy(_ s: inout FleetState, _ action: FleetAction, now: Date) -> [FleetEffect] {
        let run = s.resultsView.flatMap { s.operation($0.operationId) }
        let lines: [String]
        let what: String
        switch action {
        case .copyCommands:
            // The dialog's calls as they would go now, or the operation's as they went.
            if let d = s.dialog.power {
                lines = d.commandLines
                what =
                    "\(lines.count) aliyun command\(lines.count == 1 ? "" : "s") for this \(d.action.rawValue) of \(d.sendCount) instance\(d.sendCount == 1 ? "" : "s")"
            } else if let run {
                lines = run.plan.cliEquivalents
                what = "\(lines.count) aliyun command\(lines.count == 1 ? "" : "s") of \(run.id)"
            } else {
                return []
            }
        default:
            if let target = s.detailsTarget {
                lines = target
            } else if let run {
                lines = run.results.map(\.instanceId)
            } else if s.hasMarks {
                // Marked IDs in the list's order, hidden ones after.
                let visible = Array(s.visible)
                lines = visible.filter(s.isMarked) + s.markedIds.subtracting(visible).sorted()
            } else if let id = s.cursor {
                lines = [id]
            } else {
                lines = []
            }
            what = lines.count == 1 ? lines[0] : "\(lines.count) IDs"
        }
        guard !lines.isEmpty else {
            s.post(.info, "Nothing to copy.", now: now)
            return []
        }
        s.post(.info, "Copied \(what) (through the terminal's clipboard, OSC 52).", now: now)
        return [.copy(lines.joined(separator: "\n"))]
    }
}
