import Foundation

/// Loads pages through the client and keeps them in memory.
///
/// - A cached page is returned without a request; concurrent calls for one page share one request.
/// - Failures are never cached, so the next call tries again.
/// - The cache holds at most `capacity` pages; the least recently used goes first.
/// - At most one prefetch runs at a time; others wait in a short queue. A user's request for
///   another page cancels the running prefetch and empties the queue.
public actor ConversationFetcher {
    public nonisolated let client: TavusClient
    public let capacity: Int

    private struct Entry {
        var page: ConversationPage
        var lastUsed: UInt64
    }

    private var entries: [PageKey: Entry] = [:]
    private var inFlight: [PageKey: Task<ConversationPage, any Error>] = [:]
    /// Who hears of the retries of a request in flight: its starter and whoever joined it.
    private var listeners: [PageKey: RetryListeners] = [:]
    private var prefetching: (key: PageKey, task: Task<Void, Never>)?
    private var prefetchQueue: [PageKey] = []
    private static let prefetchQueueLimit = 4
    private var clock: UInt64 = 0

    /// Seconds after which a cached page is stale: still shown, but worth fetching again.
    public let staleAfter: TimeInterval

    public init(client: TavusClient, capacity: Int = 100, staleAfter: TimeInterval = 60) {
        self.client = client
        self.capacity = max(1, capacity)
        self.staleAfter = staleAfter
    }

    /// Whether a page is older than `staleAfter`.
    public nonisolated func isStale(_ page: ConversationPage, now: Date = Date()) -> Bool {
        now.timeIntervalSince(page.fetchedAt) > staleAfter
    }

    /// The page from the cache, or fetched (sharing any request already under way for it).
    public func page(
        number: Int, limit: Int, status: StatusFilter,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationPage {
        let key = PageKey(status: status, number: number, limit: limit)
        if let cached = cached(key) { return cached }
        if let prefetch = prefetching, prefetch.key != key {
            prefetch.task.cancel()
            prefetching = nil
            prefetchQueue.removeAll()
        }
        return try await load(key, onRetry: onRetry)
    }

    /// Fetches the page anew even when it is cached (a revalidation or a reload), sharing
    /// a request already under way for it; the cache is updated on success.
    public func reload(
        number: Int, limit: Int, status: StatusFilter,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(TavusError) -> ConversationPage {
        try await load(PageKey(status: status, number: number, limit: limit), onRetry: onRetry)
    }

    /// The cached page, if any, without a request. Counts as a use.
    public func cached(_ key: PageKey) -> ConversationPage? {
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.lastUsed = clock
        entries[key] = entry
        return entry.page
    }

    /// Loads a page in the background unless it is cached or loading. Starts at once when no
    /// other prefetch runs (and returns true); otherwise waits in the queue, newest first out
    /// of a full queue.
    @discardableResult
    public func prefetch(number: Int, limit: Int, status: StatusFilter) -> Bool {
        let key = PageKey(status: status, number: number, limit: limit)
        guard number >= 1, entries[key] == nil, inFlight[key] == nil, prefetching?.key != key else { return false }
        guard prefetching == nil else {
            if !prefetchQueue.contains(key) {
                prefetchQueue.append(key)
                if prefetchQueue.count > Self.prefetchQueueLimit { prefetchQueue.removeFirst() }
            }
            return false
        }
        startPrefetch(key)
        return true
    }

    private func startPrefetch(_ key: PageKey) {
        let task = Task { [weak self] in
            guard let self else { return }
            _ = try? await self.load(key, onRetry: nil)
            await self.prefetchFinished(key)
        }
        prefetching = (key, task)
    }

    /// Empties the cache (a refresh). Requests under way still finish but their pages are kept
    /// only if they were started after this call.
    public func invalidate() {
        entries.removeAll()
        details.removeAll()
        prefetchQueue.removeAll()
        generation += 1
    }

    /// Gives up the request under way for a page, if any.
    public func cancel(number: Int, limit: Int, status: StatusFilter) {
        let key = PageKey(status: status, number: number, limit: limit)
        inFlight[key]?.cancel()
        inFlight[key] = nil
        listeners[key] = nil
    }

    /// The verbose answer for a conversation, cached after the first success. `fresh` asks the
    /// API again even when it is cached. Requests for one record are shared while in flight, and
    /// an answer that was asked for before an `invalidate()` is never stored.
    public func detail(id: String, fresh: Bool = false) async throws(TavusError) -> ConversationDetail {
        if !fresh, let cached = details[id] { return cached }
        let task: Task<ConversationDetail, any Error>
        if let running = detailsInFlight[id], running.generation == generation {
            task = running.task
        } else {
            let client = self.client
            task = Task { try await client.conversation(id: id, verbose: true) }
            detailsInFlight[id] = (task, generation)
            let startedIn = generation
            Task { await self.settleDetail(id, task: task, generation: startedIn) }
        }
        return try await Self.wait(for: task)
    }

    /// The cached verbose answer, if any, without a request.
    public func cachedDetail(id: String) -> ConversationDetail? {
        details[id]
    }

    /// Forgets one conversation's verbose answer (after it was ended).
    public func forgetDetail(id: String) {
        details[id] = nil
    }

    private func settleDetail(_ id: String, task: Task<ConversationDetail, any Error>, generation startedIn: Int) async {
        let result = await task.result
        if detailsInFlight[id]?.task == task { detailsInFlight[id] = nil }
        guard case .success(let detail) = result, startedIn == generation else { return }
        details[id] = detail
        if details.count > Self.detailCapacity, let victim = details.keys.first(where: { $0 != id }) {
            details[victim] = nil
        }
    }

    private static let detailCapacity = 64
    private var details: [String: ConversationDetail] = [:]
    private var detailsInFlight: [String: (task: Task<ConversationDetail, any Error>, generation: Int)] = [:]

    public var cachedPageCount: Int { entries.count }
    public var isPrefetching: Bool { prefetching != nil }
    public var queuedPrefetchCount: Int { prefetchQueue.count }

    private var generation = 0

    private func load(_ key: PageKey, onRetry: (@Sendable (RetryNotice) -> Void)?) async throws(TavusError) -> ConversationPage {
        let task: Task<ConversationPage, any Error>
        if let running = inFlight[key] {
            task = running
            if let onRetry { listeners[key]?.add(onRetry) }
        } else {
            let client = self.client
            let audience = RetryListeners(onRetry)
            listeners[key] = audience
            task = Task {
                try await client.listConversations(page: key.number, limit: key.limit, status: key.status, onRetry: audience.tell)
            }
            inFlight[key] = task
            let startedIn = generation
            Task { await self.settle(key, task: task, generation: startedIn) }
        }
        return try await Self.wait(for: task)
    }

    /// Stores a finished request's page (unless the cache was invalidated meanwhile) and
    /// forgets the request, so a failure is tried again next time.
    private func settle(_ key: PageKey, task: Task<ConversationPage, any Error>, generation startedIn: Int) async {
        let result = await task.result
        if inFlight[key] == task {
            inFlight[key] = nil
            listeners[key] = nil
        }
        guard case .success(let page) = result, startedIn == generation else { return }
        clock += 1
        entries[key] = Entry(page: page, lastUsed: clock)
        evictIfNeeded()
    }

    private func prefetchFinished(_ key: PageKey) {
        guard prefetching?.key == key else { return }
        prefetching = nil
        while !prefetchQueue.isEmpty {
            let next = prefetchQueue.removeFirst()
            if entries[next] == nil, inFlight[next] == nil {
                startPrefetch(next)
                return
            }
        }
    }

    private func evictIfNeeded() {
        while entries.count > capacity, let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            entries[oldest.key] = nil
        }
    }

    /// A shared request's answer; a waiter that is cancelled cancels the request, and any
    /// failure that is not the API's own comes out as `.cancelled`.
    private static func wait<Value: Sendable>(for task: Task<Value, any Error>) async throws(TavusError) -> Value {
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch let error as TavusError {
            throw error
        } catch {
            throw .cancelled
        }
    }
}

/// The retry notices of one request, told to everyone waiting on it; one who joins late hears
/// the latest notice at once, so a load that joined a prefetch says `retrying (2/4)…` too.
final class RetryListeners: @unchecked Sendable {
    private let lock = NSLock()
    private var callbacks: [@Sendable (RetryNotice) -> Void]
    private var latest: RetryNotice?

    init(_ first: (@Sendable (RetryNotice) -> Void)?) {
        callbacks = first.map { [$0] } ?? []
    }

    func add(_ callback: @escaping @Sendable (RetryNotice) -> Void) {
        lock.lock()
        callbacks.append(callback)
        let latest = self.latest
        lock.unlock()
        if let latest { callback(latest) }
    }

    @Sendable func tell(_ notice: RetryNotice) {
        lock.lock()
        latest = notice
        let callbacks = self.callbacks
        lock.unlock()
        callbacks.forEach { $0(notice) }
    }
}
