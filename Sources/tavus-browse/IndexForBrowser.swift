import AccountIndex
import Foundation
import BrowserCore
import BrowserRuntime
import TavusAPI

/// The account's index as the browser uses it: written through with every page and record the
/// browser fetches, searched, and synced. Writes run one at a time, each storing in one
/// transaction all that came in while the last one ran, so pages turned faster than they are
/// written wait as a short queue, not as a task each. A write that fails (a full disk, a
/// read-only folder) is told once, and nothing more is written; the browser goes on without
/// the index.
final class IndexForBrowser: BrowserIndex, @unchecked Sendable {
    private let index: AccountIndex
    /// The client the sync uses: the browser's, without the write-through (the sync stores itself).
    private let client: TavusClient
    private let post: @Sendable (BrowserEvent) -> Void
    private let lock = NSLock()
    private var broken = false
    private var waiting: [TavusClient.Received] = []
    private var writing = false

    init(index: AccountIndex, client: TavusClient, post: @escaping @Sendable (BrowserEvent) -> Void) {
        self.index = index
        var plain = client
        plain.received = nil
        self.client = plain
        self.post = post
    }

    /// For `TavusClient.received`: queues what came for the writer, starting it when it is idle.
    @Sendable func store(_ received: TavusClient.Received) {
        let start = lock.withLock {
            guard !broken else { return false }
            waiting.append(received)
            defer { writing = true }
            return !writing
        }
        if start { Task { await writeWaiting() } }
    }

    /// Stores what waits, then tells what the index covers, until nothing waits.
    private func writeWaiting() async {
        while true {
            let batch = lock.withLock {
                defer { waiting = [] }
                writing = !waiting.isEmpty
                return waiting
            }
            guard !batch.isEmpty else { return }
            do throws(IndexError) {
                try await index.store(batch.compactMap(Self.entry))
                post(.indexCoverage(try await coverageNow(), now: Date()))
            } catch {
                fail(error)
                return
            }
        }
    }

    /// What the index keeps of an answer: each object as the API sent it beside its decoded form.
    private static func entry(_ received: TavusClient.Received) -> IndexEntry? {
        switch received {
        case .conversations(let page, let data):
            let objects = RawJSON.elements(ofArray: "data", in: data) ?? []
            guard objects.count == page.items.count else { return nil }
            return .conversations(Array(zip(page.items, objects)),
                                  totalCount: page.status == .all && page.totalIsExact ? page.totalCount : nil)
        case .record(let detail, let data):
            return .record(detail, data)
        case .list(let collection, let data):
            switch collection {
            case "personas": return .personas(IndexEntry.rows(Persona.self, of: data))
            case "replicas": return .replicas(IndexEntry.rows(Replica.self, of: data))
            default: return nil
            }
        }
    }

    func search(_ query: String, status: StatusFilter, limit: Int) async throws(IndexProblem) -> [IndexHit] {
        do {
            return try await index.search(query, status: status.queryValue, limit: limit).map { hit in
                IndexHit(conversation: hit.conversation, snippet: hit.snippet, match: hit.match,
                         personaName: hit.personaName, replicaName: hit.replicaName)
            }
        } catch {
            throw IndexProblem(error.description)
        }
    }

    func page(_ key: PageKey) async -> ConversationPage? {
        var query = ["page": String(key.number), "limit": String(key.limit)]
        query["status"] = key.status.queryValue
        guard let body = await index.body(path: "/v2/conversations", query: query) else { return nil }
        return try? TavusClient.decodePage(body, page: key.number, limit: key.limit, status: key.status)
    }

    func coverage() async throws(IndexProblem) -> IndexCoverage {
        do { return try await coverageNow() } catch { throw IndexProblem(error.description) }
    }

    func sync(progress: @escaping @Sendable (SyncProgress) -> Void) async -> Result<String, IndexProblem> {
        let throttle = Throttle(interval: 0.1)
        do {
            let report = try await IndexSync(client: client, index: index).run { step in
                if throttle.allows() || step.done == step.total {
                    progress(SyncProgress(phase: step.phase.rawValue, done: step.done, total: step.total))
                }
            }
            return .success("Synced: \(Format.count(report.conversations)) conversations, \(Format.count(report.records)) records fetched "
                + "in \(Format.seconds(report.seconds))")
        } catch {
            switch error {
            case .api(let failure): return .failure(IndexProblem(failure.description))
            case .index(let failure):
                fail(failure)
                return .failure(IndexProblem(failure.description))
            }
        }
    }

    private func coverageNow() async throws(IndexError) -> IndexCoverage {
        let extent = try await index.extent()
        return IndexCoverage(indexed: extent.conversations, total: extent.totalCount, syncedAt: extent.lastSyncedAt)
    }

    private func fail(_ error: IndexError) {
        let first = lock.withLock {
            defer {
                broken = true
                waiting = []
                writing = false
            }
            return !broken
        }
        if first { post(.indexFailed(error.description)) }
    }
}

/// Lets a thing through at most once an interval.
final class Throttle: @unchecked Sendable {
    private let lock = NSLock()
    private let interval: TimeInterval
    private var last = Date.distantPast

    init(interval: TimeInterval) {
        self.interval = interval
    }

    func allows(now: Date = Date()) -> Bool {
        lock.withLock {
            guard now.timeIntervalSince(last) >= interval else { return false }
            last = now
            return true
        }
    }
}
