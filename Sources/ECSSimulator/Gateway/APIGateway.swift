import ECSAPI
import Foundation
import Synchronization

/// The front door of the simulated ECS endpoint: decodes a request, authenticates it, applies rate limits and
/// injected faults, dispatches it to the fleet and renders the answer as JSON or XML. Free of any HTTP library,
/// so it is tested directly.
public final class APIGateway: Sendable {
    public let fleet: SimulatedFleet
    let configuration: SimulatorConfiguration
    let clock: any SimulatorClock
    let authenticator: Authenticator
    let sts: STSService
    let metadata: MetadataService
    let rateLimiter: RateLimiter?
    let faultRandom: Mutex<SeededRandom>

    public init(fleet: SimulatedFleet, configuration: SimulatorConfiguration, clock: any SimulatorClock) {
        self.fleet = fleet
        self.configuration = configuration
        self.clock = clock
        let keys = TemporaryKeys()
        authenticator = Authenticator(configuration: configuration, temporaryKeys: keys)
        sts = STSService(configuration: configuration, keys: keys)
        metadata = MetadataService(configuration: configuration, accountId: sts.accountId, keys: keys, clock: clock)
        rateLimiter = configuration.rateLimit.map(RateLimiter.init(rate:))
        faultRandom = Mutex(SeededRandom(seed: configuration.seed ^ 0x5EED_FA17))
    }

