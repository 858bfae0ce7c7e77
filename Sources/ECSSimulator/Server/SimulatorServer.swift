import ECSAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import UnixSignals

/// The HTTP front of the simulator (Hummingbird 2): copies each request into the gateway and its answer back.
/// This is the only file that knows the HTTP server library.
public struct SimulatorServer: Sendable {
    public let gateway: APIGateway
    public let host: String
    public let port: Int
    let logger: Logger

    /// The largest request body read; larger ones are refused.
    static let maxBody = 1 << 20

    public init(
        gateway: APIGateway, host: String = "127.0.0.1", port: Int = 0, logger: Logger = Logger(label: "ecs-sim")
    ) {
        self.gateway = gateway
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// Serves until the task is cancelled or, with `handleSignals`, until SIGINT or SIGTERM arrives.
    /// `onReady` gets the endpoint URL (`http://HOST:PORT`) once the socket is bound.
    public func run(handleSignals: Bool = false, onReady: @escaping @Sendable (String) -> Void) async throws {
        let gateway = self.gateway
        let host = self.host
        let responder = CallbackResponder<SimulatorRequestContext> { request, context in
            try await Self.respond(request, context: context, gateway: gateway)
        }
        let app = Application(
            responder: responder,
            server: HTTPServerBuilder { responder in
                ClosingHTTP1Channel(
                    base: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: .seconds(120))))
            },
            configuration: .init(address: .hostname(host, port: port), serverName: nil, backlog: 1024),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onReady("http://\(shownHost):\(bound)")
            },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [])
    }

    static func respond(_ request: Request, context: SimulatorRequestContext, gateway: APIGateway) async throws
        -> Response
    {
        var headers: [(name: String, value: String)] = []
        if let authority = request.head.authority { headers.append(("host", authority)) }
        for field in request.headers { headers.append((field.name.canonicalName, field.value)) }
        var bodyBytes: [UInt8] = []
        do {
            var buffer = try await request.body.collect(upTo: maxBody)
            bodyBytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            headers.removeAll { $0.name == "content-type" }
        }
        let incoming = IncomingRequest(
            method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query ?? "",
            headers: headers, body: bodyBytes)
        let answer = await gateway.handle(incoming)
        if answer.delay > 0 { try await Task.sleep(for: .seconds(answer.delay)) }
        if answer.dropConnection {
            context.channel.close(promise: nil)
            throw CancellationError()
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) }
        }
        return Response(
            status: .init(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// A request context that keeps the connection, so an injected "dropped connection" fault can close it.
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Hummingbird's HTTP/1 channel, plus `CloseWithoutKeepAlive`: Hummingbird's request types drop the HTTP
/// version, so an HTTP/1.0 request without `Connection: keep-alive` would otherwise keep its connection open
/// until the idle timeout.
struct ClosingHTTP1Channel: ServerChildChannel {
    let base: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(CloseWithoutKeepAlive(), position: .after(decoder))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// Marks a request that does not keep its connection alive (HTTP/1.0 without `Connection: keep-alive`, or
/// any `Connection: close`) with `Connection: close`, the one sign Hummingbird reads to close the connection
/// once it has answered.
final class CloseWithoutKeepAlive: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
