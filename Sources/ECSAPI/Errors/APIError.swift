/// An error answer from the ECS API (or from `ecs-sim`), as the gateway sends it.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    /// The HTTP status the answer came with.
    public var httpStatus: Int
    public var requestId: String
    public var hostId: String
    public var recommend: String

    public init(
        code: String, message: String, httpStatus: Int, requestId: String = "", hostId: String = "",
        recommend: String = ""
    ) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.hostId = hostId
        self.recommend = recommend
    }

    /// `DRYRUN.SUCCESS` and `DryRunOperation` both mean "the dry run passed": never a failure.
    public var isDryRunPassed: Bool { code == ErrorCode.dryRunSuccess || code == ErrorCode.dryRunOperation }

    /// Throttling of any kind: the request was refused before anything happened.
    public var isThrottling: Bool { code.hasPrefix("Throttling") }

    public var description: String { "\(code): \(message)" }

    /// The error body: `RequestId`, `HostId`, `Code`, `Message` and `Recommend` when there is one.
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("RequestId", requestId)
        o.add("HostId", hostId)
        o.add("Code", code)
        o.add("Message", message)
        if !recommend.isEmpty { o.add("Recommend", recommend) }
        return o.value
    }

    /// Reads an error body; `nil` when it has no `Code`.
    public init?(json: JSONValue, httpStatus: Int) {
        guard let code = json["Code"]?.stringValue, !code.isEmpty else { return nil }
        self.init(
            code: code, message: json["Message"]?.stringValue ?? "", httpStatus: httpStatus,
            requestId: json["RequestId"]?.stringValue ?? "", hostId: json["HostId"]?.stringValue ?? "",
            recommend: json["Recommend"]?.stringValue ?? "")
    }
}

/// Error codes the product creates or reasons about.
public enum ErrorCode {
    public static let dryRunSuccess = "DRYRUN.SUCCESS"
    public static let dryRunOperation = "DryRunOperation"
    public static let missingParameter = "MissingParameter"
    public static let invalidParameter = "InvalidParameter"
    public static let incompleteSignature = "IncompleteSignature"
    public static let signatureDoesNotMatch = "SignatureDoesNotMatch"
    public static let signatureNonceUsed = "SignatureNonceUsed"
    public static let invalidTimeStampExpired = "InvalidTimeStamp.Expired"
    public static let invalidAccessKeyIdNotFound = "InvalidAccessKeyId.NotFound"
    public static let invalidSecurityToken = "InvalidSecurityToken.Mismatch"
    public static let invalidSecurityTokenExpired = "InvalidSecurityToken.Expired"
    public static let invalidActionNotFound = "InvalidAction.NotFound"
    public static let invalidRegionIdNotFound = "InvalidRegionId.NotFound"
    public static let invalidStatusNotFound = "InvalidStatus.NotFound"
    public static let incorrectInstanceStatus = "IncorrectInstanceStatus"
    public static let instanceNotReady = "InstanceNotReady"
    public static let instanceLockedForSecurity = "InstanceLockedForSecurity"
    public static let instanceExpiredOrInArrears = "InstanceExpiredOrInArrears"
    public static let invalidInstanceIdNotFound = "InvalidInstanceId.NotFound"
    public static let instanceIdMalformed = "Abs.InvalidInstanceIds.MalFormed"
    /// Whether `code` says the instance is not there (not found, or not an instance ID): the operator named
    /// something to fix, not something that refused.
    public static func isNotThere(_ code: String) -> Bool {
        code == invalidInstanceIdNotFound || code == instanceIdMalformed
    }
    public static let hibernationNotEnabled = "HibernationConfigured.NotEnabled"
    public static let throttlingUser = "Throttling.User"
    public static let internalError = "InternalError"
    public static let serviceUnavailable = "ServiceUnavailable"
}

extension APIError {
    /// `MissingParameter` (400) naming the parameter.
    public static func missingParameter(_ name: String) -> APIError {
        APIError(
            code: ErrorCode.missingParameter,
            message: "The input parameter \"\(name)\" that is mandatory for processing this request is not supplied.",
            httpStatus: 400)
    }

    /// `InvalidParameter` (400) naming the parameter and what is wrong with it.
    public static func invalidParameter(_ name: String, _ why: String) -> APIError {
        APIError(
            code: ErrorCode.invalidParameter, message: "The specified parameter \"\(name)\" is not valid: \(why)",
            httpStatus: 400)
    }
}
