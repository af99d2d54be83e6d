import AccountIndex
import Foundation
import BrowserCore
import BrowserRuntime
import TavusAPI

/// The account's index as the browser uses it: written through with every page and record the
/// browser fetches (by a bounded `IndexWriter`), searched, and synced. A write that fails (a
/// full disk, a read-only folder) is told once, and nothing more is written; the browser goes
/// on without the index.
final class IndexForBrowser: BrowserIndex, @unchecked Sendable {
    private let index: AccountIndex
    /// The client the sync uses: the browser's, without the write-through (the sync stores itself).
    private let client: TavusClient
    private let post: @Sendable (BrowserEvent) -> Void
    private let lock = NSLock()
    private var broken = false
    private var writer: IndexWriter!

    init(index: AccountIndex, client: TavusClient, post: @escaping @Sendable (BrowserEvent) -> Void) {
        self.index = index
        var plain = client
        plain.received = nil
        self.client = plain
        self.post = post
        // The end-to-end tests make the disk slow, to see what waits at exit.
        let pause = ProcessInfo.processInfo.environment["TAVUS_BROWSE_TEST_WRITE_PAUSE_MS"].flatMap(Int.init).map { Duration.milliseconds($0) }
        writer = IndexWriter(index: index, limits: IndexWriter.Limits(pause: pause ?? .zero),
                             written: { [weak self] _ in self?.tellCoverage() },
                             failed: { [weak self] in self?.fail($0) })
    }

    /// For `TavusClient.received`: the answer waits for the writer; never blocks.
    @Sendable func store(_ received: TavusClient.Received) {
        writer.offer(received)
    }

    /// For a prefetch: returns when the writer has room.
    @Sendable func room() async {
        await writer.room()
    }

    /// At exit: stores what waits for up to a second and records the rest as gaps.
    func finish() async {
        await writer.finish(within: 1)
    }

    private func tellCoverage() {
        Task {
            guard let coverage = try? await coverageNow() else { return }
            post(.indexCoverage(coverage, now: Date()))
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
            let report = try await IndexSync(client: client, index: index, kinds: ResourceRegistry.indexedKinds).run { step in
                if throttle.allows() || step.done == step.total {
                    progress(SyncProgress(phase: step.phase.rawValue, done: step.done, total: step.total))
                }
            }
            let skipped = report.skipped.isEmpty ? "" : "; skipped \(report.skipped.joined(separator: ", "))"
            return .success("Synced: \(Format.count(report.conversations)) conversations, \(Format.count(report.records)) records fetched "
                + "in \(Format.seconds(report.seconds))\(skipped)")
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
        return IndexCoverage(indexed: extent.conversations, total: extent.totalCount, syncedAt: extent.lastSyncedAt, gaps: extent.gaps)
    }

    private func fail(_ error: IndexError) {
        let first = lock.withLock {
            defer { broken = true }
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
