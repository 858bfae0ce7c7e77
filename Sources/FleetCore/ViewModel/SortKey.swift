import ECSAPI

/// One row's key for the sort column, precomputed and free of references so sorting compares integers:
/// rows compare by `number`, then the text's first 24 UTF-8 bytes (packed big-endian), then the ID's first 24
/// bytes. Only when those are equal and a text or ID is longer are the full strings compared.
struct SortKey: Sendable, Equatable {
    var number: UInt64
    var text: (UInt64, UInt64, UInt64)
    var id: (UInt64, UInt64, UInt64)
    var textIsLong: Bool
    var idIsLong: Bool

    /// Missing values (no public IP, no last operation) sort after present ones.
    static let missing = UInt64.max
    /// The key of a removed row (never compared).
    static let removed = SortKey(number: 0, text: "", id: "")

    init(number: UInt64, text: String, id: String, lowercasing: Bool = false) {
        self.number = number
        (self.text, textIsLong) = Self.pack(text, lowercasing: lowercasing)
        (self.id, idIsLong) = Self.pack(id, lowercasing: false)
    }

    static func == (l: SortKey, r: SortKey) -> Bool {
        l.number == r.number && l.text == r.text && l.id == r.id && l.textIsLong == r.textIsLong && l.idIsLong == r.idIsLong
    }

    /// The key of `instance` for `column`, and the full (lower-case) text when it is longer than 24 bytes.
    static func make(_ column: SortColumn, _ instance: borrowing Instance, _ last: LastOperation?) -> (SortKey, String?) {
        withUnsafePointer(to: instance) { make(column, $0, last) }
    }

    /// The same, reading the instance in place (sorting reads 100,000 of them; copying each would dominate).
    @inline(__always)
    static func make(_ column: SortColumn, _ p: UnsafePointer<Instance>, _ last: LastOperation?) -> (SortKey, String?) {
        let number: UInt64, text: String
        switch column {
        case .id: (number, text) = (0, "")
        case .name: (number, text) = (p.pointee.instanceName.isEmpty ? missing : 0, p.pointee.instanceName)
        case .status:
            let rank = InstanceStatus.all.firstIndex(of: p.pointee.status) ?? InstanceStatus.all.count
            (number, text) = (UInt64(rank), rank < InstanceStatus.all.count ? "" : p.pointee.status.rawValue)
        case .type: (number, text) = (0, p.pointee.instanceType)
        case .zone: (number, text) = (0, p.pointee.zoneId)
        case .privateIp: (number, text) = address(p.pointee.privateIp)
        case .publicIp: (number, text) = address(p.pointee.publicIp)
        case .charge: (number, text) = (0, p.pointee.instanceChargeType)
        case .region: (number, text) = (0, p.pointee.regionId)
        case .lastOperation: (number, text) = (last.map { UInt64(max(0, $0.time.timeIntervalSince1970 * 1000)) } ?? missing, "")
        }
        let key = SortKey(number: number, text: text, id: p.pointee.instanceId, lowercasing: true)
        return (key, key.textIsLong ? text.lowercased() : nil)
    }

    /// IPv4 addresses in numeric order; anything else after them, by text; none last.
    static func address(_ ip: String?) -> (UInt64, String) {
        guard let ip, !ip.isEmpty else { return (missing, "") }
        var value: UInt64 = 0, octet: UInt64 = 0, digits = 0, dots = 0
        for b in ip.utf8 {
            if b == 0x2E, digits > 0, dots < 3 {
                value = value << 8 | octet
                octet = 0; digits = 0; dots += 1
            } else if b >= 0x30, b <= 0x39, digits < 3 {
                octet = octet * 10 + UInt64(b - 0x30); digits += 1
                if octet > 255 { return (1 << 33, ip) }
            } else {
                return (1 << 33, ip)
            }
        }
        guard dots == 3, digits > 0 else { return (1 << 33, ip) }
        return (value << 8 | octet, "")
    }

    /// The first 24 UTF-8 bytes packed big-endian (ASCII letters lowered when asked), and whether there was more.
    static func pack(_ s: String, lowercasing: Bool) -> ((UInt64, UInt64, UInt64), Bool) {
        var w: (UInt64, UInt64, UInt64) = (0, 0, 0), i: UInt64 = 0
        for var b in s.utf8 {
            if i == 24 { return (w, true) }
            if lowercasing {
                if b >= 0x80 { return pack(s.lowercased(), lowercasing: false) }
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            }
            let shifted = UInt64(b) << (56 - 8 * (i % 8))
            switch i / 8 {
            case 0: w.0 |= shifted
            case 1: w.1 |= shifted
            default: w.2 |= shifted
            }
            i += 1
        }
        return (w, false)
    }

    /// `true` if `self` < `other`, `false` if greater, `nil` if equal on the packed parts of `part`.
    @inline(__always)
    static func order(_ a: (UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64)) -> Bool? {
        if a.0 != b.0 { return a.0 < b.0 }
        if a.1 != b.1 { return a.1 < b.1 }
        if a.2 != b.2 { return a.2 < b.2 }
        return nil
    }
}

/// A row with its key, as sorted.
struct SortEntry: Sendable {
    var key: SortKey
    var row: Int32
}