    /// Answers one request. Never throws: every problem is an API error body.
    public func handle(_ request: IncomingRequest) async -> GatewayResponse {
        if MetadataService.serves(request.path) { return metadata.handle(request) }
        let requestId = UUID().uuidString
        let host = request.header("host") ?? ""
        var format = ResponseFormat.json
        do {
            guard let query = PercentEncoding.parseQuery(request.rawQuery) else {
                throw APIError.invalidParameter("query string", "it is not valid percent-encoded UTF-8")
            }
            var params = Parameters(query)
            if !request.body.isEmpty,
                request.header("content-type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
            {
                guard let text = String(validating: request.body, as: UTF8.self),
                    let form = PercentEncoding.parseQuery(text)
                else {
                    throw APIError.invalidParameter("body", "it is not valid form-encoded UTF-8")
                }
                for (n, v) in form { params.append(n, v) }
            }
            if request.header("authorization") == nil, params["Format"]?.lowercased() == "xml" { format = .xml }
            guard request.method == "POST" || request.method == "GET" else {
                throw APIError(
                    code: "UnsupportedHTTPMethod", message: "Send ECS API calls with POST (or GET).", httpStatus: 405)
            }
            guard request.path == "/" else {
                throw APIError(
                    code: ErrorCode.invalidActionNotFound,
                    message: "Specified api is not found, please check your url and method.", httpStatus: 404)
            }
            let now = clock.now()
            let signedV3 = request.header("authorization") != nil
            // An unsigned V3-style request (an anonymous AssumeRoleWithOIDC) names itself in headers only.
            let named = (
                action: signedV3 ? request.header("x-acs-action") : params["Action"] ?? request.header("x-acs-action"),
                version: signedV3
                    ? request.header("x-acs-version") : params["Version"] ?? request.header("x-acs-version")
            )
            if named.version == STSService.version {
                return answerSTS(
                    request, query: query, params: params, named: named, format: format, requestId: requestId, now: now)
            }
            let call = try authenticator.authenticate(request, query: query, params: params, now: now)
            guard call.version == ecsAPIVersion, ECSAction.all.contains(call.action) else {
                throw APIError(
                    code: ErrorCode.invalidActionNotFound,
                    message: "Specified api is not found, please check your url and method.", httpStatus: 404)
            }
            if configuration.accessKeySTSOnly, case .account = call.principal { throw Self.forbiddenRAM() }
            if let limiter = rateLimiter, let wait = limiter.take(key: call.accessKeyId, action: call.action, now: now)
            {
                return render(
                    Self.throttled(), retryAfterMs: wait, requestId: requestId, host: host, format: format,
                    action: call.action)
            }
            let fault = drawFault()
            switch fault {
            case .drop: return Self.dropped()
            case .throttle:
                return render(
                    Self.throttled(), retryAfterMs: 1000, requestId: requestId, host: host, format: format,
                    action: call.action)
            case .error500:
                throw APIError(
                    code: ErrorCode.internalError,
                    message: "The request processing has failed due to some unknown error.", httpStatus: 500)
            case .error503:
                throw APIError(
                    code: ErrorCode.serviceUnavailable,
                    message: "The request has failed due to a temporary failure of the server.", httpStatus: 503)
            case .none, .dropLate: break
            }
            let body = try await dispatch(call.action, params, requestId: requestId, format: format)
            if case .dropLate = fault { return Self.dropped() }
            var response = success(body, action: call.action, requestId: requestId, format: format)
            response.delay = drawLatency()
            return response
        } catch {
            var response = render(
                error, retryAfterMs: nil, requestId: requestId, host: host, format: format, action: nil)
            response.delay = drawLatency()
            return response
        }
    }

    private func dispatch(
        _ action: String, _ p: Parameters, requestId: String,
        format: ResponseFormat
    ) async throws(APIError) -> AnswerBody {
        switch action {
        case ECSAction.describeRegions:
            return .tree(
                await fleet.describeRegions(
                    DescribeRegionsRequest(acceptLanguage: p["AcceptLanguage"]), requestId: requestId
                ).json)
        case ECSAction.describeInstances:
            let r = try DescribeInstancesRequest(parameters: p)
            // JSON pages come from each instance's cached JSON; XML (rare: V1 Format=XML) still walks the tree.
            if format == .json { return .page(try await fleet.describeInstancesJSON(r, requestId: requestId)) }
            return .tree(try await fleet.describeInstances(r, requestId: requestId).json)
        case ECSAction.describeInstanceStatus:
            let r = try DescribeInstanceStatusRequest(parameters: p)
            return .tree(try await fleet.describeInstanceStatus(r, requestId: requestId).json)
        case ECSAction.stopInstances:
            let r = try StopInstancesRequest(parameters: p)
            return .tree(try await fleet.stopInstances(r, requestId: requestId).json)
        case ECSAction.startInstances:
            let r = try StartInstancesRequest(parameters: p)
            return .tree(try await fleet.startInstances(r, requestId: requestId).json)
        case ECSAction.stopInstance:
            let r = try StopInstanceRequest(parameters: p)
            return .tree(try await fleet.stopInstance(r, requestId: requestId).json)
        case ECSAction.startInstance:
            let r = try StartInstanceRequest(parameters: p)
            return .tree(try await fleet.startInstance(r, requestId: requestId).json)
        case ECSAction.describeInstanceAttribute:
            let r = try DescribeInstanceAttributeRequest(parameters: p)
            return .tree(try await fleet.describeInstanceAttribute(r, requestId: requestId))
        default:
            throw APIError(
                code: ErrorCode.invalidActionNotFound,
                message: "Specified api is not found, please check your url and method.", httpStatus: 404)
        }
    }

    /// An STS call: `AssumeRoleWithOIDC` unsigned, the others signed by a key the account accepts. Rate
    /// limits apply; injected faults do not (they model the ECS endpoint). See docs/ECS-SEMANTICS.md#sts.
    private func answerSTS(
        _ request: IncomingRequest, query: [(name: String, value: String)], params: Parameters,
        named: (action: String?, version: String?), format: ResponseFormat, requestId: String,
        now: Date
    ) -> GatewayResponse {
        let host = request.header("host") ?? ""
        do {
            var call: AuthenticatedCall?
            if !STSService.isUnsigned(action: named.action, version: named.version) {
                call = try authenticator.authenticate(request, query: query, params: params, now: now)
            }
            let action = call?.action ?? named.action ?? ""
            if let limiter = rateLimiter,
                let wait = limiter.take(key: call?.accessKeyId ?? "anonymous", action: action, now: now)
            {
                return render(
                    Self.throttled(), retryAfterMs: wait, requestId: requestId, host: host, format: format,
                    action: action, product: "Sts")
            }
            let body = try sts.dispatch(action, params, caller: call?.principal, requestId: requestId, now: now)
            return success(.tree(body), action: action, requestId: requestId, format: format)
        } catch {
            return render(
                error, retryAfterMs: nil, requestId: requestId, host: host, format: format, action: named.action,
                product: "Sts")
        }
    }

    /// What the vendor answers a RAM identity without permission for the action (`--access-key-sts-only`).
    static func forbiddenRAM() -> APIError {
        APIError(
            code: "Forbidden.RAM",
            message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
            httpStatus: 403)
    }

    enum Fault { case none, throttle, error500, error503, drop, dropLate }

    private func drawFault() -> Fault {
        let f = configuration.faults
        guard f.isActive else { return .none }
        return faultRandom.withLock { rng in
            if rng.chance(f.drop) { return .drop }
            if rng.chance(f.throttle) { return .throttle }
            if rng.chance(f.error500) { return .error500 }
            if rng.chance(f.error503) { return .error503 }
            if rng.chance(f.dropLate) { return .dropLate }
            return .none
        }
    }

    private func drawLatency() -> Double {
        let range = configuration.faults.latency
        guard range.max > 0 else { return 0 }
        return faultRandom.withLock { range.draw(using: &$0) } / 1000
    }

    /// Throttling is 400 with `x-acs-retry-after` (docs/ECS-SEMANTICS.md#errors-and-throttling).
    static func throttled() -> APIError {
        APIError(
            code: ErrorCode.throttlingUser, message: "Request was denied due to user flow control.", httpStatus: 400)
    }

    static func dropped() -> GatewayResponse {
        var r = GatewayResponse(status: 0, headers: [], body: [])
        r.dropConnection = true
        return r
    }
}
