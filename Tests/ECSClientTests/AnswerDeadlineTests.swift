import ECSAPI
import ECSClient
import Foundation
import Synchronization
import Testing

/// A hostile endpoint on loopback, made of plain sockets: every connection gets the status line and headers it
/// is given, then `body` writes what it likes (until a write fails or it returns). Connections are counted.
final class HostileServer: Sendable {
    let port: Int
    private let listener: Int32
    private let accepted = Mutex(0)

    init(head: String, body: @escaping @Sendable (_ write: ([UInt8]) -> Bool) -> Void) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ServerDidNotStart()
        }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listener = fd
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(fd, nil, nil)
                guard connection >= 0 else { return }
                accepted.withLock { $0 += 1 }
                Thread.detachNewThread {
                    Self.readHead(connection)
                    let write = { (bytes: [UInt8]) -> Bool in
                        bytes.withUnsafeBytes {
                            send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) == $0.count
                        }
                    }
                    if write(Array(head.utf8)) { body(write) }
                    close(connection)
                }
            }
        }
    }

    var endpoint: Endpoint { Endpoint(scheme: "http", host: "127.0.0.1", port: port) }
    var connections: Int { accepted.withLock { $0 } }

    /// Stops accepting (connections in hand end when their writes fail).
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Reads up to the blank line that ends the request's head (the requests here have no body).
    private static func readHead(_ fd: Int32) {
        var seen: [UInt8] = []
        var byte: UInt8 = 0
        while recv(fd, &byte, 1, 0) == 1 {
            seen.append(byte)
            if seen.suffix(4) == Array("\r\n\r\n".utf8) { return }
        }
    }
}

@Suite("ECSClient deadlines and oversized answers, against hostile loopback servers")
struct AnswerDeadlineTests {
    @Test(
        "An endpoint that answers 200 and then drips one byte at a time meets a deadline for the whole answer, then the retries"
    )
    func drip() async throws {
        let server = try HostileServer(
            head: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        ) { write in
            // A byte every 100 ms for at most 30 s: without a deadline for the body the call would wait all of it.
            for _ in 0..<300 {
                guard write([0x20]) else { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        defer { server.stop() }
        var c = ECSClient.Configuration(
            credentials: Credentials(accessKeyId: "k", accessKeySecret: "s"), defaultRegion: home,
            endpointOverride: server.endpoint)
        c.requestTimeout = .milliseconds(400)
        c.retry = RetryPolicy(maxAttempts: 3)
        let client = ECSClient(configuration: c, sleep: { _ in })
        let error = await callError { try await client.send(DescribeInstancesRequest(regionId: home)) }
        await client.shutdown()
        #expect(error?.noAnswerDetails?.attempts == 3, "\(String(describing: error))")
        #expect(error?.noAnswerDetails?.applied == true)
        #expect(error?.description.contains("no complete answer within 0.4 s") == true, "\(String(describing: error))")
        #expect(server.connections == 3)
    }

    @Test("An answer larger than 64 MiB is reported once in plain words and not retried")
    func tooLarge() async throws {
        let server = try HostileServer(
            head: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n"
        ) { write in
            let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
            for _ in 0..<1024 { guard write(chunk) else { return } }
        }
        defer { server.stop() }
        var c = ECSClient.Configuration(
            credentials: Credentials(accessKeyId: "k", accessKeySecret: "s"), defaultRegion: home,
            endpointOverride: server.endpoint)
        c.requestTimeout = .seconds(60)
        let client = ECSClient(configuration: c, sleep: { _ in })
        let error = await callError { try await client.send(DescribeInstancesRequest(regionId: home)) }
        await client.shutdown()
        let text = String(describing: error)
        #expect(error?.noAnswerDetails?.attempts == 1, "\(text)")
        #expect(text.contains("the answer was larger than 64 MiB"), "\(text)")
        #expect(!text.contains("NIO") && !text.contains("Error("), "no internal type names: \(text)")
        #expect(server.connections == 1)
    }
}
