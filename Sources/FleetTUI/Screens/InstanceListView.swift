import ECSAPI
import FleetCore
import FleetViewModel
import TerminalUI

/// The instance table. Only the rows in the viewport are built, so a frame costs the same for 100 or 100,000
/// instances.
enum InstanceListView {
    /// The list's columns as the state chooses them (`:columns`): each with its title, width and importance.
    /// In the standard set the least important go first when the screen is narrow: until an operation has run
    /// in this session the LAST OPERATION column is empty, so it goes among the first; the private IP stays at
    /// 80 columns, before LOCK and REGION. A column the filter matches on (`10.0.3` in the IPs, `region:`,
    /// `tag:`) is raised just below NAME, so the rows show why they match. Listed columns (`:columns a,b,c`)
    /// keep the operator's order and go from the right; added ones (`+tags`) outrank the standard set.
    static func columns(_ state: FleetState, matched: [SortColumn] = []) -> [(column: SortColumn, table: TableColumn)] {
        let choice = state.columns
        let shown = choice.columns(multiRegion: state.shownRegions.count > 1)
        let anyOperation = !state.operations.isEmpty
        return shown.enumerated().map { index, column in
            var priority = standardPriority(column, anyOperation: anyOperation)
            if choice.listed != nil {
                priority = 1000 - index
            } else if let added = choice.added.firstIndex(of: column) {
                priority = 97 - min(added, 1)
            } else if let match = matched.firstIndex(of: column), priority < 94 {
                priority = 94 - min(match, 3)
            }
            return (column, TableColumn(title(of: column), width: width(of: column), priority: priority))
        }
    }

    static func standardPriority(_ column: SortColumn, anyOperation: Bool) -> Int {
        switch column {
        case .id: return 100
        case .status: return 99
        case .name: return 95
        case .lastOperation: return anyOperation ? 90 : 20
        case .privateIp: return 85
        case .lock: return 80
        case .region: return 75
        case .publicIp: return 55
        case .type: return 50
        case .zone: return 40
        case .eco: return 35
        case .charge: return 30
        case .tags: return 10
        }
    }

    static func width(of column: SortColumn) -> TableColumn.Width {
        switch column {
        case .id: return .fixed(22)
        case .name: return .flexible(min: 18, max: 40, weight: 3)
        case .status: return .fixed(10)
        case .region: return .flexible(min: 14, max: 16, weight: 0)
        case .lastOperation: return .flexible(min: 16, max: 40, weight: 2)
        case .type: return .flexible(min: 16, max: 20)
        // Zone IDs are 13-15 columns (cn-hangzhou-h, ap-southeast-1a): less cuts every one of them.
        case .zone: return .flexible(min: 15, max: 18)
        case .privateIp, .publicIp: return .fixed(15)
        case .charge: return .fixed(8)
        case .eco: return .fixed(3)
        case .lock: return .fixed(9)
        case .tags: return .flexible(min: 8, max: 60, weight: 2)
        }
    }

    /// Draws the list; returns the viewport offset to keep.
    static func render(
        _ state: FleetState, into grid: inout Grid, layout: ScreenLayout, theme: Theme, options: FleetView.Options
    ) -> Int {
        let visible = state.visible
        let bodyRows = layout.listRows.height
        let cursor = state.cursorPosition ?? 0
        let offset = TableViewport.offset(
            cursor: cursor, previousOffset: options.listOffset, visibleRows: bodyRows, rowCount: visible.count)
        let window = visible.isEmpty ? [] : Array(visible[offset..<min(visible.count, offset + bodyRows)])
        let instances = window.compactMap { state.instance($0) }
        let columns = columns(state, matched: matchedColumns(state.filter.query, instances))
        let rows = window.map { id in row(state, id: id, columns: columns.map { $0.column }, ascii: options.ascii) }
        let sorted = columns.firstIndex { $0.column == state.sort.column }.map {
            TableSort(column: $0, ascending: state.sort.ascending)
        }
        let table = Table(
            columns: columns.map { $0.table }, rows: rows, cursor: visible.isEmpty ? nil : cursor - offset, offset: 0,
            ascii: options.ascii,
            sort: sorted, emptyText: visible.isEmpty ? emptyText(state) : "") // counts every region's instances
        table.render(into: &grid, area: layout.body, theme: theme)
        return offset
    }

