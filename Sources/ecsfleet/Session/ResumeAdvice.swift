import ECSAPI
import FleetCore
import FleetViewModel
import Foundation

/// How to finish an interrupted operation made with other credentials than the current ones: what to change
/// first (the command itself is `OperationHistory.Entry.resumeCommand`). The journal names the credentials by profile:
/// `sandbox` (made with `--sandbox`), `environment` (any step of the default chain but a CLI profile: the
/// `ALIBABA_CLOUD_*` variables, OIDC, credentials.ini, the instance role, the credentials URI), or an aliyun CLI profile.
enum ResumeAdvice {
    /// Why `entry` cannot be resumed with the current profile, and what to do instead.
    /// `current` is the profile in use, when known.
    static func otherProfile(_ entry: OperationHistory.Entry, current: String?) -> String {
        let op = "Operation \(entry.operation) (\(entry.title), started \(SignatureV3.formatTimestamp(entry.started)))"
        switch entry.profile {
        case "sandbox":
            return "\(op) was made in the sandbox: resume it with `\(entry.resumeCommand)`."
        case "environment":
            return
                "\(op) was made with credentials from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or another step of the default chain: OIDC, credentials.ini, the instance role): set them up for that account as they were and run `\(entry.resumeCommand)` without --profile or --sandbox."
        default:
            return
                "\(op) was made with profile \(entry.profile)\(current.map { ", not \($0)" } ?? ""): resume it with `\(entry.resumeCommand)`."
        }
    }
}
