import FleetCore
import FleetViewModel

extension InstanceSelection {
    /// What the options select, read and checked before any session is opened (a file that cannot be read, a
    /// malformed query, is the operator's to fix whatever the account): IDs (`nil` with `--where` alone) and the
    /// query.
    struct Resolved {
        var wanted: [RegionLocator.Wanted]?
        var query: InstanceQuery?
    }

    /// Reads `--ids-from`, parses `--where`, and checks the regions a JSON list gave.
    func resolved() throws(CommandError) -> Resolved {
        var query: InstanceQuery?
        if let text = self.query { query = try RegionResolution.parse(text) }
        if query != nil, instanceIds.isEmpty, idsFrom == nil { return Resolved(wanted: nil, query: query) }
        let wanted = try resolve()
        try CloudSession.checkRegionIDs(wanted.compactMap(\.regionId), source: "--ids-from (RegionId)")
        return Resolved(wanted: wanted, query: query)
    }
}
