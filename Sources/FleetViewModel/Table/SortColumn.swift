import FleetCore

/// A column the instance list can be sorted by, in the order the list shows them, which `<` and `>` walk.
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

    /// The next column, wrapping around.
    public var next: SortColumn {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The previous column, wrapping around.
    public var previous: SortColumn {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + all.count - 1) % all.count]
    }
}
