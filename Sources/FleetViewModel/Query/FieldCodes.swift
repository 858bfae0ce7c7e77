import ECSAPI
import FleetCore

/// The few distinct values of status, zone, type, region and tags, each given a small number, with every row's
/// numbers. A field token is judged once per distinct value, then each row costs an array look-up.
struct FieldCodes: Sendable {
    private(set) var status = Interner<String>(), name = Interner<String>(), zone = Interner<String>(),
        type = Interner<String>(), region = Interner<String>()
    /// Tag pairs as `key` + NUL + `value`, in their original case.
    private(set) var tags = Interner<String>()
    private(set) var rowStatus: [Int32] = [], rowName: [Int32] = [], rowZone: [Int32] = [], rowType: [Int32] = [],
        rowRegion: [Int32] = []
    private(set) var rowTags: [[Int32]] = []

    /// Records the values of `row`.
    mutating func set(row: Int32, _ instance: Instance) {
        let r = Int(row)
        while rowStatus.count <= r {
            rowStatus.append(0)
            rowName.append(0)
            rowZone.append(0)
            rowType.append(0)
            rowRegion.append(0)
            rowTags.append([])
        }
        rowStatus[r] = status.code(instance.status.rawValue)
        rowName[r] = name.code(instance.instanceName)
        rowZone[r] = zone.code(instance.zoneId)
        rowType[r] = type.code(instance.instanceType)
        rowRegion[r] = region.code(instance.regionId)
        rowTags[r] = instance.tags.map { tags.code($0.key + "\u{0}" + $0.value) }
    }

    /// The codes of `field` per row.
    func rows(_ field: InstanceQuery.Field) -> [Int32] {
        switch field {
        case .status: return rowStatus
        case .name: return rowName
        case .zone: return rowZone
        case .type: return rowType
        case .region: return rowRegion
        }
    }

    /// For each distinct value of `field`, whether the token `field:value|...` (lower case) holds.
    func allowed(_ field: InstanceQuery.Field, values: [String]) -> [Bool] {
        let interner: Interner<String>
        switch field {
        case .status: interner = status
        case .name: interner = name
        case .zone: interner = zone
        case .type: interner = type
        case .region: interner = region
        }
        return interner.values.map { InstanceQuery.fieldMatches(field, values: values, actual: $0.lowercased()) }
    }

    /// For each distinct tag pair, whether `tag:key[=value]|...` (lower case) holds.
    func allowedTags(_ patterns: [InstanceQuery.TagPattern]) -> [Bool] {
        tags.values.map { pair in
            let parts = pair.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
            return InstanceQuery.tagMatches(
                patterns, tag: Instance.Tag(key: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : ""))
        }
    }

    /// For each distinct region, whether it is among `regions` (exact).
    func allowedRegions(_ regions: Set<String>) -> [Bool] {
        region.values.map { regions.contains($0) }
    }
}
