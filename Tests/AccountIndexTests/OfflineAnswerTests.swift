import Foundation
import TavusAPI
import Testing
@testable import AccountIndex

/// The index answering as the API would, for `--offline`.
@Suite struct OfflineAnswerTests {
    private func object(_ data: Data?) throws -> [String: Any] {
        let body = try #require(data)
        return try #require(JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    private func ids(_ data: Data?, key: String = "conversation_id") throws -> [String] {
        let items = try #require(try object(data)["data"] as? [[String: Any]])
        return items.compactMap { $0[key] as? String }
    }

    @Test func listPagesAreNewestFirstWithTheCountOfWhatIsStored() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await index.storeConversations([
            try Samples.row("a", name: "A", created: "2026-10-01T10:00:00Z"),
            try Samples.row("b", name: "B", status: "active", created: "2026-10-03T10:00:00Z"),
            try Samples.row("c", name: "C", created: "2026-10-02T10:00:00Z"),
        ], totalCount: 3)
        let first = await index.body(path: "/v2/conversations", query: ["page": "1", "limit": "2"])
        #expect(try ids(first) == ["b", "c"])
        #expect(try object(first)["total_count"] as? Int == 3)
        #expect(try ids(await index.body(path: "/v2/conversations", query: ["page": "2", "limit": "2"])) == ["a"])
        let ended = await index.body(path: "/v2/conversations", query: ["page": "1", "limit": "10", "status": "ended"])
        #expect(try ids(ended) == ["c", "a"])
        #expect(try object(ended)["total_count"] as? Int == 2)
        #expect(await index.body(path: "/v2/conversations", query: ["page": "0", "limit": "10"]) == nil)
        #expect(await index.body(path: "/v2/conversations", query: ["page": "1", "limit": "x"]) == nil)
        let firstBody = try #require(first)
        let page = try TavusClient.decodePage(firstBody, page: 1, limit: 2, status: .all)
        #expect(page.items.map(\.name) == ["B", "C"], "the client reads it as the API's")
    }

    @Test func recordsPersonasAndReplicasAsStored() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await index.storeConversations([try Samples.row("a", name: "A"), try Samples.row("b", name: "B")], totalCount: 2)
        let (detail, json) = try Samples.record("a", name: "A", turns: [("user", "hello")])
        try await index.storeRecord(detail, json: json)
        try await index.storePersonas([try Samples.persona("p1", name: "Rhea")])
        let replica = Data(#"{"replica_id": "r1", "replica_name": "Anna", "replica_type": "user"}"#.utf8)
        try await index.storeReplicas([(try JSONDecoder().decode(Replica.self, from: replica), replica)])

        let recordBody = try #require(await index.body(path: "/v2/conversations/a", query: ["verbose": "true"]))
        let record = try TavusClient.decodeDetail(recordBody)
        #expect(record.transcript.map(\.content) == ["hello"])
        #expect(try object(await index.body(path: "/v2/conversations/b", query: ["verbose": "true"]))["conversation_name"] as? String == "B",
                "no record: the list's object")
        #expect(await index.body(path: "/v2/conversations/zzz", query: [:]) == nil)
        #expect(try object(await index.body(path: "/v2/personas/p1", query: [:]))["persona_name"] as? String == "Rhea")
        #expect(try ids(await index.body(path: "/v2/replicas", query: ["replica_ids": "r9,r1", "limit": "2"]), key: "replica_id") == ["r1"])
        #expect(try ids(await index.body(path: "/v2/personas", query: ["page": "1", "limit": "100"]), key: "persona_id") == ["p1"])
        #expect(await index.body(path: "/v2/somewhere", query: [:]) == nil)
    }
}
