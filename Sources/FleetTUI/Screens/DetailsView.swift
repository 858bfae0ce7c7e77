import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

/// Every field of one instance: locks, tags, IPs and its results in this session, scrolled by lines.
enum DetailsView {
    /// The details' lines, one field a line (tags one a line, in full), then one line per operation of this
    /// session that touched it. `now` decides whether a subscription has expired; the number of lines never
    /// depends on it.
    static func lines(_ state: FleetState, id: String, ascii: Bool, now: Date) -> [TextLine] {
        guard let i = state.instance(id) else { return [TextLine("\(id) is no longer in the list.", role: .warning)] }
        var lines: [TextLine] = []
        func field(_ name: String, _ value: String, _ role: ThemeRole? = nil) {
            lines.append(
                TextLine([
                    Span(DisplayWidth.pad(name, columns: 22), role: .dim),
                    Span(value.isEmpty ? "-" : value, role: role),
                ]))
        }
        let glyph = StatusGlyph(status: i.status.rawValue)
        field("Name", i.instanceName)
        field("Description", i.description)
        field("Host name", i.hostName)
        field("Status", glyph?.text(ascii: ascii) ?? i.status.rawValue, glyph?.role)
        field("StoppedMode", i.stoppedMode)
        field("Region / zone", "\(i.regionId) / \(i.zoneId)")
        field("Type", "\(i.instanceType) (\(i.cpu) vCPU, \(i.memory / 1024) GiB)")
        field("Image", i.imageId)
        field("OS", i.osName)
        field("Key pair", i.keyPairName)
        let expired = i.instanceChargeType == "PrePaid" && (ECSTime.parse(i.expiredTime).map { $0 < now } ?? false)
        field("Charge", "\(i.instanceChargeType)  spot: \(i.spotStrategy)")
        if i.instanceChargeType == "PrePaid" {
            field("Expires", expired ? "\(i.expiredTime)  EXPIRED" : i.expiredTime, expired ? .danger : nil)
        } else {
            field(
                "Auto-release", i.autoReleaseTime.isEmpty ? "never" : i.autoReleaseTime,
                i.autoReleaseTime.isEmpty ? nil : .warning)
        }
        field("Network", i.instanceNetworkType)
        field("VPC / vSwitch", i.vpcAttributes.map { "\($0.vpcId) / \($0.vSwitchId)" } ?? "")
        field("Security groups", i.securityGroupIds.joined(separator: ", "))
        field(
            "Private IP",
            i.vpcAttributes?.privateIpAddresses.joined(separator: ", ") ?? i.innerIpAddresses.joined(separator: ", "))
        field("Public IP", i.publicIpAddresses.joined(separator: ", "))
        field("EIP", i.eipAddress.map { "\($0.ipAddress) (\($0.allocationId), \($0.bandwidth) Mbps)" } ?? "")
        field(
            "Local disks", i.localStorageAmount > 0 ? "\(i.localStorageAmount) (\(i.localStorageCapacity) GiB)" : "none"
        )
        field(
            "Economical mode", Preflight.ineligibility(i) ?? "eligible",
            Preflight.ineligibility(i) == nil ? .success : .warning)
        if i.operationLocks.isEmpty { field("Locks", "none") }
        for (n, lock) in i.operationLocks.enumerated() {
            let message = lock.lockMsg.isEmpty ? "" : " (\(lock.lockMsg))"
            field(
                n == 0 ? "Locks" : "", "\(lock.lockReason): \(explanation(ofLock: lock.lockReason))\(message)", .danger)
        }
        if i.tags.isEmpty { field("Tags", "none") }
        for (n, tag) in i.tags.enumerated() { field(n == 0 ? "Tags" : "", "\(tag.key)=\(tag.value)") }
        field("Created / started", "\(i.creationTime) / \(i.startTime)")
        field("Hibernation", i.hibernationConfigured ? "configured" : "not configured")
        field("Deletion protection", i.deletionProtection ? "on" : "off")
        for run in state.operations.reversed() {
            guard let r = run.results.first(where: { $0.instanceId == id }) else { continue }
            field(
                "\(run.action.rawValue) \(run.id.prefix(8))", "\(r.outcome.rawValue) \(r.code) \(r.message)",
                r.outcome.role)
        }
        return lines
    }

    /// What a lock means for the operator, in the words of the API's lock reasons.
    static func explanation(ofLock reason: String) -> String {
        switch reason.lowercased() {
        case "security": return "locked for security reasons; stop and start are refused"
        case "financial": return "overdue payment; operations are refused until it is paid"
        case "dedicatedhostfinancial": return "its dedicated host is overdue; operations are refused"
        case "refunded": return "refunded; the instance is being released"
        case "recycling": return "being recycled after expiry; operations are refused"
        case "awaitingrenewal": return "awaiting renewal"
        default: return "operations may be refused"
        }
    }

    static func render(
        _ state: FleetState, id: String, scroll: Int, into grid: inout Grid, area: Rect, theme: Theme, box: BoxStyle,
        ascii: Bool, now: Date
    ) {
        let all = lines(state, id: id, ascii: ascii, now: now)
        let bounds = ScrollBounds(lines: all.count, rows: OverlayLayout.dialogRows(bodyHeight: area.height))
        let offset = min(scroll, bounds.lastOffset)
        let shown = Array(all[offset..<min(all.count, offset + bounds.rows)])
        let width = OverlayLayout.dialogWidth(widest: all.map(\.width).max() ?? 0, base: 100, areaWidth: area.width)
        let dialog = Dialog(
            title: id, body: shown, buttons: [DialogButton(key: "q", label: "Close")], focusedButton: 0, box: box,
            minWidth: width)
        dialog.render(into: &grid, area: area, theme: theme)
        ScrollIndicator(offset: offset, rows: bounds.rows, total: all.count, ascii: ascii)
            .render(into: &grid, frame: dialog.frame(in: area), style: OverlayLayout.indicatorStyle(theme))
    }
}
