import FleetCore

extension InstanceTable {
    /// A kind of row for a preflight verdict: its region and its facts less the subscription's end (kept apart
    /// per row, as it is the one fact that changes a verdict with time).
    struct PreflightKind: Sendable, Hashable {
        var regionId: String
        var facts: Preflight.Facts
    }
}
