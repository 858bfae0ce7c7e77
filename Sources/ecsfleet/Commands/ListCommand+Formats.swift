import ECSAPI
import FleetCore
import TerminalUI

extension ListCommand {
    /// The instances as CSV (a header, then one row each, the columns the JSON names) or as IDs one a line.
    static func machineText(_ instances: [Instance], format: OutputFormat) -> String {
        guard format == .csv else { return instances.map { Sanitizer.clean($0.instanceId) + "\n" }.joined() }
        return FleetExport.instances(instances, as: .csv)
    }
}
