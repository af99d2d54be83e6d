import Foundation

/// Loads conversations through the client and keeps them in memory: list pages in a
/// `PageStore`, and the verbose records the pane shows.
///
/// A record is kept once it came; it is served from memory while it is final (see
/// `ConversationDetail.isFinal`), and asked again otherwise, so a pane on a call that is
/// still being processed sees it complete.
public actor ConversationFetcher {
    public nonisolated let client: TavusClient
    public nonisolated let pages: PageStore<PageKey, ConversationPage>

    /// `beforePrefetch`: what a prefetch waits for (see `PageStore`).
    public init(client: TavusClient, capacity: Int = 100, staleAfter: TimeInterval = 60,
                beforePrefetch: (@Sendable () async -> Void)? = nil) {
        self.client = client
        pages = PageStore(capacity: capacity, staleAfter: staleAfter, beforePrefetch: beforePrefetch) { key, onRetry throws(TavusError) in
            try await client.listConversations(page: key.number, limit: key.limit, status: key.status, onRetry: onRetry)
        }
    }

    public nonisolated var capacity: Int { pages.capacity }
    public nonisolated var staleAfter: TimeInterval { pages.staleAfter }

    /// Whether a page is older than `staleAfter`.
    public nonisolated func isStale(_ page: ConversationPage, now: Date = Date()) -> Bool {
        pages.isStale(page, now: now)
    }

    /// The page from the cache, or fetched (sharing any request already under way for it).
    public func page(
        number: Int, limit: Int, status: StatusFilter,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationPage {
        try await pages.page(PageKey(status: status, number: number, limit: limit), onRetry: onRetry)
    }

    /// Fetches the page anew even when it is cached, sharing a request already under way for it.
    public func reload(
        number: Int, limit: Int, status: StatusFilter,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationPage {
        try await pages.reload(PageKey(status: status, number: number, limit: limit), onRetry: onRetry)
    }

    /// The cached page, if any, without a request. Counts as a use.
    public func cached(_ key: PageKey) async -> ConversationPage? {
        await pages.cached(key)
    }

    /// Loads a page in the background unless it is cached or loading; see `PageStore.prefetch`.
    @discardableResult
    public func prefetch(number: Int, limit: Int, status: StatusFilter) async -> Bool {
        guard number >= 1 else { return false }
        return await pages.prefetch(PageKey(status: status, number: number, limit: limit))
    }

    /// Empties the cache of pages and records (a refresh).
    public func invalidate() async {
        await pages.invalidate()
        details.removeAll()
        generation += 1
    }

    /// Gives up the request under way for a page, if any.
    public func cancel(number: Int, limit: Int, status: StatusFilter) async {
        await pages.cancel(PageKey(status: status, number: number, limit: limit))
    }

    public var cachedPageCount: Int { get async { await pages.cachedPageCount } }
    public var isPrefetching: Bool { get async { await pages.isPrefetching } }
    public var queuedPrefetchCount: Int { get async { await pages.queuedPrefetchCount } }

    /// The verbose answer for a conversation: from memory when it is held and final, unless
    /// `fresh` asks the API again. Requests for one record are shared while in flight, and
    /// an answer that was asked for before an `invalidate()` is never stored. It returns once
    /// the answer is held, so whoever awaited it finds it cached.
    public func detail(id: String, fresh: Bool = false, now: Date = Date()) async throws(TavusError) -> ConversationDetail {
        if !fresh, let cached = details[id], cached.isFinal(now: now) { return cached }
        let task: Task<ConversationDetail, any Error>
        let startedIn = generation
        if let running = detailsInFlight[id], running.generation == generation {
            task = running.task
        } else {
            let client = self.client
            task = Task { try await client.conversation(id: id, verbose: true) }
            detailsInFlight[id] = (task, generation)
            // Also settled when no one waits any more (a cancelled waiter).
            Task { await self.settleDetail(id, task: task, generation: startedIn) }
        }
        let result: Result<ConversationDetail, TavusError>
        do throws(TavusError) { result = .success(try await SharedRequest.wait(for: task)) } catch { result = .failure(error) }
        // Settled before returning, failed or not: a request made right after a failure must
        // not find the failed one still in flight and share its error.
        await settleDetail(id, task: task, generation: startedIn)
        return try result.get()
    }

    /// The held verbose answer, if any, final or not, without a request.
    public func cachedDetail(id: String) -> ConversationDetail? {
        details[id]
    }

    /// Forgets one conversation's verbose answer (after it was ended).
    public func forgetDetail(id: String) {
        details[id] = nil
    }

    private func settleDetail(_ id: String, task: Task<ConversationDetail, any Error>, generation startedIn: Int) async {
        let result = await task.result
        guard detailsInFlight[id]?.task == task else { return }
        detailsInFlight[id] = nil
        guard case .success(let detail) = result, startedIn == generation else { return }
        details[id] = detail
        if details.count > Self.detailCapacity, let victim = details.keys.first(where: { $0 != id }) {
            details[victim] = nil
        }
    }

    private static let detailCapacity = 64
    private var details: [String: ConversationDetail] = [:]
    private var detailsInFlight: [String: (task: Task<ConversationDetail, any Error>, generation: Int)] = [:]
    private var generation = 0
}
