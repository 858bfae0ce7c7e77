import ArgumentParser
import ECSAPI

/// `--batch AllTogether|SuccessFirst` (the API's `BatchOptimization`), listed in help and completions.
enum BatchArgument: String, ExpressibleByArgument, CaseIterable {
    case allTogether = "AllTogether"
    case successFirst = "SuccessFirst"

    var value: BatchOptimization {
        switch self {
        case .allTogether: return .allTogether
        case .successFirst: return .successFirst
        }
    }
}
