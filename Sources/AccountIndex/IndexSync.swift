import Foundation
import TavusAPI

/// Fills the index from the API: the personas and replicas, every list page of conversations,
/// then the verbose record of each ended conversation whose stored record is not final, newest
/// first. Pages and records are fetched by `jobs` workers at once, which all wait when any of
/// them is told to back off (a 429), and each is stored in a transaction of its own, so a sync
/// that is killed leaves a consistent index and the next one picks up the records still missing.
public struct IndexSync: Sendable {
    public let client: TavusClient
    public let index: AccountIndex
    public let jobs: Int
    public let pageSize: Int
    /// The account's other kinds it lists whole (documents, tools), each stored as its model
    /// keeps it.
    public let kinds: [any ListedResource.Type]

    public init(client: TavusClient, index: AccountIndex, kinds: [any ListedResource.Type] = [], jobs: Int = 4, pageSize: Int = 100) {
        self.client = client
        self.index = index
        self.kinds = kinds
        self.jobs = max(1, jobs)
        self.pageSize = max(1, pageSize)
    }

    /// How far a sync has come; told after each page or record.
    public struct Progress: Sendable, Hashable {
        public enum Phase: String, Sendable { case conversations, records }
        public var phase: Phase
        public var done: Int
        /// What this phase will do in all, as far as is known.
        public var total: Int
    }

    public struct Report: Sendable {
        /// Conversations on the list pages stored.
        public var conversations: Int
        /// Records fetched and stored.
        public var records: Int
        /// How many items of each other kind were stored, by collection, in the order listed.
        public var items: [(collection: String, count: Int)] = []
        public var seconds: Double
        /// The kinds the account could not list (a 404 or 403 on personas, say), with why; the
        /// rest was synced.
        public var skipped: [String] = []
    }

    public enum Failure: Error, Sendable {
        case api(TavusError)
        case index(IndexError)
    }

