import Foundation
@testable import TavusAPI
import TavusSandbox
import Testing

@Suite("The client's transport against a hostile server")
struct ClientTransportTests {
    @Test func redirectToAnotherHostIsRefusedAndTheKeyStaysHome() async throws {
        try await withSandbox { api in
            try await withSandbox(SandboxConfiguration(apiKey: "foreign")) { foreign in
                api.inject(.redirect(to: foreign.baseURL.absoluteString + "/v2/conversations"), times: nil)
                let error = await tavusError {
                    _ = try await api.client().listConversations(page: 1, limit: 5, status: .all)
                }
                guard case .redirectRefused(let target, _)? = error else {
                    Issue.record("expected a refused redirect, got \(String(describing: error))")
                    return
                }
                #expect(target.contains("127.0.0.1:\(foreign.port)"))
                #expect(error?.description.contains("Redirect not followed") == true)
                #expect(foreign.requests.allSatisfy { $0.apiKey == nil })
                #expect(foreign.requestCount == 0)
            }
        }
    }

    @Test func redirectWithinTheOriginIsFollowed() async throws {
        try await withSandbox { api in
            api.inject(.redirect(to: "/v2/conversations?page=2&limit=5"), times: 1)
            let page = try await api.client().listConversations(page: 1, limit: 5, status: .all)
            #expect(page.items.count == 5)
            #expect(api.requests.last?.query["page"] == "2")
            #expect(api.requests.last?.apiKey == api.apiKey)
        }
    }

    @Test func redirectLoopEndsWithAMessage() async throws {
        try await withSandbox { api in
            api.inject(.redirect(to: "/v2/conversations"), times: nil)
            let error = await tavusError {
                _ = try await api.client().listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error == .tooManyRedirects(RedirectDecision.maxHops))
            #expect(api.requestCount == RedirectDecision.maxHops + 1)
        }
    }

    @Test func anHttpsSandboxAnswersAClientThatTrustsItsCertificate() async throws {
        try await withSandbox(SandboxConfiguration(tls: true)) { api in
            #expect(api.baseURL.scheme == "https")
            let page = try await api.client().listConversations(page: 1, limit: 5, status: .all)
            #expect(page.items.count == 5)
            #expect(api.requests.last?.apiKey == api.apiKey)
        }
    }

    @Test func anUntrustedCertificateIsATLSFailureAndTheKeyIsNotSent() async throws {
        try await withSandbox(SandboxConfiguration(tls: true)) { api in
            let client = TavusClient(configuration: ClientConfiguration(baseURL: api.baseURL, apiKey: api.apiKey, retry: .none, proxy: .none))
            let error = await tavusError { _ = try await client.listConversations(page: 1, limit: 5, status: .all) }
            guard case .transport(.tls, _)? = error else {
                Issue.record("expected a TLS failure, got \(String(describing: error))")
                return
            }
            #expect(api.requestCount == 0)
        }
    }

    @Test func httpsToHttpOverRealSocketsIsRefusedAndTheKeyStaysHome() async throws {
        try await withSandbox(SandboxConfiguration(tls: true)) { api in
            try await withSandbox { plain in
                let target = "http://127.0.0.1:\(api.port)/v2/conversations"
                api.inject(.redirect(to: target), times: nil)
                plain.inject(.redirect(to: target), times: nil)
                let error = await tavusError { _ = try await api.client().listConversations(page: 1, limit: 5, status: .all) }
                guard case .redirectRefused(let refused, let reason)? = error else {
                    Issue.record("expected a refused redirect, got \(String(describing: error))")
                    return
                }
                #expect(refused == target)
                #expect(reason.contains("https://127.0.0.1:\(api.port)"))
                #expect(api.requestCount == 1, "one https request, nothing sent over http")
                let other = "http://127.0.0.1:\(plain.port)/v2/conversations"
                api.inject(.redirect(to: other), times: nil)
                _ = await tavusError { _ = try await api.client().listConversations(page: 1, limit: 5, status: .all) }
                #expect(plain.requestCount == 0 && plain.requests.allSatisfy { $0.apiKey == nil })
            }
        }
    }

