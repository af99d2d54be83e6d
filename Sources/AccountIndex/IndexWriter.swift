import Foundation
import TavusAPI

/// Writes what the browser fetches into the index, behind the screen and within bounds.
///
/// - It holds raw bytes only (a list answer or a record as it came), decoded when written, so a
///   page waiting costs its bytes and nothing more.
/// - Answers wait under their page key (`conversations?page=3&limit=20`, `record/c123`): the
///   same page fetched again replaces the one waiting instead of queueing twice.
/// - It holds at most `Limits.bytes`; an answer that does not fit is recorded as a *gap*, kept
///   in the index, which the next complete sync fills. Nothing fetched is dropped silently.
/// - Each transaction stores at most `Limits.perTransaction` answers, so no write holds the
///   index for long and what waits drains in order.
/// - `room()` lets a prefetch wait while the writer is full; a page the user asks for never
///   waits on the disk.
/// - `finish(within:)` stores what waits until a deadline, in one transaction once the one
///   under way ends, then records the rest as gaps.
/// - When nothing waits, it merges the search table's segments a step at a time
///   (`AccountIndex.tidySearch`), so no page's transaction pays for a merge.
public final class IndexWriter: @unchecked Sendable {
    public struct Limits: Sendable {
        /// The bytes that may wait at once.
        public var bytes: Int
        /// Answers stored in one transaction.
        public var perTransaction: Int
        /// A pause after each transaction, as a slow disk would take (for the end-to-end tests
        /// of what waits at exit).
        public var pause: Duration

        public init(bytes: Int = 1 << 20, perTransaction: Int = 8, pause: Duration = .zero) {
            self.bytes = max(1, bytes)
            self.perTransaction = max(1, perTransaction)
            self.pause = pause
        }
    }

    /// An answer waiting to be written.
    enum Waiting {
        case conversations(Data, page: Int, limit: Int, status: StatusFilter)
        case record(Data)
        case list(collection: String, Data)

        var bytes: Int {
            switch self {
            case .conversations(let data, _, _, _), .record(let data), .list(_, let data): data.count
            }
        }
    }

    /// What happened after a transaction: told to `written` (the browser's header refreshes).
    public struct Written: Sendable, Hashable {
        public var stored: Int
        public var gaps: Int
    }

    private let index: AccountIndex
    private let limits: Limits
    private let written: @Sendable (Written) -> Void
    private let failed: @Sendable (IndexError) -> Void
    private let lock = NSLock()
    private var waiting: [String: Waiting] = [:]
    private var order: [String] = []
    private var bytes = 0
    /// Page keys not stored, not yet written to the index's own record of gaps.
    private var newGaps: Set<String> = []
    private var gapCount = 0
    private var writer: Task<Void, Never>?
    private var broken = false
    private var closed = false
    private var roomWaiters: [CheckedContinuation<Void, Never>] = []
    /// Whether the writer stored something since the search table was last found tidy.
    private var untidy = false
    /// Whether the writer is merging segments, with nothing waiting.
    private var tidying = false
    /// Whether `finish` has begun: what waits then goes in one transaction, with no merging.
    private var finishing = false

    public init(index: AccountIndex, limits: Limits = Limits(),
                written: @escaping @Sendable (Written) -> Void = { _ in },
                failed: @escaping @Sendable (IndexError) -> Void = { _ in }) {
        self.index = index
        self.limits = limits
        self.written = written
        self.failed = failed
    }

    /// For `TavusClient.received`: the answer's bytes wait for the writer under its page key.
    /// Never blocks.
    @Sendable public func offer(_ received: TavusClient.Received) {
        // A list the index does not keep (documents, tools…) is not held at all: a tool's
        // page carries the customer's secrets.
        if case .list(let collection, _, _, _) = received, !Self.keptLists.contains(collection) { return }
        let (key, item) = Self.waiting(for: received)
        let start = lock.withLock { () -> Bool in
            guard !broken, !closed else { return false }
            let replaced = waiting[key]
            let growth = item.bytes - (replaced?.bytes ?? 0)
            guard bytes + growth <= limits.bytes || (waiting.isEmpty && writer == nil) else {
                if newGaps.insert(key).inserted { gapCount += 1 }
                return writer == nil
            }
            if replaced == nil { order.append(key) }
            waiting[key] = item
            bytes += growth
            newGaps.remove(key)
            return writer == nil
        }
        if start { startWriter() }
    }

