import ECSAPI
import ECSClient
import Foundation
import Synchronization

// Shared helpers for the credential tests: a manual clock, and a transport that plays STS, the metadata service
// and a credentials URI from a handler, recording every request.

/// A clock that moves only when told.
final class TestClock: Sendable {
    private let time: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { time = Mutex(start) }
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Answers each request with `handler`, which may throw a transport error; records requests.
final class FakeServices: HTTPTransport {
    let handler: @Sendable (TransportRequest) throws(TransportError) -> TransportResponse
    private let log = Mutex<[TransportRequest]>([])

    init(_ handler: @escaping @Sendable (TransportRequest) throws(TransportError) -> TransportResponse) {
        self.handler = handler
    }

    var requests: [TransportRequest] { log.withLock { $0 } }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        log.withLock { $0.append(request) }
        return try handler(request)
    }

    func shutdown() async {}
}

/// A 200 answer with a JSON body.
func jsonAnswer(_ text: String) -> TransportResponse {
    TransportResponse(status: 200, headers: ["content-type": "application/json"], body: Array(text.utf8))
}

/// An STS answer handing out `id`, expiring at `expiration`.
func stsAnswer(_ id: String, expiration: String = "2030-01-01T00:00:00Z") -> TransportResponse {
    jsonAnswer(
        #"{"RequestId":"r","AssumedRoleUser":{"Arn":"a","AssumedRoleId":"i"},"Credentials":{"AccessKeyId":"\#(id)","AccessKeySecret":"\#(id)-secret","SecurityToken":"\#(id)-token","Expiration":"\#(expiration)"}}"#
    )
}

/// The metadata service's answer for a role.
func metadataAnswer(_ id: String, code: String = "Success") -> TransportResponse {
    jsonAnswer(
        #"{"Code":"\#(code)","AccessKeyId":"\#(id)","AccessKeySecret":"\#(id)-secret","SecurityToken":"\#(id)-token","Expiration":"2030-01-01T00:00:00Z","LastUpdated":"2029-12-31T23:00:00Z"}"#
    )
}

extension TransportRequest {
    /// The form body's decoded fields.
    var formItems: [(name: String, value: String)] {
        PercentEncoding.parseQuery(String(decoding: body, as: UTF8.self)) ?? []
    }
    var path: String { parts.path }
}

let stsTestEndpoint = Endpoint(scheme: "http", host: "127.0.0.1", port: 9)
let metadataTestEndpoint = Endpoint(scheme: "http", host: "127.0.0.1", port: 10)

/// A fetcher whose STS and metadata service are `services`.
func makeFetcher(_ services: FakeServices, imdsV1Disabled: Bool = false, clock: TestClock = TestClock())
    -> CredentialFetcher
{
    CredentialFetcher(
        transport: services, stsEndpoint: stsTestEndpoint, metadataEndpoint: metadataTestEndpoint,
        imdsV1Disabled: imdsV1Disabled, now: { clock.now })
}

/// What `body` threw as a credential error's text, or `nil`.
func credentialFailure<T>(_ body: () async throws -> T) async -> String? {
    do {
        _ = try await body()
        return nil
    } catch { return (error as? CredentialError)?.description ?? "\(error)" }
}
