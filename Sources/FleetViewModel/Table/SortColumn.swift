import FleetCore

/// A column the instance list can be sorted by, in the order `sort next column` walks them.
public enum SortColumn: String, Sendable, CaseIterable {
    case id = "ID"
    case name = "Name"
    case status = "Status"
    case type = "Type"
    case zone = "Zone"
    case privateIp = "Private IP"
    case publicIp = "Public IP"
    case charge = "Charge"
    case region = "Region"
    case lastOperation = "Last operation"

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