    public func run(progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws(Failure) -> Report {
        let started = ContinuousClock.now
        let pacer = Pacer()
        // The names and the first page are asked for at once; the names are stored first, so
        // that the conversations are searchable by them as they come in. A kind the account
        // cannot list is skipped and said; only the conversations failing fails the sync.
        async let personas = ResourcePages<Persona>(pageSize: pageSize, client: client, pacer: pacer).fetchAll()
        async let replicas = ResourcePages<Replica>(pageSize: pageSize, client: client, pacer: pacer).fetchAll()
        async let first = firstPage(pacer: pacer)
        async let others = otherKinds(pacer: pacer)
        let names = (await personas, await replicas)
        let firstPage = try await first.get()
        var skipped: [String] = []
        do throws(IndexError) {
            switch names.0 {
            case .success(let rows): try await index.storePersonas(rows)
            case .failure(let failure): skipped.append("personas (\(try Self.reason(failure)))")
            }
            switch names.1 {
            case .success(let rows): try await index.storeReplicas(rows)
            case .failure(let failure): skipped.append("replicas (\(try Self.reason(failure)))")
            }
        } catch {
            throw .index(error)
        }
        var items: [(collection: String, count: Int)] = []
        do throws(IndexError) {
            for (collection, listed) in await others {
                switch listed {
                case .success(let rows):
                    try await index.store([.items(collection: collection, rows)])
                    items.append((collection, rows.count))
                case .failure(let failure): skipped.append("\(collection) (\(try Self.reason(failure)))")
                }
            }
        } catch {
            throw .index(error)
        }
        let conversations = try await listConversations(first: firstPage, pacer: pacer, progress: progress)
        let records = try await fetchRecords(pacer: pacer, progress: progress)
        // Every list page was walked: the gaps the browser left are filled.
        do {
            try await index.noteSynced()
            while !Task.isCancelled, try await index.tidySearch() {}
            if !Task.isCancelled { try await index.compact() }
        } catch {
            throw .index(error)
        }
        let elapsed = ContinuousClock.now - started
        return Report(conversations: conversations, records: records, items: items,
                      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                      skipped: skipped)
    }

    /// Every item of each other kind, kind after kind; a kind the account cannot list fails alone.
    private func otherKinds(pacer: Pacer) async -> [(String, Result<[(id: String, name: String, json: Data)], Failure>)] {
        var listed: [(String, Result<[(id: String, name: String, json: Data)], Failure>)] = []
        for kind in kinds { listed.append((kind.collection, await items(of: kind, pacer: pacer))) }
        return listed
    }

    private func items<Item: ListedResource>(of kind: Item.Type, pacer: Pacer) async -> Result<[(id: String, name: String, json: Data)], Failure> {
        await ResourcePages<Item>(pageSize: pageSize, client: client, pacer: pacer).fetchAll()
            .map { rows in rows.map { (id: $0.0.id, name: $0.0.name, json: Item.kept($0.1)) } }
    }

    /// Why a kind was skipped; an index failure is thrown, a cancellation too.
    private static func reason(_ failure: Failure) throws(IndexError) -> String {
        switch failure {
        case .index(let error): throw error
        case .api(let error): return error.description
        }
    }

    // MARK: - Conversations

    /// Every list page, `jobs` at once, until one brings nothing new: a page that is short or
    /// empty, or whose conversations this sync has all seen already (a server that repeats its
    /// last page). The server's `total_count` is shown as progress, never trusted: nothing is
    /// planned or allocated from it.
    private func listConversations(
        first fetched: FetchedPage, pacer: Pacer, progress: @escaping @Sendable (Progress) -> Void
    ) async throws(Failure) -> Int {
        let walk = PageWalk(pageSize: pageSize, announcedPages: fetched.page.totalIsExact ? fetched.page.pageCount : 1)
        let counter = Counter()
        let total: @Sendable (Int) -> Int = { done in
            fetched.page.totalIsExact ? max(fetched.page.totalCount, done) : done
        }
        try await store(fetched)
        let (fresh, goesOn) = walk.brings(fetched.page, number: 1)
        let done = counter.add(fresh)
        progress(Progress(phase: .conversations, done: done, total: total(done)))
        guard goesOn else { return counter.value }
        try await Self.together(walk, jobs: jobs) { number throws(Failure) in
            let page = try await fetchConversationPage(number, pacer: pacer)
            let (fresh, _) = walk.brings(page.page, number: number)
            guard fresh > 0 else { return {} }
            return { () throws(Failure) in
                try await store(page)
                let done = counter.add(fresh)
                progress(Progress(phase: .conversations, done: done, total: total(done)))
            }
        }
        return counter.value
    }

    /// One list page, with each conversation's object as it came.
    struct FetchedPage: Sendable {
        var page: ConversationPage
        var rows: [(Conversation, Data)]
    }

    /// Page 1, or why not; never throws, so that it can be awaited beside the names.
    private func firstPage(pacer: Pacer) async -> Result<FetchedPage, Failure> {
        do throws(Failure) {
            return .success(try await fetchConversationPage(1, pacer: pacer))
        } catch {
            return .failure(error)
        }
    }

    private func fetchConversationPage(_ number: Int, pacer: Pacer) async throws(Failure) -> FetchedPage {
        let data = try await pacer.request { onRetry throws(TavusError) in
            try await client.listConversationsData(page: number, limit: pageSize, status: .all, onRetry: onRetry)
        }
        let page: ConversationPage
        do { page = try TavusClient.decodePage(data, page: number, limit: pageSize, status: .all) } catch { throw .api(error) }
        let objects = RawJSON.elements(ofArray: "data", in: data) ?? []
        let rows = objects.count == page.items.count
            ? Array(zip(page.items, objects))
            : page.items.map { ($0, Data("{}".utf8)) }
        return FetchedPage(page: page, rows: rows)
    }

    private func store(_ fetched: FetchedPage) async throws(Failure) {
        do {
            try await index.storeConversations(fetched.rows, totalCount: fetched.page.totalIsExact ? fetched.page.totalCount : nil)
        } catch {
            throw .index(error)
        }
    }

    // MARK: - Records

    private func fetchRecords(pacer: Pacer, progress: @escaping @Sendable (Progress) -> Void) async throws(Failure) -> Int {
        let ids: [String]
        do { ids = try await index.conversationsNeedingRecords() } catch { throw .index(error) }
        let counter = Counter()
        progress(Progress(phase: .records, done: 0, total: ids.count))
        try await Self.together(ids, jobs: jobs) { id throws(Failure) in
            let data = try await pacer.request { onRetry throws(TavusError) in
                try await client.conversationData(id: id, verbose: true, onRetry: onRetry)
            }
            let detail: ConversationDetail
            do throws(TavusError) { detail = try TavusClient.decodeDetail(data) } catch { throw .api(error) }
            return { () throws(Failure) in
                do throws(IndexError) { try await index.storeRecord(detail, json: data) } catch { throw .index(error) }
                progress(Progress(phase: .records, done: counter.add(1), total: ids.count))
            }
        }
        return counter.value
    }

    /// What a worker stores of an item once it has fetched it.
    typealias Storing = @Sendable () async throws(Failure) -> Void

    /// Runs `fetch` on each item with at most `jobs` at once, in the items' order, and the
    /// storing it returns while the same worker fetches its next item (one store waiting per
    /// worker at most, so the writes never hold up the requests); the first failure cancels
    /// the rest and is thrown.
    static func together<Item: Sendable>(
        _ items: [Item], jobs: Int, _ fetch: @escaping @Sendable (Item) async throws(Failure) -> Storing
    ) async throws(Failure) {
        try await together(WorkQueue(items), jobs: min(jobs, max(1, items.count)), fetch)
    }

    /// The same, over items handed out until the source has no more.
    static func together<Item: Sendable>(
        _ queue: some WorkSource<Item>, jobs: Int, _ fetch: @escaping @Sendable (Item) async throws(Failure) -> Storing
    ) async throws(Failure) {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<max(1, jobs) {
                    group.addTask {
                        var storing: Task<Void, any Error>?
                        while let item = queue.next() {
                            try Task.checkCancellation()
                            let next = try await fetch(item)
                            try await storing?.value
                            storing = Task { try await next() }
                        }
                        try await storing?.value
                    }
                }
                try await group.waitForAll()
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .api(.cancelled)
        }
    }
}

