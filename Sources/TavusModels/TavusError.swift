import Foundation

/// Every way a call to the API can fail, worded for the person at the terminal.
/// No case ever holds the API key.
public enum TavusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 401: the key was refused; the server's message, e.g. "Invalid access token".
    case unauthorized(message: String)
    /// Any other non-2xx status with the server's `message` or `error`, and `Retry-After` seconds if sent.
    case http(status: Int, message: String?, retryAfter: Double? = nil)
    /// The request never got an HTTP answer.
    case transport(TransportFailure, detail: String)
    /// An answer came but was not the JSON expected; `excerpt` is a short, cleaned start of it.
    case undecodable(reason: String, excerpt: String)
    /// The answer was larger than the client reads (after decompression).
    case tooLarge(limitBytes: Int)
    /// A redirect that was not followed, because it pointed away from the API's origin.
    case redirectRefused(to: String, reason: String)
    /// More redirects in a row than the client follows.
    case tooManyRedirects(Int)
    /// A page or limit below 1, or an id that cannot be sent.
    case invalidArgument(String)
    /// The caller gave up (a newer request replaced it, or the user pressed Esc).
    case cancelled
    /// Offline (`--offline`): what was asked for is not in the index, or would change the account.
    case offline(String)

    public enum TransportFailure: String, Sendable, Hashable {
        case timeout = "timed out"
        case connectionRefused = "connection refused"
        case nameResolution = "host not found"
        case connectionLost = "connection lost"
        case cutShort = "answer cut short"
        case badCompression = "broken compression"
        case tls = "TLS failed"
        case other = "network error"
    }

    public var description: String {
        switch self {
        case .unauthorized(let message):
            "401 Unauthorized: \(message)"
        case .http(let status, let message, _):
            "HTTP \(status)" + (HTTPStatusText.reason(status).map { " \($0)" } ?? "") + (message.map { ": \($0)" } ?? "")
        case .transport(let failure, let detail):
            detail.isEmpty ? failure.rawValue.capitalizedFirst : "\(failure.rawValue.capitalizedFirst): \(detail)"
        case .undecodable(let reason, let excerpt):
            excerpt.isEmpty ? "Unreadable answer: \(reason)" : "Unreadable answer: \(reason) (body starts: \(excerpt))"
        case .tooLarge(let limit):
            "Answer too large: over \(limit / (1024 * 1024)) MiB"
        case .redirectRefused(let target, let reason):
            "Redirect not followed: to \(target), \(reason)"
        case .tooManyRedirects(let count):
            "Too many redirects: more than \(count) in a row"
        case .invalidArgument(let text):
            "Invalid argument: \(text)"
        case .cancelled:
            "Cancelled"
        case .offline(let text):
            "Offline: \(text)"
        }
    }

    /// Whether trying the same GET again may succeed.
    public var isTransient: Bool {
        switch self {
        case .transport(let failure, _): ![.badCompression, .tls].contains(failure)
        case .http(let status, _, _): [429, 500, 502, 503, 504].contains(status)
        default: false
        }
    }
}

/// Reason phrases of the statuses this API is seen to answer with.
public enum HTTPStatusText {
    public static func reason(_ status: Int) -> String? {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: nil
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension TavusError {
    /// The same error with every occurrence of `secret` replaced: belt and braces, so a server
    /// that echoes the key back (in a message, a redirect, a body) never gets it onto the screen.
    /// Any run of 8 or more of the key's characters goes too, so an excerpt cut through the key
    /// shows no telling part of it (see `KeyRedaction`).
    public func redacting(_ secret: String) -> TavusError {
        guard secret.count >= 4 else { return self }
        func clean(_ text: String) -> String { KeyRedaction.scrub(text, key: secret) }
        switch self {
        case .unauthorized(let message): return .unauthorized(message: clean(message))
        case .http(let status, let message, let retryAfter): return .http(status: status, message: message.map(clean), retryAfter: retryAfter)
        case .transport(let failure, let detail): return .transport(failure, detail: clean(detail))
        case .undecodable(let reason, let excerpt): return .undecodable(reason: clean(reason), excerpt: clean(excerpt))
        case .redirectRefused(let target, let reason): return .redirectRefused(to: clean(target), reason: clean(reason))
        case .invalidArgument(let text): return .invalidArgument(clean(text))
        case .offline(let text): return .offline(clean(text))
        case .tooLarge, .tooManyRedirects, .cancelled: return self
        }
    }
}
