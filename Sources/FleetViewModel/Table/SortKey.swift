import ECSAPI
import FleetCore
import Foundation

/// One instance's value in a sort column: a number first, then a lower-case text compared byte by byte. Rows
/// with equal keys are ordered by instance ID (byte by byte), so the order is total and inverting it is reversing it.
///
/// The whole-list sort never compares keys row by row: it turns each row's key into a rank (see
/// `InstanceTable+Sorting`); keys are compared directly only to place the few rows a refresh changed.
struct SortKey: Sendable, Equatable {
    var number: UInt64
    /// Lower case (`SortKey.normalized`); empty for columns sorted by number only.
    var text: String

    /// Missing values (no name, no public IP, no last operation) sort after present ones.
    static let missing = UInt64.max
    /// Addresses that are not IPv4 sort after every IPv4 address, by text.
    static let otherAddress: UInt64 = 1 << 33

    /// The key of `instance` for `column`.
    static func make(_ column: SortColumn, _ instance: borrowing Instance, _ last: LastOperation?) -> SortKey {
        switch column {
        case .id: return SortKey(number: 0, text: "")
        case .name: return name(instance.instanceName)
        case .status: return status(instance.status)
        case .type: return SortKey(number: 0, text: normalized(instance.instanceType))
        case .zone: return SortKey(number: 0, text: normalized(instance.zoneId))
        case .privateIp: return address(instance.privateIp)
        case .publicIp: return address(instance.publicIp)
        case .charge: return SortKey(number: 0, text: normalized(instance.instanceChargeType))
        case .region: return SortKey(number: 0, text: normalized(instance.regionId))
        case .lastOperation: return lastOperation(last)
        case .eco: return eco(instance.isEconomicalModeEligible)
        case .lock: return lock(instance)
        case .tags: return tags(instance.tags)
        }
    }

    /// As the column reads: `no` before `yes`.
    static func eco(_ eligible: Bool) -> SortKey { SortKey(number: eligible ? 1 : 0, text: "") }

    /// Security locks first, then financial ones, then any other reason by its text; unlocked last.
    static func lock(_ instance: borrowing Instance) -> SortKey { lock(label: lockLabel(instance)) }

    /// What the LOCK column says, in lower case: `security`, `financial`, another reason, or empty.
    static func lockLabel(_ instance: borrowing Instance) -> String {
        if instance.operationLocks.isEmpty { return "" }
        if instance.hasSecurityLock { return "security" }
        if instance.hasFinancialLock { return "financial" }
        return normalized(instance.operationLocks.first?.lockReason ?? "")
    }

    /// The key of a lock label (`lockLabel`).
    static func lock(label: String) -> SortKey {
        switch label {
        case "": return SortKey(number: missing, text: "")
        case "security": return SortKey(number: 0, text: "")
        case "financial": return SortKey(number: 1, text: "")
        default: return SortKey(number: 2, text: label)
        }
    }

    /// By the tags as the column writes them (`app=web,env=prod`), in lower case; untagged last.
    static func tags(_ tags: [Instance.Tag]) -> SortKey { self.tags(text: tagsText(tags)) }

    /// The tags as the column writes them.
    static func tagsText(_ tags: [Instance.Tag]) -> String {
        tags.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// The key of a tags text (`tagsText`).
    static func tags(text: String) -> SortKey {
        text.isEmpty ? SortKey(number: missing, text: "") : SortKey(number: 0, text: normalized(text))
    }

    /// Named instances by name; unnamed ones last.
    static func name(_ name: String) -> SortKey {
        name.isEmpty ? SortKey(number: missing, text: "") : SortKey(number: 0, text: normalized(name))
    }

    /// The five states in lifecycle order, then any other state by its text.
    static func status(_ status: InstanceStatus) -> SortKey {
        if let rank = InstanceStatus.all.firstIndex(of: status) { return SortKey(number: UInt64(rank), text: "") }
        return SortKey(number: UInt64(InstanceStatus.all.count), text: normalized(status.rawValue))
    }

    /// By when the last operation happened; none last.
    static func lastOperation(_ last: LastOperation?) -> SortKey {
        SortKey(number: last.map { UInt64(max(0, $0.time.timeIntervalSince1970 * 1000)) } ?? missing, text: "")
    }

    /// IPv4 addresses in numeric order; anything else after them, by text; none last.
    static func address(_ ip: String?) -> SortKey {
        guard let ip, !ip.isEmpty else { return SortKey(number: missing, text: "") }
        guard let value = ipv4(ip) else { return SortKey(number: otherAddress, text: normalized(ip)) }
        return SortKey(number: value, text: "")
    }

    /// The numeric value of a dotted IPv4 address, or `nil`.
    static func ipv4(_ ip: String) -> UInt64? {
        var value: UInt64 = 0
        var octet: UInt64 = 0
        var digits = 0
        var dots = 0
        for b in ip.utf8 {
            if b == 0x2E, digits > 0, dots < 3 {
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
            } else if b >= 0x30, b <= 0x39, digits < 3 {
                octet = octet * 10 + UInt64(b - 0x30)
                digits += 1
                if octet > 255 { return nil }
            } else {
                return nil
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        return value << 8 | octet
    }

    /// Lower case; ASCII text (the usual case) without going through Unicode case mapping.
    static func normalized(_ s: String) -> String {
        var ascii = true
        var upper = false
        for b in s.utf8 {
            if b >= 0x80 {
                ascii = false
                break
            }
            if b >= 0x41 && b <= 0x5A { upper = true }
        }
        if !ascii { return s.lowercased() }
        guard upper else { return s }
        return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// `true` if `a` < `b`, `false` if greater, `nil` if equal.
    static func order(_ a: SortKey, _ b: SortKey) -> Bool? {
        if a.number != b.number { return a.number < b.number }
        // Bytes, not `String ==`: canonically equivalent but different texts must still order one way.
        if a.text.utf8.elementsEqual(b.text.utf8) { return nil }
        return a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
    }
}
