import ECSAPI
import Foundation

extension InstanceTable {
    /// When the data of `id` was last read from ECS, if it was in this session.
    func lastRead(_ id: String) -> Date? {
        guard let r = row(id), !readAt[Int(r)].isNaN else { return nil }
        return Date(timeIntervalSinceReferenceDate: readAt[Int(r)])
    }

    /// `id` as the refresh scheduler sees it: its region and when it was last read.
    func refreshRow(_ id: String) -> RefreshScheduler.Row? {
        guard let r = row(id) else { return nil }
        let i = Int(r)
        return RefreshScheduler.Row(
            id: id, region: instances[i].regionId,
            refreshedAt: readAt[i].isNaN ? nil : Date(timeIntervalSinceReferenceDate: readAt[i]))
    }

    /// The loaded instances of `regions` (all when `nil`) in a transition: `Pending`, `Starting` or `Stopping`.
    /// One pass over the status codes (no instance is read unless it is in a transition).
    func inTransition(regions: Set<String>?) -> [RefreshScheduler.Row] {
        let moving = codes.status.values.map { value in
            value == InstanceStatus.pending.rawValue || value == InstanceStatus.starting.rawValue
                || value == InstanceStatus.stopping.rawValue
        }
        guard moving.contains(true) else { return [] }
        var out: [RefreshScheduler.Row] = []
        for (i, code) in codes.rowStatus.enumerated() where moving[Int(code)] && alive[i] {
            guard regions.map({ $0.contains(instances[i].regionId) }) ?? true, let row = refreshRow(ids[i]) else {
                continue
            }
            out.append(row)
        }
        return out
    }
}
