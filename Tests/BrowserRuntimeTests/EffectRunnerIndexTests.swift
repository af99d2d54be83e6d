import BrowserCore
@testable import BrowserRuntime
import Foundation
import TavusAPI
import Testing

/// The runner's work with the index: searches (a newer text wins), the sync, what it covers.
@Suite("The effect runner and the index")
struct EffectRunnerIndexTests {
    /// An index whose searches take `delay` for a one-letter text and none otherwise.
    final class SlowIndex: BrowserIndex, @unchecked Sendable {
        let delay: Duration
        init(delay: Duration) { self.delay = delay }

        func search(_ query: String, status: StatusFilter, limit: Int) async throws(IndexProblem) -> [IndexHit] {
            if query.count == 1 { try? await Task.sleep(for: delay) }
            return [IndexHit(conversation: Conversation(id: "c-\(query)", name: query, status: .ended, url: "",
                                                        createdAt: Timestamp(raw: ""), updatedAt: Timestamp(raw: "")))]
        }

        func coverage() async throws(IndexProblem) -> IndexCoverage {
            IndexCoverage(indexed: 7, total: 9, syncedAt: nil)
        }

        /// Page 1 only.
        func page(_ key: PageKey) async -> ConversationPage? {
            guard key.number == 1 else { return nil }
            let row = Conversation(id: "c-indexed", name: "From the index", status: .ended, url: "",
                                   createdAt: Timestamp(raw: ""), updatedAt: Timestamp(raw: ""))
            return ConversationPage(items: [row], page: 1, limit: key.limit, status: key.status, totalCount: 1)
        }

        func sync(progress: @escaping @Sendable (SyncProgress) -> Void) async -> Result<String, IndexProblem> {
            progress(SyncProgress(phase: "conversations", done: 9, total: 9))
            return .failure(IndexProblem("the disk is full"))
        }
    }

    private func runner(_ index: any BrowserIndex, events: EventLog) -> EffectRunner {
        let client = TavusClient(configuration: ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k", proxy: .none))
        return EffectRunner(fetcher: ConversationFetcher(client: client), index: index, post: events.append, emit: { _ in })
    }

    @Test func aNewerTextCancelsTheSearchUnderWay() async throws {
        let events = EventLog()
        let runner = runner(SlowIndex(delay: .milliseconds(300)), events: events)
        runner.perform(.searchIndex("r", status: .all))
        runner.perform(.searchIndex("re", status: .all))
        #expect(await events.eventually { $0.contains { if case .indexResults(let results) = $0 { results.query == "re" } else { false } } })
        try await Task.sleep(for: .milliseconds(400))
        let answered = events.all.compactMap { if case .indexResults(let results) = $0 { results.query } else { nil } }
        #expect(answered == ["re"])
    }

    @Test func theSyncTellsItsProgressItsEndAndTheCoverage() async throws {
        let events = EventLog()
        let runner = runner(SlowIndex(delay: .zero), events: events)
        runner.perform(.startSync)
        #expect(await events.eventually { $0.contains { if case .indexCoverage = $0 { true } else { false } } })
        let kinds = events.all.map { event -> String in
            switch event {
            case .syncProgress(let progress): "progress \(progress.done)/\(progress.total)"
            case .syncFinished(let summary, let failed): "\(failed ? "failed" : "done"): \(summary)"
            case .indexCoverage(let coverage, _): "coverage \(coverage.indexed)/\(coverage.total ?? 0)"
            default: "other"
            }
        }
        #expect(kinds == ["progress 9/9", "failed: Sync stopped: the disk is full", "coverage 7/9"])
    }

    @Test func theIndexsCopyOfAPageComesBackOrNoneWhenItHasNone() async throws {
        let events = EventLog()
        let runner = runner(SlowIndex(delay: .zero), events: events)
        runner.perform(.loadIndexPage(PageKey(status: .all, number: 2, limit: 20)))
        runner.perform(.loadIndexPage(PageKey(status: .all, number: 1, limit: 20)))
        func pages() -> [String] {
            events.all.compactMap { event in
                guard case .indexPageLoaded(let key, let page) = event else { return nil }
                return "\(key.number): \(page.map { "\($0.items.map(\.id))" } ?? "none")"
            }.sorted()
        }
        #expect(await events.eventually { _ in pages().count == 2 })
        #expect(pages() == ["1: [\"c-indexed\"]", "2: none"])
    }
}
