import ECSAPI
import FleetCore
import Foundation
import TerminalUI

/// Every field of one instance: locks, tags, IPs and its last results.
enum DetailsView {
    static func render(_ state: FleetState, id: String, into grid: inout Grid, area: Rect, theme: Theme, box: BoxStyle, ascii: Bool) {
        var lines: [TextLine] = []
        if let i = state.instance(id) {
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
                field("\(run.action.rawValue) \(run.id.prefix(8))", "\(r.outcome.rawValue) \(r.code) \(r.message)", ResultsView.role(r.outcome))
            }
        } else {
            lines.append(TextLine("\(id) is no longer in the list.", role: .warning))
        }
        let dialog = Dialog(title: id, body: Array(lines.prefix(max(1, area.height - 4))), buttons: [DialogButton(key: "q", label: "Close")],
                            focusedButton: 0, box: box, minWidth: min(area.width - 2, 100))
        _ = dialog.render(into: &grid, area: area, theme: theme)
    }
}

/// Past operations from the journal, newest first.
enum JournalView {
    static func render(_ j: JournalViewState, into grid: inout Grid, area: Rect, theme: Theme, box: BoxStyle) {
        var lines: [TextLine] = []
        switch j.phase {
        case .loading: lines.append(TextLine(box.isASCII ? "reading the journal..." : "reading the journal…", role: .dim))
        case .failed(let why): lines.append(TextLine(why, role: .danger))
        case .loaded:
            if j.entries.isEmpty { lines.append(TextLine("No operations yet.", role: .dim)) }
            for e in j.entries.reversed().dropFirst(j.scroll) {
                let counts = OperationEngine.summary(e.results)
                lines.append(TextLine([Span(SignatureV3Time.format(e.started) + "  ", role: .dim), Span(e.action + " ", role: .title),
                                       Span("\(e.results.count) instances: \(counts)"),
                                       Span(e.isInterrupted ? "  INTERRUPTED (ecsfleet journal --resume)" : "", role: .danger)]))
                for r in e.results.prefix(5) {
                    lines.append(TextLine("    \(r.instanceId)  \(r.outcome.rawValue)  \(r.code) \(r.message)", role: ResultsView.role(r.outcome)))
                }
                if e.results.count > 5 { lines.append(TextLine("    ... \(e.results.count - 5) more", role: .dim)) }
            }
        }
        let dialog = Dialog(title: "Journal", body: Array(lines.prefix(max(1, area.height - 4))), buttons: [DialogButton(key: "q", label: "Close")],
                            focusedButton: 0, box: box, minWidth: min(area.width - 2, 110))
        _ = dialog.render(into: &grid, area: area, theme: theme)
    }
}

/// `yyyy-MM-dd HH:mm:ss` in UTC for the journal view.
enum SignatureV3Time {
    static func format(_ date: Date) -> String {
        ECSTime.formatSeconds(date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }
}
