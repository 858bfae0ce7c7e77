import ECSAPI
import ECSClient
import Foundation

/// A call that failed before a command could do its job (the listing, the preflight `DescribeInstances` of a
/// stop, a status read), as the command's error and exit status.
///
/// The README's statuses: 2 when the operator has to change something (the region, the credentials, the
/// endpoint, a parameter); 1 when the service failed (throttled, 5xx, no answer once the request was sent, an
/// answer that cannot be read), which the same command may survive when run again. A script must not read a
/// `ServiceUnavailable` as its own usage mistake.
enum CallFailure {
    /// API codes that mean the call was wrong as configured, not that the service failed. Prefixes, so that
    /// `InvalidSecurityToken.Expired` and `Forbidden.RAM` are covered.
    static let configurationCodes = [
        ErrorCode.invalidRegionIdNotFound, ErrorCode.invalidAccessKeyIdNotFound, ErrorCode.signatureDoesNotMatch,
        ErrorCode.incompleteSignature, "InvalidSecurityToken", ErrorCode.invalidTimeStampExpired, "Forbidden",
        ErrorCode.invalidActionNotFound, ErrorCode.missingParameter, ErrorCode.invalidParameter,
        ErrorCode.invalidStatusNotFound,
    ]

    /// The command's error for `error` from `action` in `region`. `consequence` says what did not happen
    /// ("Nothing was sent."); `retry` is the client's policy, to say how often a failure that it retries was tried.
    static func commandError(
        _ error: ECSCallError, action: String, region: String, retry: RetryPolicy, consequence: String
    ) -> CommandError {
        if isConfiguration(error) { return .usage(describe(error, region: region) + " " + consequence) }
        let transient: Bool
        var failed = "failed"
        var detail = error.description
        switch error {
        case .api(let e):
            transient = e.isThrottling || e.httpStatus >= 500
            // Throttled answers are not attempts: the client waits its turn and retries up to its own count.
            if e.isThrottling, retry.maxThrottledAnswers > 0 {
                failed += " after \(retry.maxThrottledAnswers + 1) throttled attempts"
            } else if retry.maxAttempts > 1, retry.shouldRetry(action: action, error: e) {
                failed += " after \(retry.maxAttempts) attempts"
            }
        case .noAnswer(let why, _, let attempts):
            transient = true
            // `why` starts with the action, which the sentence already names. A deadline or an oversized answer
            // says it all; other reasons read as why no answer came.
            let reason = why.hasPrefix(action + ": ") ? String(why.dropFirst(action.count + 2)) : why
            detail =
                reason.hasPrefix("no complete answer") || reason.hasPrefix("the answer was larger")
                ? reason : "no answer (\(reason))"
            if attempts > 1 { failed += " after \(attempts) attempts" }
        default:
            transient = false
        }
        if !detail.hasSuffix(".") { detail += "." }
        let advice = transient ? " The failure is on the service's side; try again later." : ""
        return .failed("\(action) in \(region) \(failed): \(detail) \(consequence)\(advice)")
    }

    /// Whether the operator must change something for the call to work.
    static func isConfiguration(_ error: ECSCallError) -> Bool {
        switch error {
        case .configuration: return true
        // No connection could be made (a refused port, a host name that does not resolve, a failed TLS
        // handshake): nothing was sent, and the endpoint or the network is what to fix, not the service.
        case .noAnswer(_, let applied, _): return !applied
        case .api(let e): return configurationCodes.contains { e.code.hasPrefix($0) }
        case .dryRunPassed, .invalidResponse: return false
        }
    }

    /// A sentence for an error that is the operator's to fix, naming what to check.
    static func describe(_ error: ECSCallError, region: String) -> String {
        switch error {
        case .api(let e) where e.code == ErrorCode.invalidRegionIdNotFound:
            return
                "Region '\(region)' does not exist. List regions with the aliyun CLI (aliyun ecs DescribeRegions) or check --region."
        case .api(let e) where e.code == ErrorCode.invalidAccessKeyIdNotFound:
            return
                "The access key is not known to the service: check ALIBABA_CLOUD_ACCESS_KEY_ID or the profile (\(e.code))."
        case .api(let e) where e.code == ErrorCode.signatureDoesNotMatch:
            return "The request signature was rejected: the access key secret is probably wrong (\(e.code))."
        case .noAnswer(let why, let applied, _):
            // `why` is `Action: cannot connect: reason` from the client; the sentence says the first two its own way.
            let parts = why.components(separatedBy: ": cannot connect: ")
            if !applied, parts.count == 2 {
                return
                    "Cannot reach the ECS endpoint for \(parts[0]) in \(region): \(parts[1]). Check the network, --endpoint, or try --sandbox."
            }
            return "No answer from the ECS endpoint: \(why). Check the network, --endpoint, or try --sandbox."
        default:
            return error.description
        }
    }
}
