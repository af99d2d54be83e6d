import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("ConversationFetcher's detail cache, counted at the sandbox")
struct FetcherDetailTests {
    private func detailRequests(_ sandbox: SandboxServer) -> Int {
        sandbox.requestCount { $0.path.hasPrefix("/v2/conversations/") }
    }

    @Test func detailIsFetchedOnceThenCached() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let ended = try #require(sandbox.conversations.first { $0.status == .ended })
            let first = try await fetcher.detail(id: ended.id)
            let second = try await fetcher.detail(id: ended.id)
            #expect(first == second)
            #expect(first.events != nil)
            #expect(sandbox.requests.first?.query["verbose"] == "true")
            #expect(detailRequests(sandbox) == 1)
        }
    }

    @Test func forgottenDetailIsFetchedAgain() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let active = try #require(sandbox.conversations.first { $0.status == .active })
            #expect(try await fetcher.detail(id: active.id).conversation.status == .active)
            try await sandbox.client().endConversation(id: active.id)
            await fetcher.forgetDetail(id: active.id)
            let detail = try await fetcher.detail(id: active.id)
            #expect(detail.conversation.status == .ended)
            #expect(detail.shutdownReason == "end_conversation_endpoint_hit")
            #expect(detailRequests(sandbox) == 3)
        }
    }

    @Test func failedDetailIsNotCached() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let id = sandbox.conversations[0].id
            sandbox.inject(.htmlBody, times: 1)
            let error = await tavusError { _ = try await fetcher.detail(id: id) }
            guard case .http(502, _, _) = error else {
                Issue.record("expected HTTP 502, got \(String(describing: error))")
                return
            }
            _ = try await fetcher.detail(id: id)
            #expect(detailRequests(sandbox) == 2)
        }
    }

    @Test func invalidateForgetsDetails() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let id = sandbox.conversations[0].id
            _ = try await fetcher.detail(id: id)
            await fetcher.invalidate()
            _ = try await fetcher.detail(id: id)
            #expect(detailRequests(sandbox) == 2)
        }
    }

    @Test func concurrentRequestsForOneRecordShareOneRequest() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 200)) { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let id = sandbox.conversations[0].id
            async let a = fetcher.detail(id: id)
            async let b = fetcher.detail(id: id)
            async let c = fetcher.detail(id: id, fresh: true)
            let records = try await [a, b, c]
            #expect(Set(records.map(\.conversation.id)) == [id])
            #expect(detailRequests(sandbox) == 1)
        }
    }

    @Test func aRecordInFlightDuringAnInvalidationIsNotStored() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 300)) { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let id = sandbox.conversations[0].id
            let early = Task { try await fetcher.detail(id: id) }
            #expect(await eventually { detailRequests(sandbox) == 1 })
            await fetcher.invalidate()
            _ = try await early.value
            #expect(await fetcher.cachedDetail(id: id) == nil, "an answer asked for before the invalidation was kept")
            // A request after the invalidation does not join the old one.
            _ = try await fetcher.detail(id: id)
            #expect(detailRequests(sandbox) == 2)
            #expect(await fetcher.cachedDetail(id: id) != nil)
        }
    }

    @Test func freshAsksAgainEvenWhenCached() async throws {
        try await withSandbox { sandbox in
            let fetcher = ConversationFetcher(client: sandbox.client())
            let id = sandbox.conversations[0].id
            _ = try await fetcher.detail(id: id)
            _ = try await fetcher.detail(id: id, fresh: true)
            #expect(detailRequests(sandbox) == 2)
        }
    }
}
