import Foundation
import Testing
@testable import TavusAPI

/// A client with an offline source sends nothing: reads come from the source, writes are refused.
@Suite struct OfflineClientTests {
    final class Source: OfflineSource, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        var requests: [String] { lock.withLock { asked } }

        func body(path: String, query: [String: String]) async -> Data? {
            let described = path + "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            lock.withLock { asked.append(described) }
            if path == "/v2/tools" {
                return Data(#"{"data":[{"tool_id":"t1","name":"a","is_system_tool":true},{"tool_id":"t2","name":"b"},{"tool_id":"t3","name":"c"}],"total_count":3}"#.utf8)
            }
            if path == "/v2/documents" {
                return Data(#"{"data":[{"document_id":"d1","status":"ready","tags":["sales"]},{"document_id":"d2","status":"error","tags":["support"]}],"total_count":2}"#.utf8)
            }
            if path == "/v2/guardrails" { return Data(#"{"data":[{"uuid":"g1"}],"total_count":1}"#.utf8) }
            guard path == "/v2/conversations" else { return nil }
            return Data(#"{"data":[{"conversation_id":"c1","conversation_name":"Kept","status":"ended","conversation_url":"","created_at":"2026-11-01T10:00:00Z","updated_at":"2026-11-01T10:00:00Z"}],"total_count":1}"#.utf8)
        }
    }

    /// Nothing listens on port 9 of this machine: a request that went out would fail.
    private func client(_ source: Source) -> TavusClient {
        var client = TavusClient(configuration: ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "", proxy: .none))
        client.offline = source
        return client
    }

    @Test func readsComeFromTheSource() async throws {
        let source = Source()
        let page = try await client(source).listConversations(page: 2, limit: 5, status: .ended)
        #expect(page.items.map(\.id) == ["c1"])
        #expect(source.requests == ["/v2/conversations?limit=5&page=2&status=ended"])
    }

    @Test func aFilteredOrTaggedPageIsFilteredByWhatItsItemsSayOfThemselves() async throws {
        let source = Source()
        let offline = client(source)
        let users = try await offline.list(Tool.self, page: 1, limit: 1, filter: "user")
        #expect(users.items.map(\.id) == ["t2"] && users.totalCount == 2, "the second user tool is on page 2")
        #expect(try await offline.list(Tool.self, page: 2, limit: 1, filter: "user").items.map(\.id) == ["t3"])
        #expect(try await offline.list(Tool.self, page: 9, limit: 1, filter: "user").items.isEmpty)
        #expect(try await offline.list(Document.self, page: 1, limit: 10, filter: "error").items.map(\.id) == ["d2"])
        #expect(try await offline.list(Document.self, page: 1, limit: 10, tag: "sales").items.map(\.id) == ["d1"])
        await #expect(throws: TavusError.offline("the index cannot tell guardrails apart by type (f works online)")) {
            _ = try await offline.list(Guardrail.self, page: 1, limit: 10, filter: "system")
        }
        #expect(source.requests.allSatisfy { $0.contains("page=1") && !$0.contains("type=") && !$0.contains("tags=") },
                "the index is asked for the whole list: \(source.requests)")
    }

    @Test func whatTheSourceLacksAndEveryWriteIsAnOfflineError() async throws {
        let source = Source()
        await #expect(throws: TavusError.offline("not in the index (a sync while online stores it)")) {
            _ = try await client(source).conversation(id: "c1", verbose: true)
        }
        await #expect(throws: TavusError.offline("nothing is sent to the API")) {
            try await client(source).endConversation(id: "c1")
        }
        #expect(source.requests == ["/v2/conversations/c1?verbose=true"], "the end was never asked of anyone")
    }
}
