import BrowserCore
@testable import BrowserRuntime
import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// Runs `body` against a fresh sandbox, with a client for it.
private func withSandbox(
    _ configuration: SandboxConfiguration = SandboxConfiguration(), _ body: (SandboxServer, TavusClient) async throws -> Void
) async throws {
    try await SandboxServer.withServer(configuration) { sandbox in
        let client = TavusClient(configuration: ClientConfiguration(
            baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: 10, retry: .none, proxy: .none))
        try await body(sandbox, client)
    }
}

/// The generic page store and the registry's fetches, against the sandbox over loopback.
@Suite("Resource pages and records")
struct ResourceStoreTests {
    static func store(_ client: TavusClient, _ kind: ResourceKind) -> PageStore<ResourceKey, ResourcePage> {
        PageStore { key, onRetry throws(TavusError) in try await ResourceSource.of(kind).fetchPage(client, key, onRetry) }
    }

    @Test func personasPageIsFetchedOnceAndSharedWhileInFlight() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 200)) { sandbox, client in
            let store = Self.store(client, .personas)
            let key = ResourceKey(kind: .personas, filter: "all", number: 1, limit: 5)
            async let first = store.page(key)
            async let second = store.page(key)
            let (a, b) = try await (first, second)
            #expect(a == b)
            #expect(a.items.count == 5)
            #expect(a.totalCount == sandbox.personas.count && a.totalIsExact)
            _ = try await store.page(key)
            #expect(sandbox.requestCount { $0.path == "/v2/personas" && $0.query["limit"] != "1" } == 1, "beside the look at where the list starts")
            #expect(await store.cachedPageCount == 1)
        }
    }

    @Test func theTypeFilterIsSentAsTheAPIsParameter() async throws {
        try await withSandbox { sandbox, client in
            let store = Self.store(client, .replicas)
            let page = try await store.page(ResourceKey(kind: .replicas, filter: "system", number: 1, limit: 50))
            let system = sandbox.replicas.filter { $0.type == .system }
            #expect(page.items.map(\.id) == system.map(\.id))
            #expect(sandbox.requests.last?.query["replica_type"] == "system")
            let all = try await store.page(ResourceKey(kind: .replicas, filter: "all", number: 1, limit: 50))
            #expect(all.items.count == sandbox.replicas.count)
            #expect(sandbox.requests.last?.query["replica_type"] == nil)
        }
    }

    @Test func aReplicaInErrorIsMarkedSo() async throws {
        try await withSandbox { sandbox, client in
            let store = Self.store(client, .replicas)
            let page = try await store.page(ResourceKey(kind: .replicas, filter: "all", number: 1, limit: 50))
            #expect(page.items.contains { $0.cells.contains(.state("error", isFailure: true)) })
        }
    }

    @Test func invalidationDropsResourcePagesToo() async throws {
        try await withSandbox { sandbox, client in
            let store = Self.store(client, .personas)
            let key = ResourceKey(kind: .personas, filter: "all", number: 1, limit: 5)
            _ = try await store.page(key)
            await store.invalidate()
            #expect(await store.cached(key) == nil)
        }
    }

    @Test func aPersonaIsFetchedOnceWhetherForItsNameOrItsPane() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 100)) { sandbox, client in
            let directory = NameDirectory(client: client)
            let id = sandbox.personas[0].id
            async let lookup = directory.lookUp(personaIDs: [id], replicaIDs: [])
            async let record = ResourceSource.of(ResourceKind.personas).fetchRecord(directory, id)
            let (names, row) = try await (lookup, record)
            #expect(names.names.personas[id] == sandbox.personas[0].name)
            #expect(row.name == sandbox.personas[0].name)
            _ = try await ResourceSource.of(ResourceKind.personas).fetchRecord(directory, id)
            #expect(sandbox.requestCount { $0.path == "/v2/personas/\(id)" } == 1)
        }
    }

    @Test func aReplicasRecordHasItsErrorMessageAndIsFetchedOnce() async throws {
        try await withSandbox { sandbox, client in
            let directory = NameDirectory(client: client)
            let failed = try #require(sandbox.replicas.first { $0.status == .error })
            let row = try await ResourceSource.of(ResourceKind.replicas).fetchRecord(directory, failed.id)
            #expect(row.id == failed.id && row.url?.hasPrefix("https://") == true)
            #expect(row.pane.contains(.field("Error", .state(failed.errorMessage ?? "", isFailure: true))))
            #expect(failed.errorMessage?.isEmpty == false)
            _ = try await ResourceSource.of(ResourceKind.replicas).fetchRecord(directory, failed.id)
            #expect(sandbox.requestCount { $0.path == "/v2/replicas/\(failed.id)" } == 1)
        }
    }

    @Test func anUnknownPersonaIsTheAPIsError() async throws {
        try await withSandbox { sandbox, client in
            let directory = NameDirectory(client: client)
            await #expect(throws: TavusError.http(status: 400, message: "Invalid persona_id")) {
                _ = try await ResourceSource.of(ResourceKind.personas).fetchRecord(directory, "pffffffffff0")
            }
        }
    }
}

