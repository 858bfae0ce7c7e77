import ECSAPI

/// Instances and per-instance results as the files `:export` writes and as `--output csv|json` prints them: the
/// columns are the JSON names, so a CSV and a JSON export of the same rows read alike.
public enum FleetExport {
    /// The formats, by a file's extension.
    public enum Format: String, Sendable, Equatable {
        case csv, json

        /// `.csv` or `.json` (any case) at the end of `path`; `nil` for anything else.
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".csv") {
                self = .csv
            } else if lower.hasSuffix(".json") {
                self = .json
            } else {
                return nil
            }
        }
    }

    /// The instance columns of a CSV.
    static let instanceHeader = [
        "InstanceId", "InstanceName", "Status", "RegionId", "ZoneId", "InstanceType", "PrivateIpAddress",
        "PublicIpAddress", "InstanceChargeType", "Tags",
    ]

    /// Instances as CSV (tags as `key=value;...`) or as the JSON array `list --output json` prints.
    public static func instances(_ instances: [Instance], as format: Format) -> String {
        switch format {
        case .json:
            var array = InstanceJSONArray(pretty: true)
            array.append(contentsOf: instances)
            return array.finish().map { String(decoding: $0, as: UTF8.self) }.joined() + "\n"
        case .csv:
            var csv = CSVText(header: instanceHeader)
            for i in instances {
                csv.add([
                    i.instanceId, i.instanceName, i.status.rawValue, i.regionId, i.zoneId, i.instanceType,
                    i.privateIp ?? "",
                    i.publicIp ?? "", i.instanceChargeType,
                    i.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ";"),
                ])
            }
            return csv.text
        }
    }

    /// Results of `operation` as CSV or a JSON array, each row naming the operation in `Operation`.
    public static func results(_ results: [InstanceResult], operation: String, as format: Format) -> String {
        switch format {
        case .json:
            return JSONValue.array(
                results.map { r in
                    guard case .object(let members) = r.json else { return r.json }
                    return .object(members + [("Operation", .string(operation))])
                }
            ).jsonText(pretty: true) + "\n"
        case .csv:
            var csv = CSVText(header: [
                "InstanceId", "RegionId", "Outcome", "Code", "Message", "PreviousStatus", "CurrentStatus", "Operation",
            ])
            for r in results {
                csv.add([
                    r.instanceId, r.regionId, r.outcome.rawValue, r.code, r.message, r.previousStatus, r.currentStatus,
                    operation,
                ])
            }
            return csv.text
        }
    }
}
