import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The real transport: AsyncHTTPClient with a connection pool (connections are reused) and a connect timeout.
public final class AsyncHTTPTransport: HTTPTransport {
    let client: HTTPClient
    /// Answers larger than this are refused (a page of 100 instances is far smaller).
    static let maxBody = 64 << 20

    public init(connectTimeout: Duration = .seconds(5), maxConnectionsPerHost: Int = 16) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .init(connectTimeout))
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maxConnectionsPerHost)
        // A refused connection fails at once; RetryPolicy decides about trying again, not the pool.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .disabled
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// The exchange races a timer: AsyncHTTPClient's own deadline covers the answer's head only, so a server that
    /// answers 200 and then sends one byte a second would otherwise hold the call for as long as it likes.
    public func send(_ request: TransportRequest, timeout: Duration) async throws(TransportError) -> TransportResponse {
        var r = HTTPClientRequest(url: request.url)
        r.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { r.headers.add(name: name, value: value) }
        if !request.body.isEmpty { r.body = .bytes(ByteBuffer(bytes: request.body)) }
        let client = self.client
        let prepared = r
        let outcome: Result<TransportResponse, TransportError> = await withTaskGroup(
            of: Result<TransportResponse, TransportError>?.self
        ) { group in
            group.addTask {
                do {
                    let response = try await client.execute(prepared, timeout: .init(timeout))
                    var headers: [String: String] = [:]
                    for h in response.headers { headers[h.name.lowercased()] = h.value }
                    var buffer = try await response.body.collect(upTo: Self.maxBody)
                    return .success(
                        TransportResponse(
                            status: Int(response.status.code), headers: headers,
                            body: buffer.readBytes(length: buffer.readableBytes) ?? []))
                } catch is NIOTooManyBytesError {
                    return .failure(.answerTooLarge(limit: Self.maxBody))
                } catch {
                    return .failure(TransportFailure.classify(error))
                }
            }
            group.addTask {
                // Cancelled when the exchange ends first.
                do { try await Task.sleep(for: timeout) } catch { return nil }
                return .failure(.timedOut)
            }
            var first: Result<TransportResponse, TransportError>?
            while first == nil, let next = await group.next() { first = next }
            group.cancelAll()
            return first ?? .failure(.timedOut)
        }
        return try outcome.get()
    }

    public func shutdown() async {
        try? await client.shutdown()
    }
}
