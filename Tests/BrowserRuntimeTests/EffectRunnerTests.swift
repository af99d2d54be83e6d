import BrowserCore
@testable import BrowserRuntime
import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The runner against a real sandbox over loopback, its events collected as the loop would get them.
@Suite("The effect runner")
struct EffectRunnerTests {
    @Test func holdingJThroughNineRecordsSendsFewRequestsAndShowsTheLast() async throws {
        try await SandboxServer.withServer(SandboxConfiguration(latencyMilliseconds: 300)) { sandbox in
            let events = EventLog()
            let runner = makeRunner(sandbox, events: events)
            let ids = Array(sandbox.conversations.prefix(9).map(\.id))
            for id in ids {
                runner.perform(.loadDetail(id: id))
                try await Task.sleep(for: .milliseconds(30))
            }
            #expect(await events.eventually { $0.contains { if case .detailLoaded(ids.last!, _) = $0 { true } else { false } } })
            try await Task.sleep(for: .milliseconds(400))
            let recordRequests = sandbox.requestCount { $0.path.hasPrefix("/v2/conversations/") }
            #expect(recordRequests <= 3, "\(recordRequests) record requests")
            let shown = events.all.compactMap { if case .detailLoaded(let id, _) = $0 { id } else { nil } }
            #expect(shown == [ids.last!])
        }
    }

    @Test func aStaleCachedPageIsShownThenRevalidated() async throws {
        try await SandboxServer.withServer { sandbox in
            let events = EventLog()
            let fetcher = ConversationFetcher(client: client(sandbox), staleAfter: 0.05)
            let runner = EffectRunner(fetcher: fetcher, post: events.append, emit: { _ in })
            let key = PageKey(status: .all, number: 1, limit: 5)
            _ = try await fetcher.page(number: 1, limit: 5, status: .all)
            try await Task.sleep(for: .milliseconds(100))
            runner.perform(.loadPage(key, requestID: 7))
            // The names of the page's personas and replicas may come in between: not what is tested here.
            let pageEvents = { events.all.filter { if case .namesFound = $0 { false } else { true } } }
            #expect(await events.eventually { _ in pageEvents().count >= 3 })
            let kinds = pageEvents().map { event -> String in
                switch event {
                case .pageLoaded(_, _, let fromCache, 7): fromCache ? "cached" : "fresh"
                case .revalidating: "revalidating"
                default: "other"
                }
            }
            #expect(kinds == ["cached", "revalidating", "fresh"])
            #expect(sandbox.listRequestCount == 2)
        }
    }

    @Test func loadsWaitForAnInvalidationAskedForBeforeThem() async throws {
        try await SandboxServer.withServer { sandbox in
            let events = EventLog()
            let fetcher = ConversationFetcher(client: client(sandbox))
            let runner = EffectRunner(fetcher: fetcher, post: events.append, emit: { _ in })
            let key = PageKey(status: .all, number: 1, limit: 5)
            _ = try await fetcher.page(number: 1, limit: 5, status: .all)
            runner.perform(.invalidateCache)
            runner.perform(.loadPage(key, requestID: 1))
            #expect(await events.eventually { !$0.isEmpty })
            guard case .pageLoaded(_, _, let fromCache, 1)? = events.all.first else {
                Issue.record("not a page: \(events.all)")
                return
            }
            #expect(!fromCache, "the load ran before the invalidation and took the old page")
            #expect(sandbox.listRequestCount == 2)
        }
    }

    @Test func cancellingALoadStopsIt() async throws {
        try await SandboxServer.withServer { sandbox in
            sandbox.inject(.hang, times: nil)
            let events = EventLog()
            let runner = makeRunner(sandbox, events: events)
            let key = PageKey(status: .all, number: 1, limit: 5)
            runner.perform(.loadPage(key, requestID: 3))
            #expect(await events.eventually { _ in sandbox.requestCount == 1 })
            runner.perform(.cancelLoad(key))
            #expect(await events.eventually { $0.contains(.pageFailed(key, .cancelled, requestID: 3)) })
        }
    }

    @Test func aFailedOpenIsReported() async throws {
        try await SandboxServer.withServer { sandbox in
            let events = EventLog()
            let fetcher = ConversationFetcher(client: client(sandbox))
            let runner = EffectRunner(fetcher: fetcher, post: events.append, emit: { _ in },
                                      openURL: { _ in "Not opened: false exited with status 1" })
            runner.perform(.openURL("https://tavus.daily.co/c1"))
            #expect(await events.eventually {
                $0.contains(.urlOpenResult(url: "https://tavus.daily.co/c1", failure: "Not opened: false exited with status 1"))
            })
        }
    }

    @Test func copyingWritesOSC52() async throws {
        try await SandboxServer.withServer { sandbox in
            let written = EventLog()
            let fetcher = ConversationFetcher(client: client(sandbox))
            let box = TextBox()
            let runner = EffectRunner(fetcher: fetcher, post: written.append, emit: { box.text += $0 })
            runner.perform(.copyToClipboard("c123"))
            #expect(box.text == Clipboard.osc52("c123"))
        }
    }

    private func client(_ sandbox: SandboxServer) -> TavusClient {
        TavusClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: 10, retry: .none, proxy: .none))
    }

    private func makeRunner(_ sandbox: SandboxServer, events: EventLog) -> EffectRunner {
        let fetcher = ConversationFetcher(client: client(sandbox))
        return EffectRunner(fetcher: fetcher, post: events.append, emit: { _ in })
    }
}

/// Text written by the runner's `emit`.
final class TextBox: @unchecked Sendable {
    var text = ""
}

/// The events the runner posted, from any thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [BrowserEvent] = []

    @Sendable func append(_ event: BrowserEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    var all: [BrowserEvent] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }

    /// Waits (polling, up to 10 s) until the events so far satisfy `condition`.
    func eventually(_ condition: ([BrowserEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(all)
    }
}

extension SandboxServer {
    var listRequestCount: Int { requestCount { $0.path == "/v2/conversations" } }
}