    /// Returns when the writer has room for more (at once when it has); a prefetch waits here,
    /// so fetching ahead never outruns the disk.
    public func room() async {
        await withCheckedContinuation { continuation in
            let now = lock.withLock { () -> Bool in
                guard !broken, !closed, bytes >= limits.bytes / 2 else { return true }
                roomWaiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// The bytes waiting now.
    public var waitingBytes: Int { lock.withLock { bytes } }

    /// Stores what waits for up to `seconds`, then records what is left as gaps and stops
    /// taking answers. How many pages this writer recorded as gaps, in all.
    @discardableResult
    public func finish(within seconds: Double) async -> Int {
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(0, seconds) * 1000))
        lock.withLock { finishing = true }
        // A merge step under way holds nothing back; pages that came in meanwhile do.
        while lock.withLock({ writer != nil && !(tidying && order.isEmpty) }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        let running = lock.withLock { () -> Task<Void, Never>? in
            closed = true
            for key in order where newGaps.insert(key).inserted { gapCount += 1 }
            waiting.removeAll()
            order.removeAll()
            bytes = 0
            return writer
        }
        releaseRoomWaiters()
        // A transaction under way finishes (it is short); the gaps are written after it.
        await running?.value
        let (gaps, count) = lock.withLock { () -> (Set<String>, Int) in
            defer { newGaps.removeAll() }
            return (broken ? [] : newGaps, gapCount)
        }
        try? await index.noteGaps(gaps)
        return count
    }

    private func startWriter() {
        let task = Task { await self.drain() }
        lock.withLock { writer = task }
    }

    /// Stores what waits, a transaction at a time, until nothing waits.
    private func drain() async {
        while true {
            let (batch, gaps) = lock.withLock { () -> ([Waiting], Set<String>) in
                let keys = order.prefix(finishing ? order.count : limits.perTransaction)
                order.removeFirst(keys.count)
                let batch = keys.compactMap { waiting.removeValue(forKey: $0) }
                bytes -= batch.reduce(0) { $0 + $1.bytes }
                // Once finishing, the gaps are `finish`'s to write.
                let gaps = closed ? [] : newGaps
                if !closed { newGaps.removeAll() }
                tidying = batch.isEmpty && gaps.isEmpty && untidy && !closed && !finishing
                if batch.isEmpty, gaps.isEmpty, !tidying { writer = nil }
                return (batch, gaps)
            }
            releaseRoomWaitersIfRoom()
            let tidy = lock.withLock { tidying }
            guard !batch.isEmpty || !gaps.isEmpty || tidy else { return }
            do throws(IndexError) {
                if tidy {
                    let more = try await index.tidySearch()
                    lock.withLock { untidy = more }
                    continue
                }
                try await index.store(batch.compactMap(Self.entry), gaps: gaps)
                lock.withLock { untidy = true }
                written(Written(stored: batch.count, gaps: gaps.count))
                if limits.pause > .zero { try? await Task.sleep(for: limits.pause) }
            } catch {
                lock.withLock {
                    broken = true
                    tidying = false
                    writer = nil
                    waiting.removeAll()
                    order.removeAll()
                    bytes = 0
                }
                releaseRoomWaiters()
                failed(error)
                return
            }
        }
    }

    private func releaseRoomWaitersIfRoom() {
        let hasRoom = lock.withLock { bytes < limits.bytes / 2 }
        if hasRoom { releaseRoomWaiters() }
    }

    private func releaseRoomWaiters() {
        let waiters = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            defer { roomWaiters.removeAll() }
            return roomWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// The page key and the bytes of an answer.
    /// The lists whose objects the index keeps.
    static let keptLists: Set<String> = ["personas", "replicas"]

    static func waiting(for received: TavusClient.Received) -> (String, Waiting) {
        switch received {
        case .conversations(let page, let data):
            let status = page.status.queryValue.map { "&status=\($0)" } ?? ""
            return ("conversations?page=\(page.page)&limit=\(page.limit)\(status)",
                    .conversations(data, page: page.page, limit: page.limit, status: page.status))
        case .record(let detail, let data):
            return ("conversations/\(detail.conversation.id)", .record(data))
        case .list(let collection, let page, let limit, let data):
            return ("\(collection)?page=\(page)&limit=\(limit)", .list(collection: collection, data))
        }
    }

    /// What the index keeps of an answer, decoded now: each object as the API sent it beside
    /// its decoded form. An answer that no longer decodes is skipped.
    static func entry(_ item: Waiting) -> IndexEntry? {
        switch item {
        case .conversations(let data, let page, let limit, let status):
            guard let decoded = try? TavusClient.decodePage(data, page: page, limit: limit, status: status) else { return nil }
            let objects = RawJSON.elements(ofArray: "data", in: data) ?? []
            guard objects.count == decoded.items.count else { return nil }
            return .conversations(Array(zip(decoded.items, objects)),
                                  totalCount: status == .all && decoded.totalIsExact ? decoded.totalCount : nil)
        case .record(let data):
            guard let detail = try? TavusClient.decodeDetail(data) else { return nil }
            return .record(detail, data)
        case .list(let collection, let data):
            switch collection {
            case "personas": return .personas(IndexEntry.rows(Persona.self, of: data))
            case "replicas": return .replicas(IndexEntry.rows(Replica.self, of: data))
            default: return nil
            }
        }
    }
}
