import Foundation

/// An answer that knows when it arrived, so a store can tell when it went stale.
public protocol FetchedAnswer: Sendable {
    var fetchedAt: Date { get }
}

extension ListPage: FetchedAnswer {}

/// The in-memory cache of one resource's list pages, whatever the resource: conversations,
/// personas and replicas each have one, given the function that fetches a page.
///
/// - A cached page is returned without a request; concurrent calls for one page share one request.
/// - Failures are never cached, so the next call tries again.
/// - The cache holds at most `capacity` pages; the least recently used goes first.
/// - At most one prefetch runs at a time; others wait in a short queue. A user's request for
///   another page cancels the running prefetch and empties the queue.
/// - After `invalidate()`, an answer to a request started before it is never stored, and a
///   request for the same page does not join it.
/// - A load returns only once its page is stored, so whoever awaited it finds it cached.
public actor PageStore<Key: Hashable & Sendable, Page: FetchedAnswer> {
    public typealias Fetch = @Sendable (Key, _ onRetry: @escaping @Sendable (RetryNotice) -> Void) async throws(TavusError) -> Page

    public let capacity: Int
    /// Seconds after which a cached page is stale: still shown, but worth fetching again.
    public nonisolated let staleAfter: TimeInterval
    private let fetch: Fetch

    private struct Entry {
        var page: Page
        var lastUsed: UInt64
    }

    private var entries: [Key: Entry] = [:]
    private var inFlight: [Key: (task: Task<Page, any Error>, generation: Int)] = [:]
    /// Who hears of the retries of a request in flight: its starter and whoever joined it.
    private var listeners: [Key: RetryListeners] = [:]
    private var prefetching: (key: Key, task: Task<Void, Never>)?
    private var prefetchQueue: [Key] = []
    private static var prefetchQueueLimit: Int { 4 }
    private var clock: UInt64 = 0
    private var generation = 0

    /// What a prefetch waits for before it sends (the index writer's room), so fetching ahead
    /// never outruns what the pages are written to; a page asked for never waits on it.
    private let beforePrefetch: (@Sendable () async -> Void)?

    public init(capacity: Int = 100, staleAfter: TimeInterval = 60,
                beforePrefetch: (@Sendable () async -> Void)? = nil, fetch: @escaping Fetch) {
        self.capacity = max(1, capacity)
        self.staleAfter = staleAfter
        self.beforePrefetch = beforePrefetch
        self.fetch = fetch
    }

    /// Whether a page is older than `staleAfter`.
    public nonisolated func isStale(_ page: Page, now: Date = Date()) -> Bool {
        now.timeIntervalSince(page.fetchedAt) > staleAfter
    }

    /// The page from the cache, or fetched (sharing any request already under way for it).
    public func page(_ key: Key, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) async throws(TavusError) -> Page {
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
    public func reload(_ key: Key, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) async throws(TavusError) -> Page {
        try await load(key, onRetry: onRetry)
    }

    /// The cached page, if any, without a request. Counts as a use.
    public func cached(_ key: Key) -> Page? {
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
    public func prefetch(_ key: Key) -> Bool {
        guard entries[key] == nil, inFlight[key] == nil, prefetching?.key != key else { return false }
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

    /// Empties the cache (a refresh). Requests under way still finish but their pages are kept
    /// only if they were started after this call.
    public func invalidate() {
        entries.removeAll()
        prefetchQueue.removeAll()
        generation += 1
    }

    /// Gives up the request under way for a page, if any.
    public func cancel(_ key: Key) {
        inFlight[key]?.task.cancel()
        inFlight[key] = nil
        listeners[key] = nil
    }

    public var cachedPageCount: Int { entries.count }
    public var isPrefetching: Bool { prefetching != nil }
    public var queuedPrefetchCount: Int { prefetchQueue.count }

    private func startPrefetch(_ key: Key) {
        let gate = beforePrefetch
        let task = Task { [weak self] in
            await gate?()
            guard let self, !Task.isCancelled else { return }
            _ = try? await self.load(key, onRetry: nil)
            await self.prefetchFinished(key)
        }
        prefetching = (key, task)
    }

    private func load(_ key: Key, onRetry: (@Sendable (RetryNotice) -> Void)?) async throws(TavusError) -> Page {
        let task: Task<Page, any Error>
        let startedIn: Int
        // A request from before an invalidation, or one given up, is not joined.
        if let running = inFlight[key], running.generation == generation, !running.task.isCancelled {
            (task, startedIn) = (running.task, running.generation)
            if let onRetry { listeners[key]?.add(onRetry) }
        } else {
            let fetch = self.fetch
            let audience = RetryListeners(onRetry)
            listeners[key] = audience
            task = Task { try await fetch(key, audience.tell) }
            startedIn = generation
            inFlight[key] = (task, startedIn)
            // Also settled when no one waits any more (a cancelled waiter, a prefetch given up).
            Task { await self.settle(key, task: task, generation: startedIn) }
        }
        let page = try await SharedRequest.wait(for: task)
        await settle(key, task: task, generation: startedIn)
        return page
    }

    /// Stores a finished request's page (unless the cache was invalidated meanwhile) and
    /// forgets the request, so a failure is tried again next time. The first to settle a
    /// request does it; a request given up (`cancel`) stores nothing.
    private func settle(_ key: Key, task: Task<Page, any Error>, generation startedIn: Int) async {
        let result = await task.result
        guard inFlight[key]?.task == task else { return }
        inFlight[key] = nil
        listeners[key] = nil
        guard case .success(let page) = result, startedIn == generation else { return }
        clock += 1
        entries[key] = Entry(page: page, lastUsed: clock)
        evictIfNeeded()
    }

    private func prefetchFinished(_ key: Key) {
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
}

/// Waiting on a request that others may share.
enum SharedRequest {
    /// A shared request's answer; a waiter that is cancelled cancels the request, and any
    /// failure that is not the API's own comes out as `.cancelled`.
    static func wait<Value: Sendable>(for task: Task<Value, any Error>) async throws(TavusError) -> Value {
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
