import ECSAPI
import FleetCore

/// What sorting needs of each row, recorded when the row is stored so a column sort reads small numbers instead
/// of 100,000 instances: the codes of its name and charge type, and its addresses as numbers. (Status, zone,
/// type and region come from `FieldCodes`.)
struct SortCodes: Sendable {
    var names = SortValues(key: { SortKey.name($0) })
    var charges = SortValues(key: { SortKey(number: 0, text: SortKey.normalized($0)) })
    private(set) var rowName: [Int32] = [], rowCharge: [Int32] = []
    /// IPv4 addresses as numbers, `SortKey.missing` for none, `SortKey.otherAddress` for any other text.
    private(set) var rowPrivateIp: [UInt64] = [], rowPublicIp: [UInt64] = []

    /// Records the values of `row`.
    mutating func set(row: Int32, _ instance: borrowing Instance) {
        let r = Int(row)
        while rowName.count <= r {
            rowName.append(0)
            rowCharge.append(0)
            rowPrivateIp.append(SortKey.missing)
            rowPublicIp.append(SortKey.missing)
        }
        rowName[r] = names.code(instance.instanceName)
        rowCharge[r] = charges.code(instance.instanceChargeType)
        rowPrivateIp[r] = SortKey.address(instance.privateIp).number
        rowPublicIp[r] = SortKey.address(instance.publicIp).number
    }
}
