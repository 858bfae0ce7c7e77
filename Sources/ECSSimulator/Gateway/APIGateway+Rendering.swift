import ECSAPI

/// JSON by default; XML when a V1 request says `Format=XML` (docs/ECS-SEMANTICS.md#xml).
enum ResponseFormat { case json, xml }

/// A successful answer: a tree to write as JSON or XML, or a `DescribeInstances` page already made of JSON.
enum AnswerBody {
    case tree(JSONValue)
    case page(InstancePageJSON)
}

extension APIGateway {
    func success(_ body: AnswerBody, action: String, requestId: String, format: ResponseFormat) -> GatewayResponse {
        let bytes: [UInt8]
        switch body {
        case .tree(let value): bytes = encode(value, root: action + "Response", format: format)
        case .page(let page): bytes = page.bytes()
        }
        return GatewayResponse(status: 200, headers: headers(requestId: requestId, format: format), body: bytes)
    }

    func render(
        _ error: any Error, retryAfterMs: Int?, requestId: String, host: String, format: ResponseFormat,
        action: String?,
        product: String = "Ecs"
    ) -> GatewayResponse {
        var apiError =
            (error as? APIError)
            ?? APIError(
                code: ErrorCode.internalError, message: "The request processing has failed due to some unknown error.",
                httpStatus: 500)
        apiError.requestId = requestId
        apiError.hostId = host
        if apiError.recommend.isEmpty, apiError.httpStatus != 200, !apiError.isDryRunPassed {
            apiError.recommend = "https://api.aliyun.com/troubleshoot?q=\(apiError.code)&product=\(product)"
        }
        var h = headers(requestId: requestId, format: format)
        if let retryAfterMs { h.append(("x-acs-retry-after", String(retryAfterMs))) }
        return GatewayResponse(
            status: apiError.httpStatus, headers: h, body: encode(apiError.json, root: "Error", format: format))
    }

    private func headers(requestId: String, format: ResponseFormat) -> [(name: String, value: String)] {
        [
            ("Content-Type", format == .xml ? "text/xml;charset=utf-8" : "application/json;charset=utf-8"),
            ("x-acs-request-id", requestId),
        ]
    }

    private func encode(_ value: JSONValue, root: String, format: ResponseFormat) -> [UInt8] {
        format == .xml ? XMLWriter.document(root: root, value) : value.jsonBytes()
    }
}
