import ECSAPI
import FleetCore

/// What sorting needs of each row, recorded when the row is stored so a column sort reads small numbers instead
/// of 100,000 instances: the codes of its name, charge type and lock, its addresses as numbers, its ECO rank; its tags'
/// code is made when a sort by tags first needs it (joining every row's tags costs more than the rest). (Status,
/// zone, type and region come from `FieldCodes`.)
struct SortCodes: Sendable {
    var names = SortValues(key: { SortKey.name($0) })
    var charges = SortValues(key: { SortKey(number: 0, text: SortKey.normalized($0)) })
    var locks = SortValues(key: { SortKey.lock(label: $0) })
    var tags = SortValues(key: { SortKey.tags(text: $0) })
    private(set) var rowName: [Int32] = [], rowCharge: [Int32] = [], rowLock: [Int32] = []
    /// -1 until a sort by tags codes the row (again, after a refresh changed it).
    private(set) var rowTags: [Int32] = []
    /// IPv4 addresses as numbers, `SortKey.missing` for none, `SortKey.otherAddress` for any other text.
    private(set) var rowPrivateIp: [UInt64] = [], rowPublicIp: [UInt64] = []
    /// Each row's ECO rank (`SortKey.eco`): reading it from 100,000 instances at each sort cost 60 ms.
    private(set) var rowEco: [UInt64] = []

    /// Records the values of `row`.
    mutating func set(row: Int32, _ instance: borrowing Instance) {
        let r = Int(row)
        while rowName.count <= r {
            rowName.append(0)
            rowCharge.append(0)
            rowLock.append(0)
            rowTags.append(-1)
            rowPrivateIp.append(SortKey.missing)
            rowPublicIp.append(SortKey.missing)
            rowEco.append(0)
        }
        rowName[r] = names.code(instance.instanceName)
        rowCharge[r] = charges.code(instance.instanceChargeType)
        rowLock[r] = locks.code(SortKey.lockLabel(instance))
        rowTags[r] = -1
        rowPrivateIp[r] = SortKey.address(instance.privateIp).number
        rowPublicIp[r] = SortKey.address(instance.publicIp).number
        rowEco[r] = SortKey.eco(instance.isEconomicalModeEligible).number
    }

    /// Each row's tags code, coding the rows not coded yet among the `alive` ones.
    mutating func tagCodes(_ instances: [Instance], alive: [Bool]) -> [Int32] {
        for r in rowTags.indices where rowTags[r] < 0 && r < instances.count && alive[r] {
            rowTags[r] = tags.code(SortKey.tagsText(instances[r].tags))
        }
        return rowTags
    }
}
