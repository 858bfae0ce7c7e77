import ECSAPI
import Foundation
import Testing

@testable import FleetCore
@testable import FleetViewModel

/// The stop dialog keeps its counts change by change; these tests count again from scratch after every step
/// (options, refreshes, previews, dropping hidden targets) and compare.
@Suite struct DialogTallyTests {
    /// Counts as the dialog showed them before they were kept incrementally: one pass over every target.
    struct Recount: Equatable {
        var statuses: [String]
        var send: Int
        var skipReasons: [String]
        var calls: Int
        var notEligible: Int
        var preview: String?
        var firstCommand: String?

        /// `instances`: what the screen's table knows (targets keep no instance).
        init(_ d: PowerDialogState, _ instances: (String) -> Instance?) {
            var counts: [InstanceStatus: Int] = [:]
            var missing = 0
            var reasons: [String: Int] = [:]
            var perRegion: [String: Int] = [:]
            var passed = 0
            var failed = 0
            for t in d.targets {
                if let s = t.status { counts[s, default: 0] += 1 } else { missing += 1 }
                if case .skip(_, let reason) = t.preflight {
                    reasons[reason, default: 0] += 1
                } else {
                    perRegion[t.regionId, default: 0] += 1
                }
                switch t.dryRun?.outcome {
                case .dryRunPassed?: passed += 1
                case .dryRunFailed?, .failed?: failed += 1
                default: break
                }
            }
            statuses = counts.keys.sorted().map { "\($0) \(counts[$0]!)" } + (missing > 0 ? ["unknown \(missing)"] : [])
            send = d.targets.filter(\.willSend).count
            skipReasons = reasons.keys.map { "\($0) \(reasons[$0]!)" }.sorted()
            calls = perRegion.values.reduce(0) { $0 + ($1 + 99) / 100 }
            notEligible =
                d.targets.filter {
                    $0.willSend && !(instances($0.instanceId)?.isEconomicalModeEligible ?? true)
                }.count
            if case .done = d.preview { preview = "\(passed) \(failed) \(d.targets.count - send)" }
            firstCommand = d.commandLines.first
        }

        /// The same counts as the dialog reports them.
        static func shown(_ d: PowerDialogState, _ instances: (String) -> Instance?) -> Recount {
            var r = Recount(d, instances)
            r.statuses = d.statusCounts.map { "\($0.status?.rawValue ?? "unknown") \($0.count)" }
            r.send = d.sendCount
            r.skipReasons = d.skipReasons.map { "\($0.reason) \($0.count)" }.sorted()
            r.calls = d.callCount
            r.notEligible = d.notEligibleCount
            r.preview = d.previewCounts.map { "\($0.passed) \($0.failed) \($0.skipped)" }
            r.firstCommand = d.firstCommandLine
            return r
        }
    }

    struct Random {
        var seed: UInt64
        mutating func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
    }

    static func instance(_ n: Int, _ r: inout Random) -> Instance {
        VM.instance(
            n, [InstanceStatus.running, .running, .running, .stopped, .pending, .stopping][r.next(6)],
            region: [VM.hangzhou, VM.shanghai][r.next(2)]
        ) { i in
            i.instanceId = "i-t\(n)"
            switch r.next(8) {
            case 0: i.instanceNetworkType = "classic"
            case 1:
                i.instanceChargeType = "PrePaid"
                i.expiredTime = r.next(2) == 0 ? "2099-01-01T00:00Z" : "2001-01-01T00:00Z"
            case 2: i.localStorageAmount = 1
            case 3: i.operationLocks = [.init(lockReason: ["security", "financial", "recycling"][r.next(3)])]
            default: i.instanceNetworkType = "vpc"
            }
        }
    }

