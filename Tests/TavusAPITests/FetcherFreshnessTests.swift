import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Stale pages and reloads, counted at the sandbox")
struct FetcherFreshnessTests {
    @Test func aPageOlderThanTheWindowIsStaleAndARevalidationFetchesItAnew() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client(), staleAfter: 0.2)
            let first = try await fetcher.page(number: 1, limit: 10, status: .all)
            #expect(!fetcher.isStale(first))
            #expect(fetcher.isStale(first, now: first.fetchedAt.addingTimeInterval(0.5)))

            let key = PageKey(status: .all, number: 1, limit: 10)
            let cached = try #require(await fetcher.cached(key))
            #expect(sandbox.listRequestCount == 1)
            let fresh = try await fetcher.reload(number: 1, limit: 10, status: .all)
            #expect(sandbox.listRequestCount == 2)
            #expect(fresh.fetchedAt > cached.fetchedAt)
            #expect(await fetcher.cached(key)?.fetchedAt == fresh.fetchedAt)
        }
    }

    @Test func invalidateMakesTheNextCallFetch() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            _ = try await fetcher.page(number: 2, limit: 5, status: .ended)
            await fetcher.invalidate()
            #expect(await fetcher.cachedPageCount == 0)
            _ = try await fetcher.page(number: 2, limit: 5, status: .ended)
            #expect(sandbox.listRequestCount == 2)
        }
    }
}

@Suite("Hostile answers")
struct HostileAnswerTests {
    @Test func forbiddenIsAnHTTPErrorWithTheServersMessageAndIsNotRetried() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(403), times: 1)
            let error = await tavusError {
                _ = try await sandbox.client(retry: .standard).listConversations(page: 1, limit: 5, status: .all)
            }
            guard case .http(403, let message, _) = error else {
                Issue.record("expected HTTP 403, got \(String(describing: error))")
                return
            }
            #expect(message == "Forbidden")
            #expect(sandbox.listRequestCount == 1)
        }
    }

    @Test func invalidUTF8InANameLosesTheNameNotTheRow() throws {
        var bytes = Array(#"{"data":[{"conversation_id":"c1","conversation_name":"bad "#.utf8)
        bytes += [0xFF, 0xFE, 0xC3]
        bytes += Array(#"","status":"ended"}],"total_count":1}"#.utf8)
        let page = try TavusClient.decodePage(Data(bytes), page: 1, limit: 10, status: .all)
        #expect(page.items.map(\.id) == ["c1"])
        #expect(page.items.first?.name == "")
        #expect(page.items.first?.status == .ended)
        #expect(page.totalCount == 1 && page.totalIsExact)
    }

    @Test func aPageOfAThousandRowsWithTenKilobyteNamesDecodes() async throws {
        try await withSandbox { sandbox in
            let long = String(repeating: "Ω\u{1B}[31m", count: 2_000)
            let rows = (0..<1_000).map { index in
                Conversation(id: String(format: "c%015x", index), name: index % 100 == 0 ? long : "Row \(index)",
                             status: .ended, url: "https://tavus.daily.co/c\(index)",
                             createdAt: Timestamp(raw: "2026-11-01T10:00:00.000000Z"), updatedAt: Timestamp(raw: ""))
            }
            sandbox.setConversations(rows)
            let page = try await sandbox.client().listConversations(page: 1, limit: 1_000, status: .all)
            #expect(page.items.count == 1_000)
            #expect(page.items.contains { $0.name == long })
        }
    }
}
