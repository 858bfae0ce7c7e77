import ArgumentParser
import ECSAPI

/// `--stopped-mode KeepCharging|StopCharging`: the modes a request may ask for (`Not-applicable` is only reported).
enum StoppedModeArgument: String, ExpressibleByArgument, CaseIterable {
    case keepCharging = "KeepCharging"
    case stopCharging = "StopCharging"

    var value: StoppedMode {
        switch self {
        case .keepCharging: return .keepCharging
        case .stopCharging: return .stopCharging
        }
    }
}
