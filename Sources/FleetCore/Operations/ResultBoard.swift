/// The live results of one operation, in target order. Every change is passed on to the watcher (the TUI's
/// results view, or the command's progress line).
actor ResultBoard {
    private var order: [String] = []
    private var results: [String: InstanceResult] = [:]
    private let onUpdate: @Sendable ([InstanceResult]) -> Void

    init(_ initial: [InstanceResult], onUpdate: @escaping @Sendable ([InstanceResult]) -> Void) {
        order = initial.map(\.instanceId)
        for r in initial { results[r.instanceId] = r }
        self.onUpdate = onUpdate
        onUpdate(initial)
    }

    func update(_ changed: [InstanceResult]) {
        guard !changed.isEmpty else { return }
        for r in changed { results[r.instanceId] = r }
        onUpdate(changed)
    }

    func result(_ id: String) -> InstanceResult? { results[id] }

    var all: [InstanceResult] { order.compactMap { results[$0] } }
}