    /// Every verdict is what `Preflight` says for the dialog's options.
    static func verdictsMatch(_ d: PowerDialogState, _ instances: (String) -> Instance?) -> Bool {
        d.targets.allSatisfy { t in
            let instance = instances(t.instanceId)
            return t.preflight
                == Preflight.judge(instance, id: t.instanceId, action: d.action, options: d.options, now: d.judgedAt)
                .verdict && t.status == instance?.status
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func keptCountsEqualAFullRecountAfterEveryStep(_ seed: UInt64) {
        var r = Random(seed: seed)
        var known = (1...260).map { Self.instance($0, &r) }
        let list =
            known.map { (instanceId: $0.instanceId, regionId: $0.regionId, instance: Optional($0)) }
            + [
                (instanceId: "i-gone", regionId: "", instance: nil),
                (instanceId: "bad id", regionId: "", instance: nil),
            ]
        let hidden = Set(known.filter { _ in r.next(10) == 0 }.map(\.instanceId))
        var d = PowerDialogState(action: .stop, targets: list, hidden: hidden, now: VM.t0)
        // What the dialog was told of each target, as the screen's table holds it.
        var table = InstanceTable()
        table.upsert(known, region: "", generation: 1)
        let lookup = { (id: String) in table.instance(id) }
        #expect(Recount.shown(d, lookup) == Recount(d, lookup))
        for step in 0..<120 {
            switch r.next(7) {
            case 0: d.toggleForceStop()
            case 1: d.cycleStoppedMode()
            case 2: d.cycleBatch()
            case 3:
                var changed: [Instance] = []
                for _ in 0..<(1 + r.next(40)) {
                    let k = r.next(known.count)
                    known[k] = Self.instance(k + 1, &r)
                    known[k].regionId = list[k].regionId // an instance never changes region
                    changed.append(known[k])
                    table.upsert([known[k]], region: known[k].regionId, generation: 1)
                }
                let gone = (0..<r.next(3)).map { _ in known[r.next(known.count)].instanceId }
                for id in gone { table.remove([id], region: table.instance(id)?.regionId ?? "") }
                d.refresh(changed, gone: gone, now: VM.t0.addingTimeInterval(Double(step)))
            case 4:
                d.startPreview("p\(step)")
                let results = d.targets.filter(\.willSend).map { t in
                    InstanceResult(
                        instanceId: t.instanceId, regionId: t.regionId,
                        outcome: [.dryRunPassed, .dryRunFailed, .failed, .queued][r.next(4)], previousStatus: "",
                        currentStatus: "")
                }
                d.applyPreview(OperationEngine.Report(operation: "p\(step)", results: results, notes: []))
            case 5: if r.next(4) == 0 { d.dropHidden() }
            default: d.judge(now: VM.t0.addingTimeInterval(Double(step)), table: table)
            }
            #expect(Recount.shown(d, lookup) == Recount(d, lookup), "seed \(seed), step \(step)")
            #expect(Self.verdictsMatch(d, lookup), "seed \(seed), step \(step)")
        }
    }

    @Test func forceStopAndBatchChangeNoVerdictAndStoppedModeOnlyTheIneligible() {
        var r = Random(seed: 9)
        let list = (1...50).map { Self.instance($0, &r) }.map {
            (instanceId: $0.instanceId, regionId: $0.regionId, instance: Optional($0))
        }
        var d = PowerDialogState(action: .stop, targets: list, now: VM.t0)
        let table = Dictionary(uniqueKeysWithValues: list.map { ($0.instanceId, $0.instance) })
        let lookup = { (id: String) in table[id] ?? nil }
        let before = d.targets.map(\.preflight)
        d.toggleForceStop()
        d.cycleBatch()
        #expect(d.targets.map(\.preflight) == before)
        d.cycleStoppedMode()
        d.cycleStoppedMode() // StopCharging
        let changed = zip(before, d.targets).filter { $0.0 != $0.1.preflight }.map(\.1)
        #expect(!changed.isEmpty)
        #expect(
            changed.allSatisfy { t in
                if case .standardModeOnly = t.preflight {
                    return lookup(t.instanceId).flatMap(Preflight.ineligibility) != nil
                }
                return false
            })
        #expect(Self.verdictsMatch(d, lookup))
    }
}
