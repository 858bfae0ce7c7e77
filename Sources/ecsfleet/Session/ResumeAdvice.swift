import ECSAPI
import FleetCore
import Foundation

/// How to finish an interrupted operation: the command to run, and, when the journal entry was made with other
/// credentials than the current ones, what to change first. The journal names the credentials by profile:
/// `sandbox` (made with `--sandbox`), `environment` (the `ALIBABA_CLOUD_*` variables), or an aliyun CLI profile.
enum ResumeAdvice {
    /// The command that resumes an operation made with `profile`.
    static func command(forProfile profile: String) -> String { OperationHistory.resumeCommand(profile: profile) }

    /// The command that resumes `entry`.
    static func command(for entry: OperationHistory.Entry) -> String { entry.resumeCommand }

    /// Why `entry` cannot be resumed with the current profile, and what to do instead.
    /// `current` is the profile in use, when known.
    static func otherProfile(_ entry: OperationHistory.Entry, current: String?) -> String {
        let op = "Operation \(entry.operation) (\(entry.title), started \(SignatureV3.formatTimestamp(entry.started)))"
        switch entry.profile {
        case "sandbox":
            return "\(op) was made in the sandbox: resume it with `\(command(for: entry))`."
        case "environment":
            return "\(op) was made with the credentials in ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET: set them to that account's access key and run `\(command(for: entry))` without --profile or --sandbox."
        default:
            return "\(op) was made with profile \(entry.profile)\(current.map { ", not \($0)" } ?? ""): resume it with `\(command(for: entry))`."
        }
    }
}
