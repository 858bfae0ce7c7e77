import ArgumentParser
import ECSAPI
import FleetCore
import FleetViewModel
import Foundation
import TerminalUI

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the current status of instances.",
        discussion: """
            Exit status: 0 every instance was found, 1 some were not found (or the service failed),
            2 usage/configuration/credentials (a malformed ID included).

            Examples:
              ecsfleet status --instance-id i-bp67acfmxazb4p1 i-uf6f1zbvxxx    (each ID's region is looked up)
              ecsfleet status --ids-from ids.txt --output json
              ecsfleet status --where 'tag:env=dev' --all-regions --output csv
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: InstanceSelection
    @OptionGroup var scope: RegionScope
    @Option(help: "table, json, csv, or ids (the IDs found, one a line).") var output: OutputFormat = .table

    func run() async throws {
        // A malformed ID is a typing mistake, not an instance that is missing: say so (the stop preflight
        // judges IDs by the same rule), and look nothing up.
        let selected = try selection.resolved()
        let malformed = InstanceSelection.malformed((selected.wanted ?? []).map(\.instanceId))
        if !malformed.isEmpty {
            let shown =
                malformed.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                + (malformed.count > 5 ? " and \(malformed.count - 5) more" : "")
            throw CommandError.usage(
                "\(shown) \(malformed.count == 1 ? "is not an instance ID" : "are not instance IDs") (i- followed by letters and digits, such as i-bp67acfmxazb4p1); nothing was looked up."
            )
        }
        let session = try await CloudSession.open(
            global, allRegions: scope.allRegions)
        let located: [RegionLocator.Located]
        do {
            located = try await RegionResolution(session: session, global: global, scope: scope).targets(
                selected, consequence: "No status was read.")
        } catch {
            await session.close()
            throw error
        }
        await session.close()
        let rows = located.map { ($0.instanceId, $0.regionId ?? "", $0.instance?.status.rawValue ?? "NotFound") }
        switch output {
        case .json:
            print(
                JSONValue.array(
                    rows.map {
                        .object([("InstanceId", .string($0.0)), ("RegionId", .string($0.1)), ("Status", .string($0.2))])
                    }
                ).jsonText(pretty: true))
        case .csv:
            var csv = CSVText(header: ["InstanceId", "RegionId", "Status"])
            for (id, region, status) in rows { csv.add([id, region, status]) }
            print(csv.text, terminator: "")
        case .ids:
            for (id, _, status) in rows where status != "NotFound" { print(Sanitizer.clean(id)) }
        case .table:
            var t = TableWriter(columns: [
                .init(title: "ID", priority: 100), .init(title: "REGION", priority: 50),
                .init(title: "STATUS", priority: 100),
            ])
            for (id, region, status) in rows { t.add([id, region.isEmpty ? "-" : region, status]) }
            print(t.render(width: TerminalFacts.width()))
        }
        if rows.contains(where: { $0.2 == "NotFound" }) { throw CommandStatus(code: 1) }
    }
}