    @Test func httpsToHttpIsNeverFollowed() throws {
        let origin = try #require(Origin(URL(string: "https://tavusapi.com")!))
        let current = URL(string: "https://tavusapi.com/v2/conversations")!
        let decision = RedirectDecision.decide(
            from: current, location: "http://tavusapi.com/v2/conversations", origin: origin, hops: 0, method: "GET")
        guard case .refuse(.redirectRefused(let target, let reason)) = decision else {
            Issue.record("followed: \(decision)")
            return
        }
        #expect(target == "http://tavusapi.com/v2/conversations")
        #expect(reason.contains("https://tavusapi.com"))
        #expect(RedirectDecision.decide(from: current, location: "https://tavusapi.com:8443/x", origin: origin, hops: 0, method: "GET")
            != .follow(URL(string: "https://tavusapi.com:8443/x")!))
        #expect(RedirectDecision.decide(from: current, location: "/v2/conversations?page=2", origin: origin, hops: 0, method: "GET")
            == .follow(URL(string: "https://tavusapi.com/v2/conversations?page=2")!))
        #expect(RedirectDecision.decide(from: current, location: "/v2/x", origin: origin, hops: 0, method: "POST")
            != .follow(URL(string: "https://tavusapi.com/v2/x")!))
    }

    @Test func aServerThatEchoesTheKeyNeverGetsItIntoAMessage() async throws {
        let key = "sk-live-0123456789abcdef"
        try await withSandbox(SandboxConfiguration(apiKey: key)) { api in
            api.inject(.echoKey(status: 400), times: 1)
            let error = await tavusError {
                _ = try await api.client().listConversations(page: 1, limit: 5, status: .all)
            }
            let text = try #require(error?.description)
            #expect(text.contains("Invalid key"))
            #expect(!text.contains(key))
            #expect(text.contains("‹key›"))
        }
    }

    @Test func aGzipBombIsRefusedAsTooLarge() async throws {
        try await withSandbox { api in
            api.inject(.gzipBomb(inflatedBytes: 64 * 1024 * 1024), times: 1)
            let error = await tavusError {
                _ = try await api.client().listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error == .tooLarge(limitBytes: 32 * 1024 * 1024))
            #expect(error?.description == "Answer too large: over 32 MiB")
        }
    }

    @Test func brokenCompressionIsNamed() async throws {
        try await withSandbox { api in
            api.inject(.corruptGzip, times: 1)
            let error = await tavusError {
                _ = try await api.client().listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error?.description.hasPrefix("Broken compression") == true)
        }
    }

    @Test func anEndlessBodyStopsAtTheCap() async throws {
        try await withSandbox { api in
            api.inject(.endlessBody, times: 1)
            let error = await tavusError {
                _ = try await api.client(timeout: 60).listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error == .tooLarge(limitBytes: 32 * 1024 * 1024))
        }
    }

    @Test func aDrippingBodyTimesOutAtTheDeadline() async throws {
        try await withSandbox { api in
            api.inject(.drip(intervalMilliseconds: 100), times: nil)
            let started = ContinuousClock.now
            let error = await tavusError {
                _ = try await api.client(timeout: 1, retry: .standard).listConversations(page: 1, limit: 5, status: .all)
            }
            let elapsed = ContinuousClock.now - started
            #expect(error?.description == "Timed out: no answer from 127.0.0.1:\(api.port) within 1 s")
            // The deadline covers retries too: generous, for a loaded machine (2.7 s was seen while
            // a build ran), but under the 4 × 1 s that a deadline per attempt would take.
            #expect(elapsed < .milliseconds(3500))
        }
    }

    @Test func aHungServerTimesOutOnceNotPerAttempt() async throws {
        try await withSandbox { api in
            api.inject(.hang, times: nil)
            let started = ContinuousClock.now
            let error = await tavusError {
                _ = try await api.client(timeout: 1.5, retry: .standard).listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error?.description == "Timed out: no answer from 127.0.0.1:\(api.port) within 1.5 s")
            #expect(ContinuousClock.now - started < .milliseconds(3000))
            #expect(api.requestCount == 1)
        }
    }

    @Test func aFractionalTimeoutLetsAFastServerAnswer() async throws {
        // A fraction of a second is a deadline like any other (the tests run in parallel, so the
        // margin is wide); the arithmetic itself is exact.
        #expect(TavusClient.nanoseconds(0.5) == 500_000_000)
        #expect(TavusClient.nanoseconds(.nan) == 0 && TavusClient.nanoseconds(-1) == 0 && TavusClient.nanoseconds(1e300) == 86_400_000_000_000)
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 200)) { api in
            let page = try await api.client(timeout: 2.5).listConversations(page: 1, limit: 5, status: .all)
            #expect(page.items.count == 5)
        }
    }

    @Test func aCutShortBodyIsNamed() async throws {
        try await withSandbox { api in
            api.inject(.cutShort, times: 1)
            let error = await tavusError {
                _ = try await api.client().listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error?.description.hasPrefix("Answer cut short") == true)
        }
    }

    @Test func connectionRefusedNamesThePort() async throws {
        let client = TavusClient(configuration: ClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k", timeout: 5, retry: .none, proxy: .none))
        let error = await tavusError { _ = try await client.listConversations(page: 1, limit: 5, status: .all) }
        #expect(error?.description == "Connection refused: 127.0.0.1:9")
    }

    @Test func retriesFitInsideTheDeadline() async throws {
        try await withSandbox { api in
            api.inject(.status(503, retryAfterSeconds: 8), times: nil)
            let started = ContinuousClock.now
            let error = await tavusError {
                _ = try await api.client(timeout: 1, retry: .standard).listConversations(page: 1, limit: 5, status: .all)
            }
            #expect(error?.description.hasPrefix("HTTP 503") == true)
            // Far less than the 8 s Retry-After: the retry was not waited for (the margin is for a loaded machine).
            #expect(ContinuousClock.now - started < .seconds(4))
            // Retry-After 8 s does not fit in a 1 s deadline: no second attempt is started.
            #expect(api.requestCount == 1)
        }
    }

    @Test func aNonFiniteRetryAfterIsIgnored() async throws {
        try await withSandbox { api in
            api.inject(.rawBody(#"{"message": "slow down"}"#, status: 429, headers: ["Retry-After": "nan"]), times: 1)
            let notices = NoticeLog()
            let page = try await api.client(retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 8))
                .listConversations(page: 1, limit: 5, status: .all) { notices.append($0) }
            #expect(page.items.count == 5)
            #expect(notices.all.count == 1)
            #expect(notices.all.allSatisfy { $0.delay.isFinite && $0.delay <= 0.01 })
        }
    }

    @Test func endingACallIsNeverRetried() async throws {
        try await withSandbox { api in
            let active = try #require(api.conversations.first { $0.status == .active })
            api.inject(.status(503), times: 1, path: "/v2/conversations/\(active.id)/end")
            let error = await tavusError { try await api.client(retry: .standard).endConversation(id: active.id) }
            #expect(error?.description.hasPrefix("HTTP 503") == true)
            #expect(api.requestCount { $0.method == "POST" } == 1)
        }
    }

    @Test func aProxyFromTheEnvironmentIsAskedForATunnel() async throws {
        // The sandbox stands in for the proxy: it records the CONNECT that a proxied request
        // starts with, and refuses it, which the client reports as the proxy's refusal.
        try await withSandbox { proxy in
            let settings = ProxySettings(environment: ["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"])
            let client = TavusClient(configuration: ClientConfiguration(
                baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k", timeout: 5, retry: .none, proxy: settings))
            let error = await tavusError { _ = try await client.listConversations(page: 1, limit: 3, status: .all) }
            #expect(error?.description == "Network error: the proxy refused the connection to 127.0.0.1:9")
            #expect(proxy.requests.map(\.method) == ["CONNECT"])

            let bypassing = ProxySettings(environment: ["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "127.0.0.1"])
            let direct = TavusClient(configuration: ClientConfiguration(
                baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k", timeout: 5, retry: .none, proxy: bypassing))
            let refused = await tavusError { _ = try await direct.listConversations(page: 1, limit: 3, status: .all) }
            #expect(refused?.description == "Connection refused: 127.0.0.1:9")
            #expect(proxy.requestCount == 1)
        }
    }
}

/// Retry notices as they were told, from any thread.
final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var notices: [RetryNotice] = []

    func append(_ notice: RetryNotice) {
        lock.lock()
        notices.append(notice)
        lock.unlock()
    }

    var all: [RetryNotice] {
        lock.lock()
        defer { lock.unlock() }
        return notices
    }
}
