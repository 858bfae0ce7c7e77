import ECSAPI
import FleetCore

extension InstanceSelection {
    /// The instances of a JSON array, as `list --output json` (objects with `InstanceId` and `RegionId`) or
    /// `status --output json` print it, or an array of ID strings; `nil` when the text is not a JSON array
    /// (then it is a list of IDs).
    static func listedJSON(_ text: String, name: String) throws(CommandError) -> [RegionLocator.Wanted]? {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        guard body.first(where: { !$0.isWhitespace }) == "[" else { return nil }
        let json: JSONValue
        do { json = try JSONValue(parsing: String(body)) } catch {
            throw .usage(
                "--ids-from: \(name) starts like a JSON array but is not valid JSON (\(error)); give the output of list --output json, or one ID a line."
            )
        }
        guard case .array(let items) = json else { return nil }
        var out: [RegionLocator.Wanted] = []
        for (n, item) in items.enumerated() {
            if let id = item.stringValue {
                out.append(.init(id))
                continue
            }
            guard let id = item["InstanceId"]?.stringValue else {
                throw .usage(
                    "--ids-from: element \(n + 1) of \(name) has no InstanceId; give the output of list --output json, or one ID a line."
                )
            }
            let region = item["RegionId"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            out.append(.init(id, regionId: region))
        }
        return out
    }
}
