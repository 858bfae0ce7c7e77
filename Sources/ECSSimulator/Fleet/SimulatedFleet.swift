import ECSAPI
import Foundation

/// The simulated account: every instance in every region, advanced lazily on the injected clock.
///
/// Transitions are settled when the fleet is next read, so no timers run and a manual clock drives
/// the whole lifecycle in tests.
public actor SimulatedFleet {
    let configuration: SimulatorConfiguration
    let clock: any SimulatorClock
    /// Every instance, reached by position (see `InstanceRecords`).
    var table = InstanceRecords()
    /// Transitions not yet settled, soonest first.
    var inFlight = TransitionQueue()
    var rng: SeededRandom
    /// Secret for `NextToken`s, so only tokens this simulator issued are accepted.
    let tokenKey: UInt64
    var stateStore: StateStore?
    /// The last filtered `DescribeInstances`' matches, reused while the fleet does not change, so paging through
    /// a filtered region tests each instance once rather than once a page.
    var lastMatches: FilterMatches?

    /// Creates a fleet from instances (for example a fleet file or a generated fleet).
    public init(instances list: [Instance], configuration: SimulatorConfiguration, clock: any SimulatorClock) {
        self.configuration = configuration
        self.clock = clock
        var rng = SeededRandom(seed: configuration.seed)
        tokenKey = rng.next()
        self.rng = rng
        for instance in list { Self.insert(instance, transition: nil, into: &table) }
        stateStore = configuration.statePath.map(StateStore.init(path:))
    }

    /// Adds or replaces an instance. A running (or starting, or pending) instance without a `StoppedMode` gets
    /// the Decision's value: `KeepCharging`, or `Not-applicable` when it cannot use economical mode
    /// (docs/ECS-SEMANTICS.md#lifecycle).
    static func insert(
        _ instance: Instance, transition: SimulatedInstance.Transition?, into table: inout InstanceRecords
    ) {
        var instance = instance
        if instance.stoppedMode.isEmpty, [.running, .starting, .pending].contains(instance.status) {
            instance.stoppedMode =
                (instance.isEconomicalModeEligible ? StoppedMode.keepCharging : .notApplicable).rawValue
        }
        table.insert(instance, transition: transition)
    }

    /// The regions that hold at least one instance.
    public var fleetRegions: [String] { table.regionOrder.keys.sorted() }

    /// Number of instances in the account.
    public var count: Int { table.count }

    /// A snapshot of every instance, settled to now, in stable order.
    public func snapshot() -> [Instance] {
        settle()
        return table.inStableOrder.map(\.instance)
    }

    /// One instance, settled to now.
    public func instance(_ id: String) -> Instance? {
        settle()
        return table.position(id).map { table.records[$0].instance }
    }

    /// Ends every transition whose time has come: only the due ones are touched, so a request costs nothing
    /// extra however many instances are stopping.
    func settle() {
        let now = clock.now()
        while let (id, endsAt) = inFlight.popDue(now) {
            guard let p = table.position(id), let t = table.records[p].transition, t.endsAt == endsAt else { continue }
            table.update(p) { $0.settle(t) }
        }
    }

    /// Restores persisted state over the loaded fleet (transitions included), then saves.
    func restore(from saved: [(Instance, Date?, InstanceStatus?)]) {
        for (instance, endsAt, to) in saved {
            let t = endsAt.flatMap { e in to.map { SimulatedInstance.Transition(endsAt: e, to: $0) } }
            Self.insert(instance, transition: t, into: &table)
            if let t { inFlight.push(instance.instanceId, endsAt: t.endsAt) }
        }
    }

    /// Writes the whole state to the `--state` file, if one is set.
    func persist() throws {
        guard let stateStore else { return }
        try stateStore.save(table.inStableOrder)
    }
}
