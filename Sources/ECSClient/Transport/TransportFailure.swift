import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Turns what the HTTP stack threw into a `TransportError` with a short description an operator can act on.
///
/// Failures before any byte of the request can have left (a name that does not resolve, a refused port, a TLS
/// handshake that fails) are `connectFailed`, so the caller knows nothing was applied and that the endpoint or
/// the network is what to check. The libraries' own texts are not passed on as they are: BoringSSL's name the
/// source file and line of the check that failed (a path on the build machine), which means nothing to an operator.
enum TransportFailure {
    static func classify(_ error: any Error) -> TransportError {
        switch error {
        case let e as HTTPClientError:
            if e == .deadlineExceeded || e == .readTimeout || e == .writeTimeout { return .timedOut }
            if e == .connectTimeout { return .connectFailed("connect timed out") }
            if e == .remoteConnectionClosed { return .connectionLost("the server closed the connection") }
            return .connectionLost(scrubbed(String(describing: e)))
        case let e as NIOConnectionError:
            if (e.dnsAError != nil || e.dnsAAAAError != nil) && e.connectionErrors.isEmpty {
                return .connectFailed("the host name \(e.host) could not be resolved (DNS)")
            }
            let refused = e.connectionErrors.contains { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }
            return .connectFailed(
                refused ? "connection refused" : "no connection could be made to \(e.host) port \(e.port)")
        case let e as NIOSSLError:
            return tls(e)
        case let e as NIOSSLExtraError:
            if e == .failedToValidateHostname || e == .serverHostnameImpossibleToMatch {
                return .connectFailed("TLS handshake failed: the server's certificate is not for this host name")
            }
            return .connectFailed("TLS handshake failed")
        case let e as IOError where e.errnoCode == ECONNREFUSED:
            return .connectFailed("connection refused")
        default:
            let text = String(describing: error)
            if text.contains("Connection refused") { return .connectFailed("connection refused") }
            if text.contains("connect") || text.contains("resolve") { return .connectFailed(scrubbed(text)) }
            return .connectionLost(scrubbed(text))
        }
    }

    /// A TLS error. During the handshake nothing of the request has been sent yet.
    static func tls(_ error: NIOSSLError) -> TransportError {
        switch error {
        case .handshakeFailed(let detail):
            if String(describing: detail).contains("CERTIFICATE_VERIFY_FAILED") {
                return .connectFailed("TLS handshake failed: the server's certificate could not be verified")
            }
            return .connectFailed("TLS handshake failed (the endpoint may not speak HTTPS)")
        case .unableToValidateCertificate, .noCertificateToValidate, .cannotMatchULabel:
            return .connectFailed("TLS handshake failed: the server's certificate could not be verified")
        case .uncleanShutdown:
            return .connectionLost("the TLS connection was closed without a proper shutdown")
        default:
            return .connectionLost("TLS error (\(caseName(error)))")
        }
    }

    /// The enum case alone (`shutdownFailed`), without its payload, which may carry a BoringSSL error stack.
    static func caseName(_ error: NIOSSLError) -> String {
        let text = String(describing: error)
        return String(text.prefix { $0 != "(" })
    }

    /// `text` without absolute paths (`at /…/tls_record.cc:127`) and at most 200 characters long.
    static func scrubbed(_ text: String) -> String {
        var out = text.replacingOccurrences(
            of: #"(?:\s+at)?(?:^|\s+)/[^\s\]\)\}]*"#, with: "", options: .regularExpression)
        if out.count > 200 { out = String(out.prefix(199)) + "…" }
        return out
    }
}
