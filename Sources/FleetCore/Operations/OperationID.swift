import Foundation

/// Operation IDs: the UTC time the operation was made, to the second, and four random letters or digits
/// (`261205-031712-k3f9`). Short enough to type into `journal --undo`, sorted by time when listed, and unique in
/// practice: two operations would have to start in the same second and draw the same four characters (1 in
/// 1.7 million). The screen and the commands make them the same way, so one ID names an operation everywhere.
public enum OperationID {
    /// The characters of the random part: lower-case letters and digits, easy to read out and to type.
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// A new ID for an operation made at `now`, its random part drawn from `generator`.
    public static func make(now: Date, using generator: inout some RandomNumberGenerator) -> String {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        let second = seconds - days * 86_400
        var text = twoDigits(y % 100) + twoDigits(m) + twoDigits(d) + "-"
        text += twoDigits(second / 3600) + twoDigits(second / 60 % 60) + twoDigits(second % 60) + "-"
        for _ in 0..<4 {
            text.append(Character(Unicode.Scalar(alphabet[Int(generator.next() % UInt64(alphabet.count))])))
        }
        return text
    }

    /// A new ID with the system's random numbers.
    public static func make(now: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(now: now, using: &generator)
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`),
    /// without a calendar object: the answer is the same on every platform and in every locale.
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
