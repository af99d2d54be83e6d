/// A failure the sandbox can be told to produce instead of its normal answer.
public enum SandboxFault: Sendable, Hashable {
    /// That HTTP status (100–599) with a JSON `{"message": ...}` body (for 401
    /// `"Invalid access token"`), and a `Retry-After` header when given.
    case status(Int, retryAfterSeconds: Int? = nil)
    /// Status 200 with the first half of the real JSON body.
    case truncatedJSON
    /// Status 200, labelled JSON, with a body that is not JSON at all.
    case invalidJSON
    /// Status 502 with a proxy's `text/html` "Bad Gateway" page.
    case htmlBody
    /// No answer: the request is held until the server stops or the client goes away.
    case hang
    /// That status (100–599) with `Location: to` and an empty body.
    case redirect(to: String, status: Int = 302)
    /// Status 200, labelled JSON and `Content-Encoding: gzip`, with a small gzip body that
    /// inflates to `inflatedBytes` spaces.
    case gzipBomb(inflatedBytes: Int)
    /// Status 200, labelled JSON and `Content-Encoding: gzip`, with a gzip header followed by
    /// bytes that are not deflate data.
    case corruptGzip
    /// Status 200, labelled JSON with no Content-Length: `{"data": [` and then list items
    /// streamed until the client goes away or the server stops.
    case endlessBody
    /// The real answer, its body sent one byte every `intervalMilliseconds`.
    case drip(intervalMilliseconds: Int)
    /// Status 200, labelled JSON, with a Content-Length for the whole real body, of which
    /// only the first half is sent before the connection closes.
    case cutShort
    /// That status (100–599), labelled JSON, with exactly this text as the body and these headers.
    case rawBody(String, status: Int = 200, headers: [String: String] = [:])
    /// That status (100–599) with `{"message": "Invalid key: ..."}` quoting the `x-api-key`
    /// presented, as a hostile server might.
    case echoKey(status: Int = 400)
    /// Every list request gets the real first page, whatever page it asked for, with this
    /// JSON text as `total_count`: pages that repeat under a total that lies. Other requests
    /// get their real answer.
    case lyingTotal(String)

    /// The HTTP status the fault answers with, when it names one.
    var statusCode: Int? {
        switch self {
        case .status(let status, _), .redirect(_, let status), .rawBody(_, let status, _), .echoKey(let status):
            status
        default:
            nil
        }
    }
}

/// An injected fault waiting in the queue, with the requests it applies to.
struct FaultRule: Sendable {
    var fault: SandboxFault
    /// Requests still to be faulted; nil means every matching request from now on.
    var remaining: Int?
    /// Only requests whose path starts with this, when set.
    var pathPrefix: String?
    /// Only conversation list requests for this page, when set.
    var page: Int?

    func matches(_ request: RecordedRequest) -> Bool {
        if let pathPrefix, !request.path.hasPrefix(pathPrefix) { return false }
        if let page, request.listPage != page { return false }
        return true
    }
}

extension [FaultRule] {
    /// The fault for this request: the first matching rule in the order they were injected,
    /// which is used up by one.
    mutating func take(for request: RecordedRequest) -> SandboxFault? {
        guard let index = firstIndex(where: { $0.matches(request) }) else { return nil }
        let fault = self[index].fault
        if let remaining = self[index].remaining {
            if remaining <= 1 { remove(at: index) } else { self[index].remaining = remaining - 1 }
        }
        return fault
    }
}
