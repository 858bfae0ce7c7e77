import FleetCore

extension OperationPlan {
    /// Whether two plans are the same in every field (the view model compares states and effects holding plans).
    func isSame(as other: OperationPlan) -> Bool {
        id == other.id && action == other.action && options == other.options && targets == other.targets
            && batches == other.batches
    }
}
