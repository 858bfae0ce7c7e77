import ECSAPI
import FleetCore

extension PowerDialogState {
    /// The frozen targets, in order, as `Target`s. Each is stored as three numbers: its ID (a row of the table's
    /// ID array as it was when the dialog opened, or one of the IDs the table did not have), its judgement (one of
    /// the few distinct ones, kept once) and its dry run. Opening the dialog over 100,000 instances then writes
    /// 1 MB, and StoppedMode re-judges a handful of judgements instead of 100,000 targets. The ID array is the
    /// table's own, shared: the table copies it once if it takes in a new instance while the dialog is open.
    public struct Targets: RandomAccessCollection, Sendable {
        struct Slot: Sendable, Equatable {
            /// A row of `rowIds` (0 or more), or `~i` for `otherIds[i]`.
            var id: Int32
            /// An index into `judgements`.
            var judgement: Int32
            /// An index into `dryRuns`, or -1.
            var dryRun: Int32 = -1
        }

        /// IDs by table row: the table's own array when the dialog opened.
        private let rowIds: [String]
        private var otherIds: [String] = []
        private(set) var slots: [Slot] = []
        private var judged = Interner<Judgement>()
        private var dryRuns: [InstanceResult] = []

        /// No targets yet; `rowIds` are the table's IDs by row, for `append(row:judgement:)`.
        init(rowIds: [String] = []) { self.rowIds = rowIds }

        /// The first place, 0.
        public var startIndex: Int { 0 }
        /// One past the last place.
        public var endIndex: Int { slots.count }

        /// The target at `i`, as the dialog shows and counts it.
        public subscript(i: Int) -> Target {
            Target(instanceId: instanceId(at: i), judgement: judgement(at: i), dryRun: dryRun(at: i))
        }

        /// The ID of the target at `i`.
        func instanceId(at i: Int) -> String {
            let k = slots[i].id
            return k >= 0 ? rowIds[Int(k)] : otherIds[Int(~k)]
        }

        /// The judgement of the target at `i`.
        func judgement(at i: Int) -> Judgement { judgements[Int(slots[i].judgement)] }

        /// The dry run of the target at `i`, if previewed.
        func dryRun(at i: Int) -> InstanceResult? {
            slots[i].dryRun < 0 ? nil : dryRuns[Int(slots[i].dryRun)]
        }

        mutating func reserveCapacity(_ n: Int) { slots.reserveCapacity(n) }

        /// The distinct judgements, by number.
        var judgements: [Judgement] { judged.values }

        /// The number of `j`, kept once.
        mutating func number(of j: Judgement) -> Int32 { judged.code(j) }

        /// Adds table row `r` (of the IDs given at `init`), judged as judgement number `j`.
        mutating func append(row r: Int32, judgement j: Int32) { slots.append(Slot(id: r, judgement: j)) }

        /// Adds `id`, which the table does not have, judged as `j`.
        mutating func append(id: String, judgement j: Judgement) {
            otherIds.append(id)
            slots.append(Slot(id: ~Int32(otherIds.count - 1), judgement: number(of: j)))
        }

        /// Sets the judgement of the target at `i`.
        mutating func setJudgement(at i: Int, _ j: Judgement) {
            // Usually unchanged (a re-judgement before a preview): comparing is cheaper than looking it up.
            guard judgements[Int(slots[i].judgement)] != j else { return }
            slots[i].judgement = number(of: j)
        }

        /// Sets the judgement of the target at `i` to judgement number `n`.
        mutating func setJudgement(at i: Int, number n: Int32) { slots[i].judgement = n }

        /// Sets the dry run of the target at `i`.
        mutating func setDryRun(at i: Int, _ r: InstanceResult?) {
            guard let r else {
                slots[i].dryRun = -1
                return
            }
            dryRuns.append(r)
            slots[i].dryRun = Int32(dryRuns.count - 1)
        }

        /// Forgets every dry run.
        mutating func clearDryRuns() {
            guard !dryRuns.isEmpty else { return }
            for i in slots.indices { slots[i].dryRun = -1 }
            dryRuns = []
        }

        /// Sets every verdict for StoppedMode=StopCharging (`on`) or not: only the judgements change.
        mutating func setStopCharging(_ on: Bool) {
            judged.changeAll { $0.setStopCharging(on) }
        }

        /// Removes the targets whose ID satisfies `drop`.
        mutating func removeAll(where drop: (String) -> Bool) {
            let ids = (rowIds, otherIds)
            slots.removeAll { drop($0.id >= 0 ? ids.0[Int($0.id)] : ids.1[Int(~$0.id)]) }
        }

        /// How many targets have each judgement, by judgement number.
        var countsByJudgement: [Int] {
            var out = [Int](repeating: 0, count: judgements.count)
            for s in slots { out[Int(s.judgement)] += 1 }
            return out
        }

        /// The dry runs of the targets, one per target that has one.
        var targetDryRuns: [InstanceResult] { slots.compactMap { $0.dryRun < 0 ? nil : dryRuns[Int($0.dryRun)] } }

        /// The plan's first call as `OperationPlan` makes it: the region of the first target to send, and that
        /// region's first `limit` targets to send, in order (judged by judgement, not target by target).
        func firstCall(limit: Int) -> (region: String, ids: [String])? {
            let sends = judgements.map(\.willSend)
            guard let first = slots.firstIndex(where: { sends[Int($0.judgement)] }) else { return nil }
            let region = judgements[Int(slots[first].judgement)].regionId
            let inCall = judgements.map { $0.willSend && $0.regionId == region }
            var ids: [String] = []
            for i in slots.indices[first...] where inCall[Int(slots[i].judgement)] {
                ids.append(instanceId(at: i))
                if ids.count == limit { break }
            }
            return (region, ids)
        }
    }
}

extension PowerDialogState.Targets: Equatable {
    /// Equal when they hold the same targets in the same order, however they are stored.
    public static func == (l: Self, r: Self) -> Bool {
        guard l.count == r.count else { return false }
        // The same storage (a dialog compared with its copy): nothing to look at one by one.
        if l.slots == r.slots, l.judgements == r.judgements, l.dryRuns == r.dryRuns, l.rowIds == r.rowIds,
            l.otherIds == r.otherIds
        {
            return true
        }
        return l.elementsEqual(r)
    }
}
