import ArgumentParser
import ECSAPI
import FleetCore
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the current status of instances.",
        discussion: """
            Examples:
              ecsfleet status --instance-id i-bp67acfmxazb4p1 --region cn-hangzhou
              ecsfleet status --ids-from ids.txt --output json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: InstanceSelection
    @Option(help: "table or json.") var output: OutputFormat = .table

    func run() async throws {
        let ids = try selection.resolve()
        let session = try await CloudSession.open(global)
        let region = session.account.region
        let statuses: [String: InstanceStatus]
        do { statuses = try await session.service.statuses(region: region, instanceIds: ids) } catch {
            await session.close()
            throw CommandError.usage(describeCallError(error, region: region))
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

/// `--instance-id ID ...` or `--ids-from FILE|-`.
struct InstanceSelection: ParsableArguments {
    @Option(name: .customLong("instance-id"), help: ArgumentHelp("An instance ID; repeatable.", valueName: "id"))
    var instanceIds: [String] = []
    @Option(help: ArgumentHelp("Read instance IDs from a file, or - for standard input (whitespace, comma or newline separated; # starts a comment).", valueName: "file"))
    var idsFrom: String?

    func resolve() throws(CommandError) -> [String] {
        var ids = instanceIds
        if let idsFrom {
            let text: String
            if idsFrom == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                guard let data = FileManager.default.contents(atPath: idsFrom) else { throw .usage("--ids-from: cannot read \(idsFrom)") }
                text = String(decoding: data, as: UTF8.self)
            }
            for line in text.split(whereSeparator: \.isNewline) {
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                ids += content.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
            }
        }
        var seen = Set<String>()
        ids = ids.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !ids.isEmpty else { throw .usage("Name the instances: --instance-id ID (repeatable) or --ids-from FILE (- for standard input).") }
        return ids
    }
}
