import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// Persona and replica names for conversation rows, counted at the sandbox.
@Suite("The name directory")
struct NameDirectoryTests {
    @Test func eachPersonaOnceAndReplicasInOneBatchPerLookup() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let directory = NameDirectory(client: client)
            let page = try await client.listConversations(page: 1, limit: 20, status: .all)
            sandbox.resetCounts()
            let personaIDs = page.items.compactMap(\.personaID)
            let replicaIDs = page.items.compactMap(\.replicaID)
            let lookup = await directory.lookUp(personaIDs: personaIDs, replicaIDs: replicaIDs)
            #expect(lookup.failure == nil)
            #expect(Set(lookup.names.personas.keys) == Set(personaIDs))
            #expect(Set(lookup.names.replicas.keys) == Set(replicaIDs))
            #expect(sandbox.requestCount { $0.path == "/v2/replicas" } == 1)
            #expect(sandbox.requestCount { $0.path == "/v2/personas" && $0.query["limit"] != "1" } == 1,
                    "the names of every persona in one list request (beside the two one-item pages that tell where it starts)")
            #expect(sandbox.requestCount { $0.path.hasPrefix("/v2/personas/") } == 0)

            // The next pages ask only for what is new: at most one batch and the new personas.
            var known = Set(personaIDs)
            for number in 2...3 {
                let next = try await client.listConversations(page: number, limit: 20, status: .all)
                sandbox.resetCounts()
                let newPersonas = Set(next.items.compactMap(\.personaID)).subtracting(known)
                known.formUnion(newPersonas)
                _ = await directory.lookUp(personaIDs: next.items.compactMap(\.personaID), replicaIDs: next.items.compactMap(\.replicaID))
                #expect(sandbox.requestCount { $0.path == "/v2/replicas" } <= 1)
                #expect(sandbox.requestCount { $0.path.hasPrefix("/v2/personas") } == 0, "every persona was on the list")
            }
            sandbox.resetCounts()
            _ = await directory.lookUp(personaIDs: personaIDs, replicaIDs: replicaIDs)
            #expect(sandbox.requestCount == 0, "an id is asked at most once per run")
        }
    }

    @Test func aFailedLookupIsOneFailureAndNotRetried() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let directory = NameDirectory(client: client)
            let page = try await client.listConversations(page: 1, limit: 20, status: .all)
            sandbox.inject(.status(503), times: nil, path: "/v2/personas")
            let lookup = await directory.lookUp(personaIDs: page.items.compactMap(\.personaID), replicaIDs: page.items.compactMap(\.replicaID))
            #expect(lookup.failure?.description.hasPrefix("HTTP 503") == true)
            #expect(lookup.names.personas.isEmpty)
            #expect(!lookup.names.replicas.isEmpty, "the replicas still came")
            sandbox.resetCounts()
            let again = await directory.lookUp(personaIDs: page.items.compactMap(\.personaID), replicaIDs: [])
            #expect(again.failure == nil && sandbox.requestCount == 0)
        }
    }

    @Test func anUnknownPersonaIsAFailureNotAName() async throws {
        try await withSandbox { sandbox in
            let directory = NameDirectory(client: sandbox.client())
            let lookup = await directory.lookUp(personaIDs: ["p00000000000"], replicaIDs: ["r00000000000"])
            #expect(lookup.failure == .http(status: 400, message: "Invalid persona_id"))
            #expect(lookup.names.isEmpty)
        }
    }
}

@Suite("The name directory: personas beyond the list")
struct NameDirectoryBeyondTheListTests {
    @Test func aPersonaNotOnTheListIsAskedByItself() async throws {
        try await withSandbox { sandbox in
            let directory = NameDirectory(client: sandbox.client())
            let id = sandbox.personas[0].id
            // The first is the look at page 0 (which tells nothing then), the second the list.
            sandbox.inject(.status(503), times: 2, path: "/v2/personas")
            let lookup = await directory.lookUp(personaIDs: [id], replicaIDs: [])
            #expect(lookup.names.personas[id] == sandbox.personas[0].name, "the list failed; the persona itself answered")
            #expect(sandbox.requestCount { $0.path == "/v2/personas/\(id)" } == 1)
        }
    }
}
