import ECSAPI
import FleetCore
import FleetViewModel
import Foundation

/// How to finish an interrupted operation made with other credentials than the current ones: what to change
/// first (the command itself is `OperationHistory.Entry.resumeCommand`). The journal names the credentials by profile:
/// `sandbox` (made with `--sandbox`), `environment` (the `ALIBABA_CLOUD_*` variables), or an aliyun CLI profile.
enum ResumeAdvice {
    /// Why `entry` cannot be resumed with the current profile, and what to do instead.
    /// `current` is the profile in use, when known.
    static func otherProfile(_ entry: OperationHistory.Entry, current: String?) -> String {
        let op = "Operation \(entry.operation) (\(entry.title), started \(SignatureV3.formatTimestamp(entry.started)))"
        switch entry.profile {
        case "sandbox":
            return "\(op) was made in the sandbox: resume it with `\(entry.resumeCommand)`."
        case "environment":
            return "\(op) was made with the credentials in ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET: set them to that account's access key and run `\(entry.resumeCommand)` without --profile or --sandbox."
        default:
            return "\(op) was made with profile \(entry.profile)\(current.map { ", not \($0)" } ?? ""): resume it with `\(entry.resumeCommand)`."
        }
    }
}
