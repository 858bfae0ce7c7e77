extension FleetAction {
    /// Whether the operator did this (a key, the command line), not background work (pages, answers, time).
    /// Only the operator's actions use up or cancel a count prefix, so a page arriving between `1` and `0` of
    /// `10j` does not lose it.
    public var isFromTheOperator: Bool {
        switch self {
        case .regionsLoaded, .regionListFailed, .instancesLoaded, .loadFailed, .permissionChecked, .operationUpdated,
            .operationFinished, .previewFinished, .journalLoaded, .journalFailed, .instancesRefreshed, .viewportChanged,
            .tick, .exportFinished, .profileSwitched, .profileSwitchFailed, .undoTargetsRead, .resumeFailed:
            return false
        default:
            return true
        }
    }
}
