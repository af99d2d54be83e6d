import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The Tavus conversations API over URLSession. Every failure comes out as a `TavusError`.
public struct TavusClient: Sendable {
    public let configuration: ClientConfiguration
    private let session: URLSession

    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        self.session = URLSession(configuration: sessionConfiguration)
    }

    /// `GET /v2/conversations`: one page, 1-based.
    public func listConversations(
        page: Int, limit: Int, status: StatusFilter,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationPage {
        let data = try await listConversationsData(page: page, limit: limit, status: status, onRetry: onRetry)
        let body: ConversationListBody = try decode(data)
        return ConversationPage(items: body.data, page: page, limit: limit, status: status, totalCount: body.totalCount ?? body.data.count)
    }

    /// The list endpoint's body as it came, for printing the API's objects unchanged.
    public func listConversationsData(
        page: Int, limit: Int, status: StatusFilter,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> Data {
        guard page >= 1 else { throw .invalidArgument("page must be 1 or more, not \(page)") }
        guard limit >= 1 else { throw .invalidArgument("limit must be 1 or more, not \(limit)") }
        var query = [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "limit", value: String(limit))]
        if let value = status.queryValue { query.append(URLQueryItem(name: "status", value: value)) }
        return try await send("GET", path: "/v2/conversations", query: query, retrying: true, onRetry: onRetry)
    }

    /// `GET /v2/conversations/{id}`, with `verbose=true` for events, transcript and analysis.
    public func conversation(
        id: String, verbose: Bool,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationDetail {
        let query = verbose ? [URLQueryItem(name: "verbose", value: "true")] : []
        let data = try await send("GET", path: try conversationPath(id), query: query, retrying: true, onRetry: onRetry)
        return try decode(data)
    }

    /// `POST /v2/conversations/{id}/end`. Not retried: the user asked for it once.
    public func endConversation(id: String) async throws(TavusError) {
        _ = try await send("POST", path: try conversationPath(id) + "/end", query: [], retrying: false, onRetry: nil)
    }

    private func conversationPath(_ id: String) throws(TavusError) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !id.isEmpty, id.unicodeScalars.allSatisfy(allowed.contains), id != ".", id != ".." else {
            throw .invalidArgument("not a conversation id: \(Excerpt.clean(id, limit: 40))")
        }
        return "/v2/conversations/\(id)"
    }

    private func send(
        _ method: String, path: String, query: [URLQueryItem], retrying: Bool,
        onRetry: (@Sendable (RetryNotice) -> Void)?
    ) async throws(TavusError) -> Data {
        let policy = retrying ? configuration.retry : .none
        var attempt = 1
        while true {
            do {
                return try await sendOnce(method, path: path, query: query)
            } catch where error.isTransient && attempt < policy.maxAttempts {
                let delay = policy.delay(after: error, attempt: attempt)
                attempt += 1
                onRetry?(RetryNotice(attempt: attempt, maxAttempts: policy.maxAttempts, delay: delay, error: error))
                do {
                    try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                } catch {
                    throw .cancelled
                }
            }
        }
    }

    private func sendOnce(_ method: String, path: String, query: [URLQueryItem]) async throws(TavusError) -> Data {
        if Task.isCancelled { throw .cancelled }
        var components = URLComponents(url: configuration.baseURL, resolvingAgainstBaseURL: false)
        let basePath = components?.path.hasSuffix("/") == true ? String(components!.path.dropLast()) : (components?.path ?? "")
        components?.path = basePath + path
        components?.queryItems = query.isEmpty ? nil : query
        guard let url = components?.url else { throw .invalidArgument("base URL \(configuration.baseURL) cannot take a path") }
        var request = URLRequest(url: url, timeoutInterval: configuration.timeout)
        request.httpMethod = method
        request.setValue(configuration.apiKey, forHTTPHeaderField: "x-api-key")
        request.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/json", forHTTPHeaderField: "Accept")

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw mapTransport(error)
        }
        guard let http = response as? HTTPURLResponse else {
            throw .undecodable(reason: "not an HTTP answer", excerpt: "")
        }
        guard (200..<300).contains(http.statusCode) else {
            throw httpError(status: http.statusCode, body: data, retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
        }
        return data
    }

    private func decode<T: Decodable>(_ data: Data) throws(TavusError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            if let page = Excerpt.htmlPage(data) {
                throw .undecodable(reason: "an HTML page, not JSON (a proxy in the way?)", excerpt: redact(page))
            }
            throw .undecodable(reason: Self.decodingReason(error), excerpt: redact(Excerpt.of(data)))
        }
    }

    private static func decodingReason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): "unexpected type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let context): "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not the expected JSON"
        }
    }

    private func httpError(status: Int, body: Data, retryAfter: String?) -> TavusError {
        let message = Self.serverMessage(body).map(redact)
        if status == 401 {
            return .unauthorized(message: message ?? "the API key was refused")
        }
        return .http(status: status, message: message, retryAfter: retryAfter.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) })
    }

    /// The `message` or `error` of a JSON error body; for an HTML page its title; otherwise a
    /// short excerpt of the body.
    static func serverMessage(_ body: Data) -> String? {
        if let object = try? JSONDecoder().decode(JSONValue.self, from: body),
           let text = object["message"]?.stringValue ?? object["error"]?.stringValue {
            return Excerpt.clean(text, limit: 200)
        }
        if let page = Excerpt.htmlPage(body) { return "an HTML page (\(page)), not the API's JSON" }
        let excerpt = Excerpt.of(body)
        return excerpt.isEmpty ? nil : excerpt
    }

    private func mapTransport(_ error: any Error) -> TavusError {
        if error is CancellationError { return .cancelled }
        guard let urlError = error as? URLError else {
            return .transport(.other, detail: redact(Excerpt.clean(String(describing: error), limit: 120)))
        }
        let host = configuration.baseURL.host ?? ""
        switch urlError.code {
        case .cancelled: return .cancelled
        case .timedOut: return .transport(.timeout, detail: "no answer from \(host) within \(Self.seconds(configuration.timeout))")
        case .cannotConnectToHost: return .transport(.connectionRefused, detail: "cannot connect to \(host)")
        case .cannotFindHost, .dnsLookupFailed: return .transport(.nameResolution, detail: "cannot resolve \(host)")
        case .networkConnectionLost: return .transport(.connectionLost, detail: "the connection to \(host) dropped")
        case .notConnectedToInternet: return .transport(.other, detail: "no network")
        case .badServerResponse: return .undecodable(reason: "the server's answer was not valid HTTP", excerpt: "")
        default: return .transport(.other, detail: "\(host): \(urlError.code.rawValue)")
        }
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    /// Belt and braces: a server that echoes the key back never gets it onto the screen.
    private func redact(_ text: String) -> String {
        guard configuration.apiKey.count >= 4 else { return text }
        return text.replacingOccurrences(of: configuration.apiKey, with: "‹key›")
    }
}
