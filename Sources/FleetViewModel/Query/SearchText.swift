import ECSAPI
import FleetCore

/// The lower-case text that free-text filtering searches for one instance: ID, name, private IP, public IP,
/// type and zone, separated by a byte that no search word can contain.
public enum SearchText {
    /// Separates fields, so a word never matches across two of them.
    static let separator: UInt8 = 0x01

    /// The search text of `instance`.
    static func make(_ instance: Instance) -> String {
        String(decoding: bytes(instance), as: UTF8.self)
    }

    /// The search text as bytes.
    static func bytes(_ instance: Instance) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        for (i, f) in fields(instance).enumerated() {
            if i > 0 { out.append(separator) }
            out.append(contentsOf: clean(f.text).lowercased().utf8)
        }
        return out
    }

    /// The fields searched, in order, each with the column that shows it.
    static func fields(_ i: Instance) -> [(column: SortColumn, text: String)] {
        [
            (.id, i.instanceId), (.name, i.instanceName), (.privateIp, i.privateIp ?? ""),
            (.publicIp, i.publicIp ?? ""), (.type, i.instanceType), (.zone, i.zoneId),
        ]
    }

    /// The first column of `instance` whose text holds `word` (lower case) as filtering reads it, if any.
    public static func column(holding word: String, in instance: Instance) -> SortColumn? {
        fields(instance).first { clean($0.text).lowercased().contains(word) }?.column
    }

    /// `text` with control characters turned into spaces.
    static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }
}
