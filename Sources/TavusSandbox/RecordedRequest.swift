import Foundation

/// One request as the sandbox received it, faulted and refused ones included.
public struct RecordedRequest: Sendable, Hashable {
    public let method: String
    /// The path without the query, e.g. `/v2/conversations`.
    public let path: String
    /// Query parameters, percent-decoded; for a repeated name, the first value.
    public let query: [String: String]
    public let userAgent: String?
    /// The `x-api-key` header as presented, or nil when there was none.
    public let apiKey: String?
    /// Every header, by lower-cased name; for a repeated name, the first value.
    public let headers: [String: String]
    public let time: Date

    init(
        method: String, path: String, query: [String: String], userAgent: String?,
        apiKey: String?, headers: [String: String], time: Date = Date()
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.userAgent = userAgent
        self.apiKey = apiKey
        self.headers = headers
        self.time = time
    }

    /// The same request with no trace of its key: no `x-api-key`, no other header that may hold it.
    var withoutKey: RecordedRequest {
        RecordedRequest(method: method, path: path, query: query, userAgent: userAgent, apiKey: nil,
                        headers: headers.filter { ["user-agent", "accept", "accept-encoding", "host"].contains($0.key) }, time: time)
    }

    /// The 1-based page a list request asks for, `page` defaulting to 1 as the API does;
    /// nil for any other request.
    var listPage: Int? {
        guard method == "GET", path == SandboxAPI.listPath else { return nil }
        guard let text = query["page"] else { return 1 }
        return Int(text)
    }
}
