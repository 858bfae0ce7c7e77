import ArgumentParser
import ECSClient

/// `--signature v3|v1`, in any case.
enum SignatureArgument: String, ExpressibleByArgument, CaseIterable {
    case v3, v1

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    var value: ECSClient.SignatureVersion {
        switch self {
        case .v3: return .v3
        case .v1: return .v1
        }
    }
}
