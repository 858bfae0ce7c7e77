import ECSAPI
import FleetCore
import TerminalUI

extension ListCommand {
    /// The instances as CSV (a header, then one row each, the columns the JSON names) or as IDs one a line.
    static func machineText(_ instances: [Instance], format: OutputFormat) -> String {
        guard format == .csv else { return instances.map { Sanitizer.clean($0.instanceId) + "\n" }.joined() }
        var csv = CSVText(header: ["InstanceId", "InstanceName", "Status", "RegionId", "ZoneId", "InstanceType", "PrivateIpAddress",
                                   "PublicIpAddress", "InstanceChargeType", "Tags"])
        for i in instances {
            csv.add([i.instanceId, i.instanceName, i.status.rawValue, i.regionId, i.zoneId, i.instanceType, i.privateIp ?? "",
                     i.publicIp ?? "", i.instanceChargeType, i.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ";")])
        }
        return csv.text
    }
}
