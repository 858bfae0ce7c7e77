import FleetCore

/// A column of the instance list, each of which it can be sorted by, in the order the list shows them (which `<`
/// and `>` walk, and `:columns` names).
public enum SortColumn: String, Sendable, CaseIterable {
    case id = "ID"
    case name = "Name"
    case status = "Status"
    case region = "Region"
    case lastOperation = "Last operation"
    case type = "Type"
    case zone = "Zone"
    case privateIp = "Private IP"
    case publicIp = "Public IP"
    case charge = "Charge"
    case eco = "Eco"
    case lock = "Lock"
    case tags = "Tags"

    /// The column `name` means (`:sort private-ip`, `:sort ip`, `:sort last`): its title in any case, without
    /// spaces, `-` or `_`, or the start of one.
    public init?(named name: String) {
        func plain(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
        let wanted = plain(name)
        guard !wanted.isEmpty else { return nil }
        let aliases: [String: SortColumn] = ["ip": .privateIp, "eip": .publicIp, "op": .lastOperation]
        if let alias = aliases[wanted] {
            self = alias
        } else if let exact = Self.allCases.first(where: { plain($0.rawValue) == wanted }) {
            self = exact
        } else if let prefixed = Self.allCases.first(where: { plain($0.rawValue).hasPrefix(wanted) }) {
            self = prefixed
        } else {
            return nil
        }
    }

    /// The short name `:columns` and `:sort` take and messages use (`ip`, `eip`, `op`): all of them fit a banner
    /// at 80 columns.
    public var shortName: String {
        switch self {
        case .lastOperation: return "op"
        case .privateIp: return "ip"
        case .publicIp: return "eip"
        default: return rawValue.lowercased()
        }
    }

    /// Every column's short name, in the list's order: `id name status ...`.
    public static var shortNames: String { allCases.map(\.shortName).joined(separator: " ") }
}
