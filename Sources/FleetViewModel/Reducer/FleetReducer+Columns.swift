import FleetCore
import Foundation

extension FleetReducer {
    /// `:columns`: says which columns are chosen, or changes them (never to none).
    static func columns(_ s: inout FleetState, _ change: ColumnChange?, now: Date) {
        guard let change else {
            let text =
                s.columns == .standard
                ? "Names: \(SortColumn.shortNames)"
                : "Columns: \(s.columns.summary) (:columns default resets)"
            s.post(.info, text, topic: "columns", now: now)
            return
        }
        let next = s.columns.applying(change)
        guard !next.columns(multiRegion: true).isEmpty else {
            s.post(.error, "The list needs at least one column; :columns default resets.", topic: "columns", now: now)
            return
        }
        s.columns = next
        s.post(.info, "Columns: \(next.summary).", topic: "columns", now: now)
    }
}
