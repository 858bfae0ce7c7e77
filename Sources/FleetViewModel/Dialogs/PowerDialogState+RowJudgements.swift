import ECSAPI
import FleetCore
import Foundation

extension PowerDialogState {
    /// The judgements of table rows for one action, StoppedMode and time. A row's verdict depends only on its
    /// kind (region and facts, recorded by the table) and on whether its subscription has ended by then, so each
    /// such pair is judged once, however many of 100,000 rows share it.
    struct RowJudgements {
        private let kinds: [InstanceTable.PreflightKind]
        private let kindOfRow: [Int32]
        private let expiry: [Double]
        private let action: PowerAction
        private let stopCharging: Bool
        private let now: Date
        private let seconds: Double
        /// The judgement number of each (kind, expired) pair, or -1 before it is judged.
        private var numbers: [Int32]

        init(_ table: InstanceTable, action: PowerAction, stopCharging: Bool, now: Date) {
            kinds = table.preflightKinds.values
            kindOfRow = table.preflightKind
            expiry = table.expiry
            self.action = action
            self.stopCharging = stopCharging
            self.now = now
            seconds = now.timeIntervalSinceReferenceDate
            numbers = [Int32](repeating: -1, count: kinds.count * 2)
        }

        /// The number in `targets` of row `r`'s judgement.
        mutating func number(ofRow r: Int32, in targets: inout Targets) -> Int32 {
            let kind = Int(kindOfRow[Int(r)])
            let expired = expiry[Int(r)] < seconds
            let key = kind * 2 + (expired ? 1 : 0)
            if numbers[key] < 0 {
                var facts = kinds[kind].facts
                facts.expiresAt = expired ? .distantPast : nil
                numbers[key] = targets.number(
                    of: Judgement(
                        regionId: kinds[kind].regionId, facts: facts, action: action, stopCharging: stopCharging,
                        now: now))
            }
            return numbers[key]
        }
    }
}
