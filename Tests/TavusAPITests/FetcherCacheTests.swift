import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("ConversationFetcher's cache, counted at the sandbox")
struct FetcherCacheTests {
    @Test func revisitedPageMakesNoRequest() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let first = try await fetcher.page(number: 1, limit: 10, status: .all)
            _ = try await fetcher.page(number: 2, limit: 10, status: .all)
            let again = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(again == first)
            #expect(sandbox.listRequestCount == 2)
        }
    }

    @Test func concurrentCallsForOnePageShareOneRequest() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 200)) { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let pages = try await withThrowingTaskGroup(of: ConversationPage.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await fetcher.page(number: 3, limit: 10, status: .ended) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(pages.count == 20)
            #expect(Set(pages.map(\.items)).count == 1)
            #expect(sandbox.listRequestCount == 1)
        }
    }

    @Test func failureIsNotCachedAndIsTriedAgain() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            sandbox.inject(.status(500), times: 1)
            let error = await tavusError { _ = try await fetcher.page(number: 1, limit: 10, status: .all) }
            #expect(error == .http(status: 500, message: "Internal Server Error", retryAfter: nil))
            let page = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(page.items.count == 10)
            #expect(sandbox.listRequestCount == 2)
        }
    }

    @Test func invalidateRefetches() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            _ = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(await eventually { await fetcher.cachedPageCount == 1 })
            await fetcher.invalidate()
            #expect(await fetcher.cachedPageCount == 0)

            let shrunk = Array(sandbox.conversations.prefix(4))
            sandbox.setConversations(shrunk)
            let page = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(page.items == shrunk)
            #expect(page.totalCount == 4)
            #expect(sandbox.listRequestCount == 2)
        }
    }

    @Test func reloadFetchesAnewAndUpdatesTheCache() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            _ = try await fetcher.page(number: 1, limit: 5, status: .all)
            let shrunk = Array(sandbox.conversations.prefix(2))
            sandbox.setConversations(shrunk)
            let reloaded = try await fetcher.reload(number: 1, limit: 5, status: .all)
            #expect(reloaded.items == shrunk)
            #expect(sandbox.listRequestCount == 2)
            #expect(await eventually { await fetcher.cached(PageKey(status: .all, number: 1, limit: 5))?.items == shrunk })
        }
    }

    @Test func capacityEvictsTheLeastRecentlyUsed() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client(), capacity: 3)
            for number in 1...5 {
                _ = try await fetcher.page(number: number, limit: 10, status: .all)
                // Pages are stored just after they are handed out; wait so the use order is certain.
                #expect(await eventually { await fetcher.cached(PageKey(status: .all, number: number, limit: 10)) != nil })
            }
            #expect(await fetcher.cachedPageCount == 3)
            #expect(sandbox.listRequestCount == 5)

            _ = try await fetcher.page(number: 5, limit: 10, status: .all)
            _ = try await fetcher.page(number: 3, limit: 10, status: .all)
            #expect(sandbox.listRequestCount == 5)

            _ = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(sandbox.listRequestCount == 6)
            #expect(await eventually { await fetcher.cached(PageKey(status: .all, number: 1, limit: 10)) != nil })
            #expect(await fetcher.cachedPageCount == 3)
            // Page 4 was the least recently used when page 1 came back.
            #expect(await fetcher.cached(PageKey(status: .all, number: 4, limit: 10)) == nil)
        }
    }

    @Test func filtersAndLimitsAreSeparatePages() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            _ = try await fetcher.page(number: 1, limit: 10, status: .all)
            _ = try await fetcher.page(number: 1, limit: 10, status: .active)
            _ = try await fetcher.page(number: 1, limit: 20, status: .all)
            #expect(sandbox.listRequestCount == 3)
        }
    }
}
