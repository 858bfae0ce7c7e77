import ArgumentParser
import ECSAPI
import ECSClient
import FleetCore
import FleetViewModel
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the current status of instances.",
        discussion: """
            Exit status: 0 every instance was found, 1 some were not found (or the service failed),
            2 usage/configuration/credentials (a malformed ID included).

            Examples:
              ecsfleet status --instance-id i-bp67acfmxazb4p1 --region cn-hangzhou
              ecsfleet status --ids-from ids.txt --output json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: InstanceSelection
    @Option(help: "table or json.") var output: OutputFormat = .table

    func run() async throws {
        try global.requireOneRegion(for: "status")
        let ids = try selection.resolve()
        // A malformed ID is a typing mistake, not an instance that is missing: say so (the stop preflight
        // judges IDs by the same rule), and look nothing up.
        let malformed = InstanceSelection.malformed(ids)
        if !malformed.isEmpty {
            let shown = malformed.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (malformed.count > 5 ? " and \(malformed.count - 5) more" : "")
            throw CommandError.usage("\(shown) \(malformed.count == 1 ? "is not an instance ID" : "are not instance IDs") (i- followed by letters and digits, such as i-bp67acfmxazb4p1); nothing was looked up.")
        }
        let session = try await CloudSession.open(global)
        let region = session.account.region
        let statuses: [String: InstanceStatus]
        do { statuses = try await session.service.statuses(region: region, instanceIds: ids) } catch {
            await session.close()
            throw CallFailure.commandError(error, action: ECSAction.describeInstanceStatus, region: region,
                                           retry: session.client.configuration.retry, consequence: "No status was read.")
        }
        await session.close()
        let rows = ids.map { ($0, statuses[$0]?.rawValue ?? "NotFound") }
        if output == .json {
            print(JSONValue.array(rows.map { .object([("InstanceId", .string($0.0)), ("RegionId", .string(region)), ("Status", .string($0.1))]) }).jsonText(pretty: true))
        } else {
            var t = TableWriter(columns: [.init(title: "ID", priority: 100), .init(title: "REGION", priority: 50), .init(title: "STATUS", priority: 100)])
            for (id, s) in rows { t.add([id, region, s]) }
            print(t.render(width: TerminalFacts.width()))
        }
        if rows.contains(where: { $0.1 == "NotFound" }) { throw CommandStatus(code: 1) }
    }
}
