import ECSAPI
import FleetCore
import FleetViewModel
import TerminalUI

/// The instance table. Only the rows in the viewport are built, so a frame costs the same for 100 or 100,000
/// instances.
enum InstanceListView {
    /// The columns. Until an operation has run in this session the LAST OPERATION column is empty, so it is
    /// among the first to go when the screen is narrow (REGION, lock and IPs say more then).
    static func columns(multiRegion: Bool, anyOperation: Bool = true) -> [TableColumn] {
        var c: [TableColumn] = [
            TableColumn("ID", width: .fixed(22), priority: 100),
            TableColumn("NAME", width: .flexible(min: 18, max: 40, weight: 3), priority: 95),
            TableColumn("STATUS", width: .fixed(10), priority: 99),
            TableColumn(
                "LAST OPERATION", width: .flexible(min: 16, max: 40, weight: 2), priority: anyOperation ? 90 : 20),
            TableColumn("TYPE", width: .flexible(min: 16, max: 20), priority: 50),
            // Zone IDs are 13-15 columns (cn-hangzhou-h, ap-southeast-1a): less cuts every one of them.
            TableColumn("ZONE", width: .flexible(min: 15, max: 18), priority: 40),
            TableColumn("PRIVATE IP", width: .fixed(15), priority: 60),
            TableColumn("PUBLIC/EIP", width: .fixed(15), priority: 55),
            TableColumn("CHARGE", width: .fixed(8), priority: 30),
            TableColumn("ECO", width: .fixed(3), priority: 35),
            TableColumn("LOCK", width: .fixed(9), priority: 70),
            TableColumn("TAGS", width: .flexible(min: 8, max: 60, weight: 2), priority: 10),
        ]
        if multiRegion {
            c.insert(TableColumn("REGION", width: .flexible(min: 14, max: 16, weight: 0), priority: 80), at: 3)
        }
        return c
    }

    /// Draws the list; returns the viewport offset to keep.
    static func render(
        _ state: FleetState, into grid: inout Grid, layout: ScreenLayout, theme: Theme, options: FleetView.Options
    ) -> Int {
        let visible = state.visible
        let multiRegion = state.shownRegions.count > 1
        let bodyRows = layout.listRows.height
        let cursor = state.cursorPosition ?? 0
        let offset = TableViewport.offset(
            cursor: cursor, previousOffset: options.listOffset, visibleRows: bodyRows, rowCount: visible.count)
        let window = visible.isEmpty ? [] : Array(visible[offset..<min(visible.count, offset + bodyRows)])
        let rows = window.map { id in row(state, id: id, multiRegion: multiRegion, ascii: options.ascii) }
        let columns = columns(multiRegion: multiRegion, anyOperation: !state.operations.isEmpty)
        let sorted = columns.firstIndex { $0.title == title(of: state.sort.column) }.map {
            TableSort(column: $0, ascending: state.sort.ascending)
        }
        let table = Table(
            columns: columns, rows: rows, cursor: visible.isEmpty ? nil : cursor - offset, offset: 0,
            ascii: options.ascii,
            sort: sorted, emptyText: visible.isEmpty ? emptyText(state) : "") // counts every region's instances
        table.render(into: &grid, area: layout.body, theme: theme)
        return offset
    }

    /// The column a sort column is shown in (its title), for the arrow after it.
    static func title(of column: SortColumn) -> String {
        switch column {
        case .publicIp: return "PUBLIC/EIP"
        default: return column.rawValue.uppercased()
        }
    }

    static func row(_ state: FleetState, id: String, multiRegion: Bool, ascii: Bool) -> TableRow {
        guard let i = state.instance(id) else { return TableRow([TableCell(id)]) }
        let glyph = StatusGlyph(status: i.status.rawValue)
        var cells: [TableCell] = [
            TableCell(i.instanceId),
            TableCell(i.instanceName),
            TableCell(glyph?.text(ascii: ascii) ?? i.status.rawValue, role: glyph?.role),
            lastOperation(state.lastOperation(id)),
            TableCell(i.instanceType),
            TableCell(i.zoneId),
            TableCell(i.privateIp ?? "-"),
            TableCell(i.publicIp ?? "-"),
            TableCell(
                i.instanceChargeType == "PrePaid" ? "prepaid" : (i.spotStrategy == "NoSpot" ? "postpaid" : "spot")),
            TableCell(i.isEconomicalModeEligible ? "yes" : "no", role: i.isEconomicalModeEligible ? nil : .dim),
            TableCell(lockBadge(i), role: i.operationLocks.isEmpty ? .dim : .danger),
            TableCell(i.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ",")),
        ]
        if multiRegion { cells.insert(TableCell(i.regionId), at: 3) }
        return TableRow(cells, isMarked: state.marks.contains(id))
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
