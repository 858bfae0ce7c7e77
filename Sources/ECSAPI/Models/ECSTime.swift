import Foundation

/// UTC times as the API writes them: `2017-12-10T04:04Z` or `2017-12-10T04:04:05Z` (both are read).
public enum ECSTime {
    /// Parses either form (fractional seconds are tolerated); `nil` when it is neither.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard (48...57).contains(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 17, b.last == UInt8(ascii: "Z"), let y = num(0, 4), b[4] == 45, let mo = num(5, 2), b[7] == 45,
            let d = num(8, 2), b[10] == UInt8(ascii: "T"), let h = num(11, 2), b[13] == 58, let mi = num(14, 2)
        else { return nil }
        var s = 0
        if b.count > 17 {
            guard b[16] == 58, let sec = num(17, 2) else { return nil }
            s = sec
            if b.count > 20 {
                guard b[19] == UInt8(ascii: "."), b[20..<(b.count - 1)].allSatisfy({ (48...57).contains($0) }) else {
                    return nil
                }
            }
        }
        guard (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var tm = tm()
        tm.tm_year = Int32(y - 1900)
        tm.tm_mon = Int32(mo - 1)
        tm.tm_mday = Int32(d)
        tm.tm_hour = Int32(h)
        tm.tm_min = Int32(mi)
        tm.tm_sec = Int32(s)
        return Date(timeIntervalSince1970: TimeInterval(timegm(&tm)))
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, the form signatures (`x-acs-date`, `Timestamp`) use.
    public static func formatSeconds(_ date: Date) -> String { SignatureV3.formatTimestamp(date) }

    /// `yyyy-MM-ddTHH:mmZ`, the form `DescribeInstances` uses for creation and expiry times.
    public static func formatMinutes(_ date: Date) -> String { String(formatSeconds(date).prefix(16)) + "Z" }
}