/// Every page of personas or replicas, one after another (an account has few), each item with
/// its object as it came.
struct ResourcePages<Item: ListedResource>: Sendable {
    let pageSize: Int
    let client: TavusClient
    let pacer: Pacer

    /// Every item of every page; never throws, so that it can be awaited beside other requests.
    /// Stops at a page that is short, or that brings no object not seen on an earlier page (a
    /// server repeating itself), whatever its `total_count` says.
    func fetchAll() async -> Result<[(Item, Data)], IndexSync.Failure> {
        var all: [(Item, Data)] = []
        var seen: Set<Data> = []
        var number = 1
        while true {
            do throws(IndexSync.Failure) {
                let (rows, more) = try await fetch(page: number)
                let fresh = rows.filter { seen.insert($0.1).inserted }
                all += fresh
                guard more, !fresh.isEmpty else { return .success(all) }
                number += 1
            } catch {
                return .failure(error)
            }
        }
    }

    /// One page's items, and whether another page follows.
    private func fetch(page number: Int) async throws(IndexSync.Failure) -> ([(Item, Data)], Bool) {
        let data = try await pacer.request { onRetry throws(TavusError) in
            try await client.listData(Item.self, page: number, limit: pageSize, onRetry: onRetry)
        }
        let page: ListPage<Item, Int>
        do { page = try TavusClient.decodeList(data, page: number, limit: pageSize, filter: 0) } catch { throw .api(error) }
        return (IndexEntry.rows(Item.self, of: data), page.items.count >= pageSize && number < page.pageCount)
    }
}

/// The moment before which no worker starts a request: pushed back whenever one of them is
/// told to retry after a 429, so they all back off together.
final class Pacer: @unchecked Sendable {
    private let lock = NSLock()
    private var notBefore = ContinuousClock.now

    /// Waits for the pause, then sends; a 429 on the way pauses every worker for its delay.
    func request(_ send: (@escaping @Sendable (RetryNotice) -> Void) async throws(TavusError) -> Data) async throws(IndexSync.Failure) -> Data {
        while true {
            let wait = lock.withLock { notBefore - ContinuousClock.now }
            guard wait > .zero else { break }
            do { try await Task.sleep(for: wait) } catch { throw .api(.cancelled) }
        }
        do {
            return try await send { [self] notice in
                guard case .http(429, _, _) = notice.error else { return }
                pause(for: notice.delay)
            }
        } catch {
            throw .api(error)
        }
    }

    func pause(for seconds: Double) {
        let until = ContinuousClock.now + .nanoseconds(Int64(max(0, min(seconds, 60)) * 1e9))
        lock.withLock { notBefore = max(notBefore, until) }
    }
}

/// What hands the sync's workers their items, one at a time, until it has no more.
protocol WorkSource<Item>: Sendable {
    associatedtype Item: Sendable
    func next() -> Item?
}

/// The list's page numbers from 2 on, handed out until a page is seen to end the list: one
/// that is short, empty, or brings no conversation this walk has not seen. The pages the
/// server's count announces are handed out at once (it is a hint, and nothing is made from
/// it); past them, one page at a time, each after the one before it came full of new rows.
/// Holds the ids seen, which grow with the account, not with what the server claims.
final class PageWalk: WorkSource, @unchecked Sendable {
    private let lock = NSLock()
    private let pageSize: Int
    private var nextNumber = 2
    private var end = Int.max
    /// The last page that may be handed out now.
    private var ahead: Int
    private var seen: Set<String> = []

    init(pageSize: Int, announcedPages: Int) {
        self.pageSize = pageSize
        ahead = max(1, announcedPages)
    }

    func next() -> Int? {
        lock.withLock {
            guard nextNumber < end, nextNumber <= ahead, nextNumber < Int.max else { return nil }
            defer { nextNumber += 1 }
            return nextNumber
        }
    }

    /// How many conversations page `number` brings that the walk had not seen (they are noted
    /// as seen), and whether the list may go on after it; when not, no page after it is handed out.
    func brings(_ page: ConversationPage, number: Int) -> (fresh: Int, goesOn: Bool) {
        lock.withLock {
            let fresh = page.items.filter { seen.insert($0.id).inserted }.count
            guard fresh == 0 || page.items.count < pageSize else {
                if number >= ahead, ahead < Int.max { ahead = number + 1 }
                return (fresh, true)
            }
            end = min(end, number + (fresh == 0 ? 0 : 1))
            return (fresh, false)
        }
    }
}

/// Items handed out one at a time to the workers.
final class WorkQueue<Item: Sendable>: WorkSource, @unchecked Sendable {
    private let lock = NSLock()
    private var items: ArraySlice<Item>

    init(_ items: [Item]) {
        self.items = items[...]
    }

    func next() -> Item? {
        lock.withLock { items.popFirst() }
    }
}

/// A count the workers add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    /// Adds and returns the new count.
    func add(_ amount: Int) -> Int {
        lock.withLock {
            count += amount
            return count
        }
    }
}
