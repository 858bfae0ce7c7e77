extension FleetReducer {
    /// The largest count prefix: more rows than any fleet has on one screen, and no overflow however long a
    /// finger rests on a digit.
    static let maximumCount = 999_999

    /// A movement with a count prefix, as the movement it means: `10j` is ten rows down, `5G` row 5, `3` then
    /// PgDn three pages. Any other action simply drops the count.
    static func counted(_ action: FleetAction, count: Int, in s: FleetState) -> FleetAction {
        switch action {
        case .moveDown: return .pageDown(pageSize: count)
        case .moveUp: return .pageUp(pageSize: count)
        case .pageDown(let size): return .pageDown(pageSize: size * count)
        case .pageUp(let size): return .pageUp(pageSize: size * count)
        case .moveToBottom, .moveToTop:
            guard !s.visible.isEmpty else { return action }
            return .moveTo(instanceId: s.visible[min(count, s.visible.count) - 1])
        default: return action
        }
    }

    /// Adds `digit` to the count being typed; a leading 0 is not a count.
    static func addCountDigit(_ s: inout FleetState, _ digit: Int) {
        guard (0...9).contains(digit), s.pendingCount != nil || digit > 0 else { return }
        s.pendingCount = min(maximumCount, (s.pendingCount ?? 0) * 10 + digit)
    }
}
