import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Client retries against the sandbox")
struct ClientRetryTests {
    /// Quick enough for tests, yet honouring the same rules as the standard policy.
    private let fastRetry = RetryPolicy(maxAttempts: 4, baseDelay: 0.05, maxDelay: 0.2)

    @Test func serviceUnavailableTwiceThenSuccess() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(503), times: 2)
            let notices = Collected<RetryNotice>()
            let page = try await sandbox.client(retry: fastRetry)
                .listConversations(page: 1, limit: 5, status: .all) { notices.append($0) }
            #expect(page.items.count == 5)
            #expect(sandbox.requestCount == 3)
            #expect(notices.values.map(\.attempt) == [2, 3])
            #expect(notices.values.allSatisfy { $0.maxAttempts == 4 })
            #expect(notices.values.allSatisfy { $0.error == .http(status: 503, message: "Service Unavailable", retryAfter: nil) })
        }
    }

    @Test func retryAfterIsHonouredUpToTheCap() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(429, retryAfterSeconds: 1), times: 1)
            let notices = Collected<RetryNotice>()
            let page = try await sandbox.client(retry: fastRetry)
                .listConversations(page: 1, limit: 5, status: .all) { notices.append($0) }
            #expect(page.items.count == 5)
            #expect(sandbox.requestCount == 2)
            let notice = try #require(notices.values.first)
            #expect(notices.values.count == 1)
            #expect(notice.attempt == 2)
            #expect(notice.delay == 0.2)
            #expect(notice.error == .http(status: 429, message: "Too Many Requests", retryAfter: 1))
        }
    }

    @Test func givesUpAfterMaxAttempts() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(502), times: nil)
            let error = await tavusError {
                _ = try await sandbox.client(retry: fastRetry).listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error == .http(status: 502, message: "Bad Gateway", retryAfter: nil))
            #expect(sandbox.requestCount == 4)
        }
    }

    @Test func notFoundIsNotRetried() async throws {
        try await withSandbox { sandbox in
            let notices = Collected<RetryNotice>()
            let error = await tavusError {
                _ = try await sandbox.client(retry: fastRetry)
                    .conversation(id: "cffffffffffffff0", verbose: false) { notices.append($0) }
            }
            #expect(error == .http(status: 400, message: "Invalid conversation_id", retryAfter: nil))
            #expect(sandbox.requestCount == 1)
            #expect(notices.values.isEmpty)
        }
    }

    @Test func serverErrorIsRetried() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(500), times: 1)
            let page = try await sandbox.client(retry: fastRetry).listConversations(page: 1, limit: 5, status: .all)
            #expect(page.items.count == 5)
            #expect(sandbox.requestCount == 2)
        }
    }

    @Test func badRequestAndUnauthorizedAreNotRetried() async throws {
        try await withSandbox { sandbox in
            let badRequest = await tavusError {
                _ = try await sandbox.client(retry: fastRetry).conversation(id: "c0b7-d9e3", verbose: false)
            }
            #expect(badRequest == .http(status: 400, message: "Invalid conversation_id", retryAfter: nil))
            let unauthorized = await tavusError {
                _ = try await sandbox.client(apiKey: "nope", retry: fastRetry).listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(unauthorized == .unauthorized(message: "Invalid access token"))
            #expect(sandbox.requestCount == 2)
        }
    }

    @Test func endIsNeverRetried() async throws {
        try await withSandbox { sandbox in
            let active = try #require(sandbox.conversations.first { $0.status == .active })
            sandbox.inject(.status(503), times: 1)
            let error = await tavusError {
                try await sandbox.client(retry: fastRetry).endConversation(id: active.id)
            }
            #expect(error == .http(status: 503, message: "Service Unavailable", retryAfter: nil))
            #expect(sandbox.requestCount == 1)
            #expect(sandbox.conversations.first { $0.id == active.id }?.status == .active)
        }
    }
}
