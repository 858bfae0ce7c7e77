import ECSAPI
import FleetCore
import FleetViewModel
import Foundation

/// How to resume (or undo) an operation made with other credentials than the current ones: what to change
/// first, and the command (`OperationHistory.journalCommand`). The journal names the credentials by profile:
/// `sandbox` (made with `--sandbox`), `environment` (any step of the default chain but a CLI profile: the
/// `ALIBABA_CLOUD_*` variables, OIDC, credentials.ini, the instance role, the credentials URI), or an aliyun CLI profile.
enum ResumeAdvice {
    /// Why `entry` cannot be resumed (`verb` "resume") or undone ("undo") with the current profile, and what to
    /// do instead. `current` is the profile in use, when known.
    static func otherProfile(_ entry: OperationHistory.Entry, current: String?, verb: String = "resume") -> String {
        let command = OperationHistory.journalCommand("--\(verb)", profile: entry.profile)
        let op = "Operation \(entry.operation) (\(entry.title), started \(SignatureV3.formatTimestamp(entry.started)))"
        switch entry.profile {
        case "sandbox":
            return "\(op) was made in the sandbox: \(verb) it with `\(command)`."
        case "environment":
            return
                "\(op) was made with credentials from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or another step of the default chain: OIDC, credentials.ini, the instance role): set them up for that account as they were and run `\(command)` without --profile or --sandbox."
        default:
            return
                "\(op) was made with profile \(entry.profile)\(current.map { ", not \($0)" } ?? ""): \(verb) it with `\(command)`."
        }
    }
}
