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
}

/// An injected fault waiting in the queue, with the requests it applies to.
struct FaultRule: Sendable {
    var fault: SandboxFault
    /// Requests still to be faulted; nil means every matching request from now on.
    var remaining: Int?
    /// Only requests whose path starts with this, when set.
    var pathPrefix: String?
    /// Only list requests for this page, when set.
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
