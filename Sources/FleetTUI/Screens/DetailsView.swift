import ECSAPI
import FleetCore
import FleetViewModel
import TerminalUI

/// Every field of one instance: locks, tags, IPs and its results in this session, scrolled by lines.
enum DetailsView {
    /// The details' lines, one field a line, then one line per operation of this session that touched it.
    static func lines(_ state: FleetState, id: String, ascii: Bool) -> [TextLine] {
        guard let i = state.instance(id) else { return [TextLine("\(id) is no longer in the list.", role: .warning)] }
        var lines: [TextLine] = []
        func field(_ name: String, _ value: String, _ role: ThemeRole? = nil) {
            lines.append(TextLine([Span(DisplayWidth.pad(name, columns: 22), role: .dim), Span(value.isEmpty ? "-" : value, role: role)]))
        }
        let glyph = StatusGlyph(status: i.status.rawValue)
        field("Name", i.instanceName)
        field("Status", glyph?.text(ascii: ascii) ?? i.status.rawValue, glyph?.role)
        field("StoppedMode", i.stoppedMode)
        field("Region / zone", "\(i.regionId) / \(i.zoneId)")
        field("Type", "\(i.instanceType) (\(i.cpu) vCPU, \(i.memory / 1024) GiB)")
        field("OS", i.osName)
        field("Charge", "\(i.instanceChargeType)  spot: \(i.spotStrategy)" + (i.instanceChargeType == "PrePaid" ? "  expires \(i.expiredTime)" : ""))
        field("Network", i.instanceNetworkType + (i.vpcAttributes.map { "  \($0.vpcId) / \($0.vSwitchId)" } ?? ""))
        field("Private IP", i.vpcAttributes?.privateIpAddresses.joined(separator: ", ") ?? i.innerIpAddresses.joined(separator: ", "))
        field("Public IP", i.publicIpAddresses.joined(separator: ", "))
        field("EIP", i.eipAddress.map { "\($0.ipAddress) (\($0.allocationId), \($0.bandwidth) Mbps)" } ?? "")
        field("Local disks", i.localStorageAmount > 0 ? "\(i.localStorageAmount) (\(i.localStorageCapacity) GiB)" : "none")
        field("Economical mode", Preflight.ineligibility(i) ?? "eligible", Preflight.ineligibility(i) == nil ? .success : .warning)
        field("Locks", i.operationLocks.map { $0.lockReason + ($0.lockMsg.isEmpty ? "" : ": \($0.lockMsg)") }.joined(separator: "; "),
              i.operationLocks.isEmpty ? nil : .danger)
        field("Tags", i.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        field("Created / started", "\(i.creationTime) / \(i.startTime)")
        field("Hibernation", i.hibernationConfigured ? "configured" : "not configured")
        field("Deletion protection", i.deletionProtection ? "on" : "off")
        for run in state.operations.reversed() {
            guard let r = run.results.first(where: { $0.instanceId == id }) else { continue }
            field("\(run.action.rawValue) \(run.id.prefix(8))", "\(r.outcome.rawValue) \(r.code) \(r.message)", r.outcome.role)
        }
        return lines
    }

    static func render(_ state: FleetState, id: String, scroll: Int, into grid: inout Grid, area: Rect, theme: Theme, box: BoxStyle, ascii: Bool) {
        let all = lines(state, id: id, ascii: ascii)
        let bounds = ScrollBounds(lines: all.count, rows: OverlayLayout.dialogRows(bodyHeight: area.height))
        let offset = min(scroll, bounds.lastOffset)
        let shown = Array(all[offset..<min(all.count, offset + bounds.rows)])
        let width = OverlayLayout.dialogWidth(widest: all.map(\.width).max() ?? 0, base: 100, areaWidth: area.width)
        let dialog = Dialog(title: id, body: shown, buttons: [DialogButton(key: "q", label: "Close")], focusedButton: 0, box: box, minWidth: width)
        dialog.render(into: &grid, area: area, theme: theme)
        ScrollIndicator(offset: offset, rows: bounds.rows, total: all.count, ascii: ascii)
            .render(into: &grid, frame: dialog.frame(in: area), style: OverlayLayout.indicatorStyle(theme))
    }
}
