import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import NIOSSL

/// What went wrong in the transport, as a `TavusError` that names the cause.
struct TransportFailureMapping {
    /// `host:port` of the API, for messages.
    let address: String
    /// `--timeout`, for messages.
    let timeout: TimeInterval

    func map(_ error: any Error) -> TavusError {
        if error is CancellationError { return .cancelled }
        if error is HTTPTransport.DeadlinePassed { return timedOut }
        if error is NIOTooManyBytesError { return .tooLarge(limitBytes: HTTPTransport.maxBodyBytes) }
        if let error = error as? NIOHTTPDecompression.DecompressionError {
            switch error {
            case .limit: return .tooLarge(limitBytes: HTTPTransport.maxBodyBytes)
            default: return .transport(.badCompression, detail: "the compressed answer from \(address) could not be inflated")
            }
        }
        if let error = error as? HTTPClientError { return map(error) }
        if let error = error as? HTTPParserError {
            if case .invalidEOFState = error { return cutShort }
            return .undecodable(reason: "the answer from \(address) was not valid HTTP", excerpt: "")
        }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return map(first.error) }
            return .transport(.nameResolution, detail: "cannot resolve \(error.host)")
        }
        if let error = error as? IOError { return map(errno: error.errnoCode) }
        if let error = error as? NIOSSLError { return tls(String(describing: error)) }
        if let error = error as? BoringSSLError { return tls(String(describing: error)) }
        if error is NIOSSLExtraError { return .transport(.tls, detail: "\(address): the certificate does not match the host") }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return timedOut
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed: return cutShort
            default: return .transport(.other, detail: "\(address): \(Excerpt.clean(String(describing: error), limit: 80))")
            }
        }
        return .transport(.other, detail: "\(address): \(Excerpt.clean(String(describing: error), limit: 80))")
    }

    /// A TLS failure in words: a plain-http server answering the handshake with HTTP is the
    /// common one (`WRONG_VERSION_NUMBER`); BoringSSL's codes are not shown.
    private func tls(_ text: String) -> TavusError {
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("268435703") || text.contains("HTTP_REQUEST") {
            return .transport(.tls, detail: "the server at \(address) does not speak TLS; is it http://?")
        }
        if text.lowercased().contains("certificate") {
            return .transport(.tls, detail: "the certificate of \(address) is not trusted")
        }
        return .transport(.tls, detail: "the secure connection to \(address) could not be set up")
    }

    private func map(_ error: HTTPClientError) -> TavusError {
        switch error {
        case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout, .tlsHandshakeTimeout,
             .httpProxyHandshakeTimeout, .socksHandshakeTimeout, .getConnectionFromPoolTimeout:
            return timedOut
        case .remoteConnectionClosed:
            return cutShort
        case .cancelled:
            return .cancelled
        case .proxyAuthenticationRequired:
            return .transport(.other, detail: "the proxy asks for credentials (user:password@ in HTTPS_PROXY)")
        case .invalidProxyResponse:
            return .transport(.other, detail: "the proxy refused the connection to \(address)")
        default:
            return .transport(.other, detail: "\(address): \(error.shortDescription)")
        }
    }

    private func map(errno code: Int32) -> TavusError {
        switch code {
        case ECONNREFUSED: return .transport(.connectionRefused, detail: address)
        case ETIMEDOUT: return timedOut
        case ECONNRESET, EPIPE: return .transport(.connectionLost, detail: "\(address) closed the connection")
        case ENETUNREACH, EHOSTUNREACH: return .transport(.other, detail: "\(address) cannot be reached from this network")
        default: return .transport(.other, detail: "\(address): \(String(cString: strerror(code)))")
        }
    }

    private var timedOut: TavusError {
        .transport(.timeout, detail: "no answer from \(address) within \(Self.seconds(timeout))")
    }

    private var cutShort: TavusError {
        .transport(.cutShort, detail: "\(address) closed the connection before the answer was complete")
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() && value < 1e6 ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
