import FleetCore

/// Which regions the instance list shows: some named regions (one or several), or every region the account has.
public enum RegionSelection: Sendable, Equatable {
    /// These regions, in the order given.
    case only([String])
    /// Every region: those listed by `DescribeRegions`, plus any already loaded.
    case all

    /// The regions shown, given the regions known to exist.
    public func regions(known: [String]) -> [String] {
        switch self {
        case .only(let list): return list
        case .all: return known
        }
    }

    /// The region filter for the list: `nil` means every region.
    var allowed: Set<String>? {
        if case .only(let list) = self { return Set(list) }
        return nil
    }

    /// `cn-hangzhou`, `cn-hangzhou, cn-shanghai`, or `all regions`.
    public var title: String {
        switch self {
        case .only(let list): return list.joined(separator: ", ")
        case .all: return "all regions"
        }
    }
}
