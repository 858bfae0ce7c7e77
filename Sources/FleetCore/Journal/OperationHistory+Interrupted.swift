import Foundation

extension OperationHistory {
    /// "1 operation was interrupted: @ to review", for the unfinished operations made with `profile` (dry runs
    /// changed nothing and are left out); `nil` when there are none, or when the journal at `journalPath` cannot
    /// be read (the journal view then says why). Shown at launch and after `:profile` moves to other credentials.
    public static func interruptedBanner(journalPath: String, profile: String) -> String? {
        guard let records = try? Journal.read(path: journalPath) else { return nil }
        let count = OperationHistory(records: records).entries.filter {
            $0.isInterrupted && $0.profile == profile && !$0.isDryRun
        }.count
        guard count > 0 else { return nil }
        return count == 1
            ? "1 operation was interrupted: @ to review" : "\(count) operations were interrupted: @ to review"
    }
}
