import Foundation
import TavusAPI
import TavusSandbox
import Testing
@testable import AccountIndex

@Suite struct IndexSyncTests {
    private func withSync(_ configuration: SandboxConfiguration, jobs: Int = 4,
                          _ body: (SandboxServer, IndexSync) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await SandboxServer.withServer(configuration) { sandbox in
            let client = TavusClient(configuration: ClientConfiguration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: 15, retry: .standard, proxy: .none))
            try await body(sandbox, IndexSync(client: client, index: index, jobs: jobs))
        }
    }

    @Test func aSyncStoresEveryConversationPersonaReplicaAndEndedRecord() async throws {
        try await withSync(SandboxConfiguration(count: 230)) { sandbox, sync in
            let seen = Locked<[IndexSync.Progress]>([])
            let report = try await sync.run { progress in seen.withLock { $0.append(progress) } }
            let ended = sandbox.conversations.filter { $0.status == .ended }.count
            #expect(report.conversations == 230)
            #expect(report.records == ended)
            let summary = try await sync.index.summary()
            #expect(summary.conversations == 230 && summary.totalCount == 230)
            #expect(summary.records == ended)
            #expect(summary.personas == sandbox.personas.count && summary.replicas == sandbox.replicas.count)
            #expect(summary.lastSyncedAt != nil)
            let free = try await sync.index.pool.read { try Int.fetchOne($0, sql: "PRAGMA freelist_count") }
            #expect(free == 0, "the pages the sync freed are given back")
            let last = seen.withLock { $0 }.last
            #expect(last == IndexSync.Progress(phase: .records, done: ended, total: ended))
            // The records come newest first.
            let asked = sandbox.requests.filter { $0.path.hasPrefix("/v2/conversations/") }.map { String($0.path.dropFirst("/v2/conversations/".count)) }
            let newest = sandbox.conversations.filter { $0.status == .ended }
                .max { ($0.createdAt.date ?? .distantPast) < ($1.createdAt.date ?? .distantPast) }
            // Four workers start at once: the newest is among the first four asked for.
            #expect(newest.map { asked.prefix(4).contains($0.id) } == true, "first asked: \(asked.prefix(4)), newest: \(newest?.id ?? "")")
        }
    }

    @Test func aBackOffPausesEveryWorker() async throws {
        try await withSync(SandboxConfiguration(count: 150)) { sandbox, sync in
            sandbox.inject(.status(429, retryAfterSeconds: 1), times: 1, path: "/v2/conversations/")
            _ = try await sync.run()
            let records = sandbox.requests.filter { $0.path.hasPrefix("/v2/conversations/") }
            let refused = try #require(records.first).time
            let during = records.filter { $0.time > refused.addingTimeInterval(0.15) && $0.time < refused.addingTimeInterval(0.85) }
            #expect(during.count == 0, "\(during.count) record requests during the pause")
            #expect(try await sync.index.summary().records == sandbox.conversations.filter { $0.status == .ended }.count)
        }
    }
}

/// A value several tasks add to.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.withLock { body(&value) }
    }
}

@Suite("A sync that never trusts the server")
struct IndexSyncDistrustTests {
    private func withSync(_ configuration: SandboxConfiguration,
                          _ body: (SandboxServer, IndexSync) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await SandboxServer.withServer(configuration) { sandbox in
            let client = TavusClient(configuration: ClientConfiguration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: 15, retry: .standard, proxy: .none))
            try await body(sandbox, IndexSync(client: client, index: index, jobs: 4))
        }
        index.close()
    }

    @Test(arguments: ["1000000000000", "10000000"])
    func repeatingPagesUnderAHugeTotalEndTheList(total: String) async throws {
        try await withSync(SandboxConfiguration(count: 230)) { sandbox, sync in
            sandbox.inject(.lyingTotal(total), times: nil, path: "/v2/conversations")
            let report = try await sync.run()
            #expect(report.conversations == 100, "page 1 once; the pages repeating it bring nothing")
            let listed = sandbox.requests.filter { $0.path == "/v2/conversations" }.count
            #expect(listed <= 1 + 4, "\(listed) list requests: the walk stops at the first page that brings nothing new")
        }
    }

    @Test func aShortPageEndsTheListWhateverTheTotalSays() async throws {
        try await withSync(SandboxConfiguration(count: 230)) { sandbox, sync in
            let report = try await sync.run()
            #expect(report.conversations == 230)
            let pages = Set(sandbox.requests.filter { $0.path == "/v2/conversations" }.compactMap { $0.query["page"] })
            #expect(pages.isSubset(of: ["1", "2", "3", "4", "5", "6"]), "asked for \(pages.sorted())")
        }
    }

    @Test func aKindTheAccountCannotListIsSkippedAndTheRestSyncs() async throws {
        try await withSync(SandboxConfiguration(count: 120)) { sandbox, sync in
            sandbox.inject(.status(404), times: nil, path: "/v2/personas")
            let report = try await sync.run()
            #expect(report.conversations == 120)
            #expect(report.skipped.count == 1)
            #expect(report.skipped.first?.hasPrefix("personas (HTTP 404") == true, "\(report.skipped)")
            let summary = try await sync.index.summary()
            #expect(summary.personas == 0 && summary.replicas == sandbox.replicas.count)
            #expect(summary.lastSyncedAt != nil)
        }
    }

    @Test func aCancelledSyncLeavesAnIndexTheNextSyncCompletes() async throws {
        try await withSync(SandboxConfiguration(count: 600, latencyMilliseconds: 40)) { sandbox, sync in
            let running = Task { try await sync.run() }
            #expect(await eventually { (try? await sync.index.extent().conversations) ?? 0 >= 100 })
            running.cancel()
            await #expect(throws: IndexSync.Failure.self) { try await running.value }
            let partial = try await sync.index.extent()
            #expect(partial.lastSyncedAt == nil, "a cancelled sync does not say it completed")
            let report = try await sync.run()
            #expect(report.conversations == 600)
            #expect(try await sync.index.extent().conversations == 600)
        }
    }
}

/// Waits until `condition` holds, up to `timeout`.
func eventually(timeout: Duration = .seconds(15), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
