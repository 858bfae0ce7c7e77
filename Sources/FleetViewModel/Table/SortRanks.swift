import FleetCore

/// Sorting helpers for the instance list at 100,000 rows: dense ranks of many keys (compared as packed integers,
/// the full text only when the first 24 bytes tie), and a stable radix sort of rows by a 64-bit key per row.
enum SortRanks {
    /// A key's number and the first 24 bytes of its text, packed big-endian, so most comparisons are integer ones.
    private struct Packed {
        var number: UInt64
        var w0: UInt64, w1: UInt64, w2: UInt64
        var length: Int
        var index: Int32
    }

    /// Dense ranks of `keys`: equal keys get equal ranks, and ranks ascend as the keys do (`SortKey.order`).
    static func dense(_ keys: [SortKey]) -> [UInt64] {
        guard !keys.isEmpty else { return [] }
        var packed = [Packed]()
        packed.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() { packed.append(pack(key, index: Int32(i))) }
        var ranks = [UInt64](repeating: 0, count: keys.count)
        keys.withUnsafeBufferPointer { k in
            packed.sort { a, b in compare(a, b, k) == .less }
            var rank: UInt64 = 0
            ranks[Int(packed[0].index)] = 0
            for n in 1..<packed.count {
                if compare(packed[n - 1], packed[n], k) != .equal { rank += 1 }
                ranks[Int(packed[n].index)] = rank
            }
        }
        return ranks
    }

    private enum Comparison { case less, equal, greater }

    @inline(__always)
    private static func compare(_ a: Packed, _ b: Packed, _ keys: UnsafeBufferPointer<SortKey>) -> Comparison {
        if a.number != b.number { return a.number < b.number ? .less : .greater }
        if a.w0 != b.w0 { return a.w0 < b.w0 ? .less : .greater }
        if a.w1 != b.w1 { return a.w1 < b.w1 ? .less : .greater }
        if a.w2 != b.w2 { return a.w2 < b.w2 ? .less : .greater }
        // Zero padding is the smallest byte, so equal words mean one text starts with the other, up to 24 bytes.
        if a.length <= 24 && b.length <= 24 {
            return a.length == b.length ? .equal : (a.length < b.length ? .less : .greater)
        }
        let ta = keys[Int(a.index)].text.utf8
        let tb = keys[Int(b.index)].text.utf8
        if ta.elementsEqual(tb) { return .equal }
        return ta.lexicographicallyPrecedes(tb) ? .less : .greater
    }

    private static func pack(_ key: SortKey, index: Int32) -> Packed {
        let utf8 = key.text.utf8
        // Native strings expose their bytes; iterating the view byte by byte is several times slower.
        let words = utf8.withContiguousStorageIfAvailable(words) ?? Array(utf8).withUnsafeBufferPointer(words)
        return Packed(number: key.number, w0: words.0, w1: words.1, w2: words.2, length: utf8.count, index: index)
    }

    /// The first 24 bytes, big-endian, zero-padded.
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64) {
        var w: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for i in 0..<min(24, bytes.count) {
            let shifted = UInt64(bytes[i]) << UInt64(56 - 8 * (i % 8))
            switch i / 8 {
            case 0: w.0 |= shifted
            case 1: w.1 |= shifted
            default: w.2 |= shifted
            }
        }
        return w
    }

    /// Sorts `rows` by `keys[row]`, keeping the order of rows with equal keys (so rows given in ID order stay in
    /// ID order within a key). Least significant digit first (16 bits for long lists, 8 for short ones), skipping
    /// the digits on which every key agrees.
    static func stableSort(_ rows: inout [Int32], by keys: [UInt64]) {
        guard rows.count > 1 else { return }
        let bits: UInt64 = rows.count >= 1 << 14 ? 16 : 8
        let buckets = 1 << Int(bits)
        let mask = UInt64(buckets - 1)
        keys.withUnsafeBufferPointer { k in
            let first = k[Int(rows[0])]
            var differing: UInt64 = 0
            for r in rows { differing |= k[Int(r)] ^ first }
            guard differing != 0 else { return }
            var buffer = [Int32](repeating: 0, count: rows.count)
            var counts = [Int](repeating: 0, count: buckets)
            var shift: UInt64 = 0
            while shift < 64 {
                defer { shift += bits }
                guard (differing >> shift) & mask != 0 else { continue }
                rows.withUnsafeMutableBufferPointer { src in
                    buffer.withUnsafeMutableBufferPointer { dst in
                        counts.withUnsafeMutableBufferPointer { c in
                            c.update(repeating: 0)
                            for r in src { c[Int((k[Int(r)] >> shift) & mask)] += 1 }
                            var total = 0
                            for i in 0..<buckets {
                                let n = c[i]
                                c[i] = total
                                total += n
                            }
                            for r in src {
                                let d = Int((k[Int(r)] >> shift) & mask)
                                dst[c[d]] = r
                                c[d] += 1
                            }
                        }
                    }
                }
                swap(&rows, &buffer)
            }
        }
    }

    /// Merges `moving` (sorted by `precedes`) into `rest` (sorted the same way), finding each place by binary
    /// search: a few changed rows cost a few comparisons each, not one per row of the list.
    static func merge(_ moving: [Int32], into rest: [Int32], by precedes: (Int32, Int32) -> Bool) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(rest.count + moving.count)
        var low = 0
        for m in moving {
            var a = low
            var b = rest.count
            while a < b {
                let mid = (a + b) / 2
                if precedes(rest[mid], m) { a = mid + 1 } else { b = mid }
            }
            out.append(contentsOf: rest[low..<a])
            out.append(m)
            low = a
        }
        out.append(contentsOf: rest[low...])
        return out
    }
}
