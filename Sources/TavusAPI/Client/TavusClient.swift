import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The Tavus API over HTTP. Every failure comes out as a `TavusError`, and none holds the key.
///
/// One load (a page, a record) has one deadline, `configuration.timeout`, that covers its
/// retries and a slow body. The key is sent only to the base URL's origin: redirects elsewhere
/// are refused, never followed.
public struct TavusClient: Sendable {
    public let configuration: ClientConfiguration
    private let transport: HTTPTransport
    private let origin: Origin?
    private let failures: TransportFailureMapping
    /// Told of every list page and verbose record this client decodes, with the bytes as they
    /// came (the browser's index is written through it); nil tells no one.
    public var received: (@Sendable (Received) -> Void)?
    /// With a source, nothing is sent: reads are answered from it and writes are refused.
    public var offline: (any OfflineSource)?
    /// The first page number of each list, found on first use; shared by the copies of this
    /// client, so one account probes once.
    public var pageBases = PageBases()

    /// What `received` is told.
    public enum Received: Sendable {
        case conversations(ConversationPage, Data)
        case record(ConversationDetail, Data)
        /// A page of another resource's list (`personas`, `replicas`).
        case list(collection: String, page: Int, limit: Int, Data)
    }

    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
        transport = HTTPTransport(proxy: configuration.proxy.server(for: configuration.baseURL),
                                  extraTrustedCertificatePEM: configuration.extraTrustedCertificatePEM)
        origin = Origin(configuration.baseURL)
        let host = configuration.baseURL.host ?? ""
        let address = configuration.baseURL.port.map { "\(host):\($0)" } ?? host
        failures = TransportFailureMapping(address: address, timeout: configuration.timeout)
    }

    /// `GET /v2/conversations`: one page, 1-based.
    public func listConversations(
        page: Int, limit: Int, status: StatusFilter,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationPage {
        let data = try await listConversationsData(page: page, limit: limit, status: status, onRetry: onRetry)
        let decoded = try Self.decodePage(data, page: page, limit: limit, status: status)
        received?(.conversations(decoded, data))
        return decoded
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
        return try await send(.GET, path: "/v2/conversations", query: query, retrying: true, onRetry: onRetry)
    }

    /// `GET /v2/conversations/{id}`, with `verbose=true` for events, transcript and analysis.
    public func conversation(
        id: String, verbose: Bool,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationDetail {
        let data = try await conversationData(id: id, verbose: verbose, onRetry: onRetry)
        let detail: ConversationDetail = try Self.decode(data)
        if verbose { received?(.record(detail, data)) }
        return detail
    }

    /// The get endpoint's body as it came, for keeping the record unchanged.
    public func conversationData(
        id: String, verbose: Bool,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> Data {
        let query = verbose ? [URLQueryItem(name: "verbose", value: "true")] : []
        return try await send(.GET, path: try conversationPath(id), query: query, retrying: true, onRetry: onRetry)
    }

    /// `POST /v2/conversations/{id}/end`. Never retried: the user asked for it once.
    public func endConversation(id: String) async throws(TavusError) {
        _ = try await send(.POST, path: try conversationPath(id) + "/end", query: [], retrying: false, onRetry: nil)
    }

    /// `GET /v2/personas/{id}`.
    public func persona(id: String) async throws(TavusError) -> Persona {
        try await record(Persona.self, id: id)
    }

    /// `GET /v2/replicas/{id}`: one replica with what only its own record carries (its error
    /// message, its last update).
    public func replica(id: String) async throws(TavusError) -> Replica {
        try await record(Replica.self, id: id)
    }

    /// `GET /v2/replicas?replica_ids=a,b,c`: those of `ids` that exist, in one request.
    public func replicas(ids: [String]) async throws(TavusError) -> [Replica] {
        guard !ids.isEmpty else { return [] }
        for id in ids { _ = try resourcePath("replicas", id) }
        let query = [URLQueryItem(name: "replica_ids", value: ids.joined(separator: ",")),
                     URLQueryItem(name: "limit", value: String(ids.count))]
        let data = try await send(.GET, path: "/v2/replicas", query: query, retrying: true, onRetry: nil)
        let body: ListBody<Replica> = try Self.decode(data)
        return body.data
    }

    /// `GET /v2/COLLECTION` of a listed kind: one page, 1-based, with `filter` in the kind's
    /// filter parameter (none for `all`), `tag` in its tag parameter, and its fixed query; one
    /// malformed item is dropped, not the page.
    public func list<Item: ListedResource>(
        _ kind: Item.Type, page: Int, limit: Int, filter: String = "all", tag: String? = nil,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ListPage<Item, String> {
        if offline != nil, filter != "all" || tag != nil { return try await offlineList(kind, page: page, limit: limit, filter: filter, tag: tag) }
        let data = try await listData(kind, page: page, limit: limit, filter: filter, tag: tag, onRetry: onRetry)
        let decoded: ListPage<Item, String> = try Self.decodeList(data, page: page, limit: limit, filter: filter)
            .map { Item.listed($0, filter: filter) }
        received?(.list(collection: Item.collection, page: page, limit: limit, data))
        return decoded
    }

    /// Offline, a filtered or tagged page: the index keeps each kind's items unfiltered, so they
    /// are filtered here, by what each item says of itself; a filter the items do not tell is
    /// refused rather than answered with every item.
    private func offlineList<Item: ListedResource>(
        _ kind: Item.Type, page: Int, limit: Int, filter: String, tag: String?
    ) async throws(TavusError) -> ListPage<Item, String> {
        let data = try await listData(Item.collection, firstPage: 1, page: 1, limit: Self.offlineWholeList)
        let all: ListPage<Item, String> = try Self.decodeList(data, page: 1, limit: Self.offlineWholeList, filter: "all")
        var kept: [Item] = []
        for item in all.items where tag.map({ Item.tags(of: item).contains($0) }) ?? true {
            guard let matches = Item.matches(item, filter: filter) else {
                throw .offline("the index cannot tell \(Item.collection) apart by \(Item.filterParameter ?? "filter") (f works online)")
            }
            if matches { kept.append(Item.listed(item, filter: filter)) }
        }
        let (skipped, overflow) = (max(1, page) - 1).multipliedReportingOverflow(by: max(1, limit))
        return ListPage(items: Array(kept.dropFirst(overflow ? kept.count : skipped).prefix(max(1, limit))), page: page, limit: limit,
                        filter: filter, totalCount: kept.count)
    }

    /// As many items as the index could hold of a kind: offline, its whole list in one answer.
    private static let offlineWholeList = 100_000

    /// The body of a listed kind's page as it came, for keeping the objects unchanged.
    public func listData<Item: ListedResource>(
        _ kind: Item.Type, page: Int, limit: Int, filter: String = "all", tag: String? = nil,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> Data {
        var query = Self.queryItems(Item.fixedQuery)
        if let parameter = Item.filterParameter, filter != "all" { query.append(URLQueryItem(name: parameter, value: filter)) }
        if let parameter = Item.tagParameter, let tag { query.append(URLQueryItem(name: parameter, value: tag)) }
        return try await listData(Item.collection, firstPage: Item.firstPage, page: page, limit: limit, query: query, onRetry: onRetry)
    }

    /// `GET /v2/COLLECTION/ID` of a listed kind: its own record.
    public func record<Item: ListedResource>(_ kind: Item.Type, id: String) async throws(TavusError) -> Item {
        let data = try await send(.GET, path: try resourcePath(Item.collection, id), query: Self.queryItems(Item.recordQuery),
                                  retrying: true, onRetry: nil)
        return try Self.decodeRecord(data)
    }

    /// A kind's declared query, in a steady order.
    private static func queryItems(_ query: [String: String]) -> [URLQueryItem] {
        query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
    }

    /// `GET /v2/COLLECTION`'s body as it came, for keeping the objects unchanged; `firstPage`
    /// is the number the list gives its first page, nil when it is to be found out.
    public func listData(
        _ collection: String, firstPage: Int?, page: Int, limit: Int, query: [URLQueryItem] = [],
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> Data {
        guard page >= 1 else { throw .invalidArgument("page must be 1 or more, not \(page)") }
        guard limit >= 1 else { throw .invalidArgument("limit must be 1 or more, not \(limit)") }
        // The index answers offline by the program's own numbers, from 1.
        let base = offline == nil ? await pageBases.base(of: collection, declared: firstPage) { await probeBase(collection) } : 1
        let paging = [URLQueryItem(name: "page", value: String(page - 1 + base)), URLQueryItem(name: "limit", value: String(limit))]
        return try await send(.GET, path: "/v2/" + collection, query: paging + query, retrying: true, onRetry: onRetry)
    }

    /// The first page number of `collection`, from its pages 0 and 1 of one item; nil when
    /// they cannot be had. A list that refuses page 0 (a 4xx) counts from 1.
    private func probeBase(_ collection: String) async -> Int? {
        func firstItem(_ page: Int) async throws(TavusError) -> Data {
            let query = [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "limit", value: "1")]
            return try await send(.GET, path: "/v2/" + collection, query: query, retrying: true, onRetry: nil)
        }
        let atZero: Data?
        do { atZero = try await firstItem(0) } catch {
            if case .http(let status, _, _) = error, (400..<500).contains(status), status != 429 { atZero = nil } else { return nil }
        }
        guard let atOne = try? await firstItem(1) else { return nil }
        return PageBases.base(firstAtZero: atZero, firstAtOne: atOne)
    }

    /// A list body of any resource as a page; what `list` does with the bytes it receives.
    public static func decodeList<Item: Decodable & Sendable & Hashable, Filter>(
        _ data: Data, page: Int, limit: Int, filter: Filter
    ) throws(TavusError) -> ListPage<Item, Filter> {
        let body: ListBody<Item> = try decode(data)
        return ListPage(items: body.data, page: page, limit: limit, filter: filter, reportedTotal: body.totalCount)
    }

    /// A list body as a page; what `listConversations` does with the bytes it receives.
    public static func decodePage(_ data: Data, page: Int, limit: Int, status: StatusFilter) throws(TavusError) -> ConversationPage {
        let body: ConversationListBody = try decode(data)
        return ConversationPage(items: body.data, page: page, limit: limit, status: status, reportedTotal: body.totalCount)
    }

    /// A verbose record; what `conversation(id:verbose:)` does with the bytes it receives.
    public static func decodeDetail(_ data: Data) throws(TavusError) -> ConversationDetail {
        try decodeRecord(data)
    }

    /// One record: a top-level object as the API sends it, or wrapped as some of its
    /// documentation shows, `{"data": [record]}` or `{"data": record}`.
    static func decodeRecord<T: Decodable>(_ data: Data) throws(TavusError) -> T {
        if let wrapped = try? JSONDecoder().decode(WrappedRecord<T>.self, from: data) { return wrapped.record }
        return try decode(data)
    }

    private func conversationPath(_ id: String) throws(TavusError) -> String {
        try resourcePath("conversations", id)
    }

    /// `/v2/COLLECTION/ID`, for an id that can stand in a path as it is.
    private func resourcePath(_ collection: String, _ id: String) throws(TavusError) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !id.isEmpty, id.unicodeScalars.allSatisfy(allowed.contains), id != ".", id != ".." else {
            throw .invalidArgument("not a \(collection.dropLast()) id: \(Excerpt.clean(id, limit: 40))")
        }
        return "/v2/\(collection)/\(id)"
    }

    private func send(
        _ method: HTTPMethod, path: String, query: [URLQueryItem], retrying: Bool,
        onRetry: (@Sendable (RetryNotice) -> Void)?
    ) async throws(TavusError) -> Data {
        if let offline { return try await Self.answer(method, path: path, query: query, from: offline) }
        do {
            return try await sendWithinDeadline(method, url: try url(path: path, query: query), retrying: retrying, onRetry: onRetry)
        } catch {
            throw error.redacting(configuration.apiKey)
        }
    }

    private static func answer(_ method: HTTPMethod, path: String, query: [URLQueryItem], from source: any OfflineSource) async throws(TavusError) -> Data {
        guard method == .GET else { throw .offline("nothing is sent to the API") }
        let values = Dictionary(query.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        guard let body = await source.body(path: path, query: values) else {
            throw .offline("not in the index (a sync while online stores it)")
        }
        return body
    }

    private func sendWithinDeadline(
        _ method: HTTPMethod, url: URL, retrying: Bool,
        onRetry: (@Sendable (RetryNotice) -> Void)?
    ) async throws(TavusError) -> Data {
        let policy = retrying ? configuration.retry : .none
        let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(configuration.timeout))
        var attempt = 1
        while true {
            do {
                return try await exchange(method, url: url, deadline: deadline)
            } catch where error.isTransient && attempt < policy.maxAttempts {
                let delay = policy.delay(after: error, attempt: attempt)
                // A retry that could not finish before the deadline is not started.
                guard NIODeadline.now() + .nanoseconds(Self.nanoseconds(delay)) < deadline else { throw error }
                attempt += 1
                onRetry?(RetryNotice(attempt: attempt, maxAttempts: policy.maxAttempts, delay: delay, error: error))
                do {
                    try await Task.sleep(nanoseconds: UInt64(Self.nanoseconds(delay)))
                } catch {
                    throw .cancelled
                }
            }
        }
    }

    /// One attempt: the request, and same-origin redirects, up to the answer's body.
    private func exchange(_ method: HTTPMethod, url: URL, deadline: NIODeadline) async throws(TavusError) -> Data {
        guard let origin else { throw .invalidArgument("base URL \(configuration.baseURL) has no host") }
        var current = url
        var hops = 0
        while true {
            if Task.isCancelled { throw .cancelled }
            let answer: HTTPTransport.Answer
            do {
                answer = try await transport.exchange(method: method, url: current, headers: headers, deadline: deadline)
            } catch {
                throw failures.map(error)
            }
            switch answer.status {
            case 200..<300:
                return answer.body
            case 301, 302, 303, 307, 308:
                let location = answer.headers.first(name: "location")
                switch RedirectDecision.decide(from: current, location: location, origin: origin, hops: hops, method: method.rawValue) {
                case .follow(let next):
                    current = next
                    hops += 1
                case .refuse(let error):
                    throw error
                }
            default:
                // The key's encoded forms go before the message is cut from the body.
                throw Self.httpError(status: answer.status, body: KeyRedaction.scrub(answer.body, key: configuration.apiKey),
                                     retryAfter: answer.headers.first(name: "retry-after"), keyOrigin: configuration.keyOrigin)
            }
        }
    }

    private var headers: [(String, String)] {
        [("x-api-key", configuration.apiKey), ("User-Agent", configuration.userAgent), ("Accept", "application/json")]
    }

    private func url(path: String, query: [URLQueryItem]) throws(TavusError) -> URL {
        var components = URLComponents(url: configuration.baseURL, resolvingAgainstBaseURL: false)
        let basePath = components?.path ?? ""
        components?.path = (basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath) + path
        components?.queryItems = query.isEmpty ? nil : query
        guard let url = components?.url else { throw .invalidArgument("base URL \(configuration.baseURL) cannot take a path") }
        return url
    }

    /// Seconds as nanoseconds, for any value: negative and non-finite are 0, huge is a day.
    static func nanoseconds(_ seconds: TimeInterval) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int64(min(seconds, 86_400) * 1_000_000_000)
    }

    private static func decode<T: Decodable>(_ data: Data) throws(TavusError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            if let page = Excerpt.htmlPage(data) {
                throw .undecodable(reason: "an HTML page, not JSON (a proxy in the way?)", excerpt: page)
            }
            throw .undecodable(reason: decodingReason(error), excerpt: Excerpt.of(data))
        }
    }

    private static func decodingReason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "missing \"\(Excerpt.clean(key.stringValue, limit: 40))\""
        case DecodingError.typeMismatch(_, let context): "unexpected type at \(path(context))"
        case DecodingError.valueNotFound(_, let context): "null at \(path(context))"
        default: "not the expected JSON"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        Excerpt.clean(context.codingPath.map(\.stringValue).joined(separator: "."), limit: 60)
    }

    private static func httpError(status: Int, body: Data, retryAfter: String?, keyOrigin: String?) -> TavusError {
        let message = serverMessage(body)
        if status == 401 {
            let refused = message ?? "the API key was refused"
            return .unauthorized(message: keyOrigin.map { "\(refused) (the key from \($0))" } ?? refused)
        }
        return .http(status: status, message: message, retryAfter: RetryAfter.seconds(retryAfter))
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
}

/// `{"data": [record]}` or `{"data": record}`: a single record as some documentation shows it.
private struct WrappedRecord<T: Decodable>: Decodable {
    let record: T

    private enum CodingKeys: String, CodingKey { case data }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if var items = try? c.nestedUnkeyedContainer(forKey: .data) {
            guard items.count == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .data, in: c, debugDescription: "not one record")
            }
            record = try items.decode(T.self)
        } else {
            record = try c.decode(T.self, forKey: .data)
        }
    }
}
