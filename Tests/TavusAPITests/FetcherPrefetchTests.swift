import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("ConversationFetcher's prefetch, counted at the sandbox")
struct FetcherPrefetchTests {
    @Test func prefetchedPageNeedsNoRequest() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            #expect(await fetcher.prefetch(number: 2, limit: 10, status: .all))
            #expect(await eventually { await fetcher.cachedPageCount == 1 })
            #expect(await eventually { await !fetcher.isPrefetching })
            #expect(sandbox.listRequestCount == 1)
            #expect(sandbox.requests.first?.query["page"] == "2")

            let page = try await fetcher.page(number: 2, limit: 10, status: .all)
            #expect(page.items == Array(sandbox.conversations[10..<20]))
            #expect(sandbox.listRequestCount == 1)
        }
    }

    @Test func prefetchSkipsCachedPagesAndQueuesTheRest() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 300)) { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            _ = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(await eventually { await fetcher.cachedPageCount == 1 })
            #expect(await !fetcher.prefetch(number: 1, limit: 10, status: .all))
            #expect(await !fetcher.prefetch(number: 0, limit: 10, status: .all))
            #expect(await fetcher.prefetch(number: 2, limit: 10, status: .all))
            #expect(await !fetcher.prefetch(number: 3, limit: 10, status: .all))
            #expect(await fetcher.queuedPrefetchCount == 1)

            #expect(await eventually {
                let count = await fetcher.cachedPageCount
                let prefetching = await fetcher.isPrefetching
                return count == 3 && !prefetching
            })
            #expect(await fetcher.queuedPrefetchCount == 0)
            #expect(sandbox.requests.map { $0.query["page"] } == ["1", "2", "3"])
        }
    }

    @Test func userRequestCancelsARunningPrefetch() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 500)) { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            #expect(await fetcher.prefetch(number: 5, limit: 10, status: .all))
            #expect(await !fetcher.prefetch(number: 6, limit: 10, status: .all))
            #expect(await fetcher.isPrefetching)
            #expect(await fetcher.queuedPrefetchCount == 1)

            let page = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(page.items == Array(sandbox.conversations.prefix(10)))
            #expect(await !fetcher.isPrefetching)
            #expect(await fetcher.queuedPrefetchCount == 0)
            #expect(await eventually { await fetcher.cached(PageKey(status: .all, number: 1, limit: 10)) != nil })
            #expect(await fetcher.cached(PageKey(status: .all, number: 5, limit: 10)) == nil)
        }
    }

    @Test func aLoadThatJoinsARetryingPrefetchHearsOfTheRetries() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(503), onPage: 2, times: 2)
            let fetcher = ConversationFetcher(client: sandbox.client(retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.4, maxDelay: 0.4)))
            #expect(await fetcher.prefetch(number: 2, limit: 10, status: .all))
            #expect(await eventually { sandbox.listRequestCount >= 1 })
            let notices = NoticeLog()
            let page = try await fetcher.page(number: 2, limit: 10, status: .all) { notices.append($0) }
            #expect(page.items.count == 10)
            #expect(sandbox.listRequestCount == 3)
            #expect(notices.all.map(\.attempt).last == 3)
            #expect(!notices.all.isEmpty)
        }
    }
}