    /// The columns the filter matches on in `rows` (the rows on screen), in the filter's order: a word found in
    /// an IP, the type or the zone but not in the ID or the name, and `region:`, `zone:`, `type:` and `tag:`.
    static func matchedColumns(_ query: InstanceQuery, _ rows: [Instance]) -> [SortColumn] {
        var out: [SortColumn] = []
        func add(_ c: SortColumn) { if !out.contains(c) { out.append(c) } }
        for token in query.tokens where !token.negated {
            switch token.term {
            case .field(.region, _): add(.region)
            case .field(.zone, _): add(.zone)
            case .field(.type, _): add(.type)
            case .field: break
            case .tag: add(.tags)
            case .text(let word):
                // A word found in the ID or the name needs no column shown: those always are.
                for i in rows {
                    if let hit = SearchText.column(holding: word, in: i), hit != .id, hit != .name { add(hit) }
                }
            }
        }
        return out
    }

    /// The column a sort column is shown in (its title), for the arrow after it.
    static func title(of column: SortColumn) -> String {
        switch column {
        case .publicIp: return "PUBLIC/EIP"
        default: return column.rawValue.uppercased()
        }
    }

    static func row(_ state: FleetState, id: String, columns: [SortColumn], ascii: Bool) -> TableRow {
        guard let i = state.instance(id) else { return TableRow([TableCell(id)]) }
        let cells = columns.map { column -> TableCell in
            switch column {
            case .id: return TableCell(i.instanceId)
            case .name: return TableCell(i.instanceName)
            case .status:
                let glyph = StatusGlyph(status: i.status.rawValue)
                return TableCell(glyph?.text(ascii: ascii) ?? i.status.rawValue, role: glyph?.role)
            case .region: return TableCell(i.regionId)
            case .lastOperation: return lastOperation(state.lastOperation(id))
            case .type: return TableCell(i.instanceType)
            case .zone: return TableCell(i.zoneId)
            case .privateIp: return TableCell(i.privateIp ?? "-")
            case .publicIp: return TableCell(i.publicIp ?? "-")
            case .charge:
                return TableCell(
                    i.instanceChargeType == "PrePaid" ? "prepaid" : (i.spotStrategy == "NoSpot" ? "postpaid" : "spot"))
            case .eco:
                return TableCell(
                    i.isEconomicalModeEligible ? "yes" : "no", role: i.isEconomicalModeEligible ? nil : .dim)
            case .lock: return TableCell(lockBadge(i), role: i.operationLocks.isEmpty ? .dim : .danger)
            case .tags: return TableCell(i.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
            }
        }
        return TableRow(cells, isMarked: state.isMarked(id))
    }

    static func lockBadge(_ i: Instance) -> String {
        if i.hasSecurityLock { return "SECURITY" }
        if i.hasFinancialLock { return "FINANCIAL" }
        return i.operationLocks.first?.lockReason.uppercased() ?? "-"
    }

    static func lastOperation(_ op: LastOperation?) -> TableCell {
        guard let op else { return TableCell("", role: .dim) }
        return TableCell(op.summary, role: op.outcome.role)
    }

    static func emptyText(_ state: FleetState) -> String {
        if state.isLoading { return "loading..." }
        let counts = state.instanceCountsByRegion
        // The filter being typed counts too: the rows are already filtered by it.
        if !state.filter.effectiveText.isEmpty, state.shownRegions.contains(where: { counts[$0, default: 0] > 0 }) {
            return "No instance matches the filter (Esc on / clears it)."
        }
        let denied = state.shownRegions.compactMap { state.loads[$0] }.compactMap { load -> String? in
            if case .denied(let why) = load.permission {
                return "\(load.region): no permission to list instances (\(why))"
            }
            return nil
        }
        if let first = denied.first { return first }
        // A region that could not be read is not an empty region: say which failed, and how to retry.
        let failures = state.shownRegions.compactMap { state.loads[$0] }.compactMap(HeaderView.problem)
        if !failures.isEmpty {
            return "Could not list instances (R retries, :region NAME switches). " + failures.joined(separator: "; ")
        }
        return "No instances in \(state.regionsShown.title)."
    }
}
