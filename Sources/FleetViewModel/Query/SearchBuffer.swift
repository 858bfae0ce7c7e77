import FleetCore
import Foundation

/// Every row's search text in one contiguous byte buffer, so a filter keystroke is one scan with `memchr`
/// instead of 100,000 string searches. Each row's text is a segment followed by a newline (search text never
/// contains one). A row whose text changes gets a new segment at the end; the old one is left dead until the
/// buffer is compacted.
struct SearchBuffer: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Start of each segment, ascending.
    private var segmentStart: [Int32] = []
    /// The row each segment belongs to, or -1 when dead.
    private var segmentOwner: [Int32] = []
    /// The live segment of each row, or -1.
    private var rowSegment: [Int32] = []
    private var deadBytes = 0
    /// How often each byte value occurs, to anchor a search on the needle's rarest byte.
    private var histogram = [Int](repeating: 0, count: 256)

    static let terminator: UInt8 = 0x0A

    /// Sets the search text of `row`; returns whether it changed.
    @discardableResult
    mutating func set(row: Int32, text: [UInt8]) -> Bool {
        let r = Int(row)
        while rowSegment.count <= r { rowSegment.append(-1) }
        if let range = segmentRange(row: row), bytes[range].elementsEqual(text) { return false }
        remove(row: row)
        rowSegment[r] = Int32(segmentStart.count)
        segmentStart.append(Int32(bytes.count))
        segmentOwner.append(row)
        bytes.append(contentsOf: text)
        bytes.append(Self.terminator)
        for b in text { histogram[Int(b)] += 1 }
        if deadBytes > 1 << 16 && deadBytes > bytes.count / 2 { compact() }
        return true
    }

    /// Forgets the search text of `row`.
    mutating func remove(row: Int32) {
        let r = Int(row)
        guard r < rowSegment.count, rowSegment[r] >= 0, let range = segmentRange(row: row) else { return }
        for b in bytes[range] { histogram[Int(b)] -= 1 }
        deadBytes += range.count + 1
        segmentOwner[Int(rowSegment[r])] = -1
        rowSegment[r] = -1
    }

    /// The bytes of `row`'s live segment (without its terminator).
    func segmentRange(row: Int32) -> Range<Int>? {
        let r = Int(row)
        guard r < rowSegment.count, rowSegment[r] >= 0 else { return nil }
        return segmentRange(Int(rowSegment[r]))
    }

    private func segmentRange(_ s: Int) -> Range<Int> {
        let end = s + 1 < segmentStart.count ? Int(segmentStart[s + 1]) : bytes.count
        return Int(segmentStart[s])..<(end - 1)
    }

    /// Whether `row`'s text contains `needle`.
    func row(_ row: Int32, contains needle: [UInt8]) -> Bool {
        guard let range = segmentRange(row: row) else { return false }
        if needle.isEmpty { return true }
        guard range.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            needle.withUnsafeBufferPointer { nd in
                Self.firstMatch(buf.baseAddress!, from: range.lowerBound, to: range.upperBound, nd) != nil
            }
        }
    }

    /// Clears `candidates[row]` for the rows whose text does not contain `needle` (with `keep` false: does).
    /// Segments are visited in buffer order, skipping rows that are not candidates, so memory is read front to
    /// back: checking rows in list order would jump around the buffer and cost a cache miss each.
    func refine(_ candidates: inout [Bool], containing needle: [UInt8], keep: Bool = true) {
        let anchor = needle.indices.min { histogram[Int(needle[$0])] < histogram[Int(needle[$1])] } ?? 0
        bytes.withUnsafeBufferPointer { buf in
            needle.withUnsafeBufferPointer { nd in
                segmentStart.withUnsafeBufferPointer { starts in
                    segmentOwner.withUnsafeBufferPointer { owners in
                        candidates.withUnsafeMutableBufferPointer { flags in
                            for s in 0..<starts.count {
                                let owner = Int(owners[s])
                                guard owner >= 0, owner < flags.count, flags[owner] else { continue }
                                let from = Int(starts[s])
                                let to = (s + 1 < starts.count ? Int(starts[s + 1]) : buf.count) - 1
                                let hit =
                                    nd.isEmpty
                                    || Self.contains(buf.baseAddress!, from: from, to: to, nd, anchor: anchor)
                                if hit != keep { flags[owner] = false }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether `needle` occurs in `base[from..<to]`, looking for its byte at `anchor` first.
    @inline(__always)
    private static func contains(
        _ base: UnsafePointer<UInt8>, from: Int, to: Int, _ nd: UnsafeBufferPointer<UInt8>, anchor: Int
    ) -> Bool {
        let len = nd.count
        guard to - from >= len else { return false }
        var p = from + anchor
        let last = to - len + anchor // the last place the anchor byte can start a match
        let a = nd[anchor]
        while p <= last {
            guard let hit = memchr(base + p, Int32(a), last + 1 - p) else { return false }
            let h = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if memcmp(base + h - anchor, nd.baseAddress!, len) == 0 { return true }
            p = h + 1
        }
        return false
    }

    /// The rows whose text contains `needle`, in row order of their segments.
    func rows(containing needle: [UInt8]) -> [Int32] {
        guard !needle.isEmpty, !bytes.isEmpty else { return needle.isEmpty ? segmentOwner.filter { $0 >= 0 } : [] }
        var out: [Int32] = []
        let anchor = needle.indices.min { histogram[Int(needle[$0])] < histogram[Int(needle[$1])] }!
        let starts = segmentStart
        let owners = segmentOwner
        let count = segmentStart.count
        bytes.withUnsafeBufferPointer { buf in
            needle.withUnsafeBufferPointer { nd in
                let base = buf.baseAddress!
                let n = buf.count
                let anchorByte = Int32(nd[anchor])
                let len = nd.count
                var p = anchor
                var seg = 0
                while p < n, let hit = memchr(base + p, anchorByte, n - p) {
                    let h = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    let start = h - anchor
                    while seg + 1 < count && Int(starts[seg + 1]) <= start { seg += 1 }
                    let segEnd = (seg + 1 < count ? Int(starts[seg + 1]) : n) - 1
                    if start >= Int(starts[seg]), start + len <= segEnd, base[start] == nd[0],
                        base[start + len - 1] == nd[len - 1],
                        memcmp(base + start, nd.baseAddress!, len) == 0
                    {
                        if owners[seg] >= 0 { out.append(owners[seg]) }
                        p = segEnd + 1 + anchor
                        seg += 1
                        if seg >= count { break }
                    } else {
                        p = h + 1
                    }
                }
            }
        }
        return out
    }

    /// Where `needle` first occurs in `base[from..<to]`.
    private static func firstMatch(_ base: UnsafePointer<UInt8>, from: Int, to: Int, _ nd: UnsafeBufferPointer<UInt8>)
        -> Int?
    {
        var p = from
        let first = Int32(nd[0])
        let len = nd.count
        while p + len <= to, let hit = memchr(base + p, first, to - p) {
            let h = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if h + len > to { return nil }
            if memcmp(base + h, nd.baseAddress!, len) == 0 { return h }
            p = h + 1
        }
        return nil
    }

    /// Rewrites the buffer with live segments only.
    private mutating func compact() {
        var fresh = SearchBuffer()
        fresh.rowSegment = [Int32](repeating: -1, count: rowSegment.count)
        fresh.bytes.reserveCapacity(bytes.count - deadBytes)
        for s in segmentStart.indices where segmentOwner[s] >= 0 {
            let row = segmentOwner[s]
            fresh.rowSegment[Int(row)] = Int32(fresh.segmentStart.count)
            fresh.segmentStart.append(Int32(fresh.bytes.count))
            fresh.segmentOwner.append(row)
            fresh.bytes.append(contentsOf: bytes[segmentRange(s)])
            fresh.bytes.append(Self.terminator)
        }
        fresh.histogram = histogram
        self = fresh
    }
}
