import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Names of personas and replicas in the real binary")
struct NamesEndToEndTests {
    @Test("At 220×50 rows name their persona and replica, also rows that carry pal_id/face_id; the pane names both with ids")
    func rowsAndPaneNameThem() async throws {
        try await withSandbox(count: 300) { sandbox in
            let client = TavusClient(configuration: ClientConfiguration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, retry: .none, proxy: .none))
            let raw = try await client.listConversationsData(page: 1, limit: 20, status: .all)
            let rows = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])["data"] as? [[String: Any]]
            // A row written with the newer names whose persona and replica have printable names
            // (a hostile name shows sanitised, which the other tests check).
            func printable(_ name: String) -> Bool { name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }
            let newStyle = try #require(rows?.first { row in
                guard let pal = row["pal_id"] as? String, let face = row["face_id"] as? String else { return false }
                return sandbox.personas.contains { $0.id == pal && printable($0.name) }
                    && sandbox.replicas.contains { $0.id == face && printable($0.name) }
            }, "no row with pal_id and printable names on page 1")
            let id = try #require(newStyle["conversation_id"] as? String)
            let persona = try #require(sandbox.personas.first { $0.id == newStyle["pal_id"] as? String })
            let replica = try #require(sandbox.replicas.first { $0.id == newStyle["face_id"] as? String })
            sandbox.resetCounts()
            try await withBrowser(against: sandbox, columns: 220, rows: 50) { tmux in
                let screen = try await tmux.waitFor("the row of \(id) with its persona and replica names") { screen in
                    screen.lines.contains { $0.contains(id) && $0.contains(String(persona.name.prefix(12))) && $0.contains(String(replica.name.prefix(12))) }
                }
                #expect(screen.lines[1].contains("PERSONA") && screen.lines[1].contains("REPLICA"))
                // One batch for the replicas of the page, one request per persona, nothing twice.
                #expect(sandbox.requestCount { $0.path == "/v2/replicas" } == 1, "\(sandbox.requestLog)")
                let personaPaths = sandbox.requests.filter { $0.path.hasPrefix("/v2/personas/") }.map(\.path)
                #expect(Set(personaPaths).count == personaPaths.count, "a persona was asked twice: \(personaPaths)")

                let index = try #require(screen.lines.firstIndex { $0.contains(id) })
                for _ in 0..<(index - 2) { try await tmux.press("j") }
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "Persona    \(persona.name.prefix(10))")
                let pane = try await tmux.waitFor(text: "(\(persona.id))")
                #expect(pane.contains("(\(replica.id))"))
                try await tmux.press("p")
                #expect(tmux.exitStatus() == nil)
            }
        }
    }
}
