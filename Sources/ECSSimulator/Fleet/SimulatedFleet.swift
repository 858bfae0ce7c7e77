import ECSAPI
import Foundation

/// The simulated account: every instance in every region, advanced lazily on the injected clock.
///
/// Transitions are settled when the fleet is next read, so no timers run and a manual clock drives
/// the whole lifecycle in tests.
public actor SimulatedFleet {
    let configuration: SimulatorConfiguration
    let clock: any SimulatorClock
    var instances: [String: SimulatedInstance] = [:]
    /// Instance IDs per region in a stable order (the order they were loaded).
    var regionOrder: [String: [String]] = [:]
    /// Transitions not yet settled, soonest first.
    var inFlight = TransitionQueue()
    var rng: SeededRandom
    /// Secret for `NextToken`s, so only tokens this simulator issued are accepted.
    let tokenKey: UInt64
    var stateStore: StateStore?

    /// Creates a fleet from instances (for example a fleet file or a generated fleet).
    public init(instances list: [Instance], configuration: SimulatorConfiguration, clock: any SimulatorClock) {
        self.configuration = configuration
        self.clock = clock
        var rng = SeededRandom(seed: configuration.seed)
        tokenKey = rng.next()
        self.rng = rng
        for instance in list { Self.insert(instance, transition: nil, into: &instances, order: &regionOrder) }
        stateStore = configuration.statePath.map(StateStore.init(path:))
    }

    /// Adds or replaces an instance. A running (or starting, or pending) instance without a `StoppedMode` gets
    /// the Decision's value: `KeepCharging`, or `Not-applicable` when it cannot use economical mode.
    static func insert(_ instance: Instance, transition: SimulatedInstance.Transition?,
                       into instances: inout [String: SimulatedInstance], order: inout [String: [String]]) {
        var instance = instance
        if instance.stoppedMode.isEmpty, [.running, .starting, .pending].contains(instance.status) {
            instance.stoppedMode = (instance.isEconomicalModeEligible ? StoppedMode.keepCharging : .notApplicable).rawValue
        }
        if instances[instance.instanceId] == nil { order[instance.regionId, default: []].append(instance.instanceId) }
        instances[instance.instanceId] = SimulatedInstance(instance: instance, transition: transition)
    }

    /// The regions that hold at least one instance.
    public var fleetRegions: [String] { regionOrder.keys.sorted() }

    /// Number of instances in the account.
    public var count: Int { instances.count }

    /// A snapshot of every instance, settled to now, in stable order.
    public func snapshot() -> [Instance] {
        settle()
        return regionOrder.keys.sorted().flatMap { regionOrder[$0]!.compactMap { instances[$0]?.instance } }
    }

    /// One instance, settled to now.
    public func instance(_ id: String) -> Instance? {
        settle()
        return instances[id]?.instance
    }

    /// Ends every transition whose time has come: only the due ones are touched, so a request costs nothing
    /// extra however many instances are stopping.
    func settle() {
        let now = clock.now()
        while let (id, endsAt) = inFlight.popDue(now) {
            guard var sim = instances[id], let t = sim.transition, t.endsAt == endsAt else { continue }
            sim.instance.status = t.to
            if t.to == .running {
                sim.instance.startTime = ECSTime.formatMinutes(t.endsAt)
                sim.instance.stoppedMode = sim.instance.isEconomicalModeEligible ? StoppedMode.keepCharging.rawValue
                    : StoppedMode.notApplicable.rawValue
            }
            sim.transition = nil
            instances[id] = sim
        }
    }

    /// Restores persisted state over the loaded fleet (transitions included), then saves.
    func restore(from saved: [(Instance, Date?, InstanceStatus?)]) {
        for (instance, endsAt, to) in saved {
            let t = endsAt.flatMap { e in to.map { SimulatedInstance.Transition(endsAt: e, to: $0) } }
            Self.insert(instance, transition: t, into: &instances, order: &regionOrder)
            if let t { inFlight.push(instance.instanceId, endsAt: t.endsAt) }
        }
    }

    /// Writes the whole state to the `--state` file, if one is set.
    func persist() throws {
        guard let stateStore else { return }
        let records = regionOrder.keys.sorted().flatMap { region in
            regionOrder[region]!.compactMap { instances[$0] }
        }
        try stateStore.save(records)
    }
}
