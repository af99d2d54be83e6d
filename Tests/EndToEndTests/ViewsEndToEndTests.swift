import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Views, links and a pane that completes, in the real binary")
struct ViewsEndToEndTests {
    /// A name that shows as it is (a hostile name shows sanitised, which other tests check).
    static func printable(_ name: String) -> Bool { name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }

    @Test("At 220×50 a pal_id/face_id pane names both, shows the join, a tool call and the recording; P and R open them, Esc returns; : switches views")
    func panesLinksAndViews() async throws {
        try await withSandbox(count: 300) { sandbox in
            let client = sandbox.client()
            let raw = try await client.listConversationsData(page: 1, limit: 20, status: .all)
            let rows = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])["data"] as? [[String: Any]] ?? []
            // An ended row under the newer names, with printable names, whose record has a tool call and a recording.
            var chosen: (index: Int, id: String, persona: SandboxPersona, replica: SandboxReplica, detail: ConversationDetail)?
            for (index, row) in rows.enumerated() where chosen == nil {
                guard let id = row["conversation_id"] as? String, let pal = row["pal_id"] as? String, let face = row["face_id"] as? String,
                      let persona = sandbox.personas.first(where: { $0.id == pal && Self.printable($0.name) }),
                      let replica = sandbox.replicas.first(where: { $0.id == face && Self.printable($0.name) }) else { continue }
                let detail = try await client.conversation(id: id, verbose: true)
                let hasTool = detail.transcript.contains { !$0.toolCalls.isEmpty }
                let hasRecording = detail.events?.contains { $0.type == ConversationEvent.recordingReady } ?? false
                let joinedByPal = detail.events?.contains { $0.type == ConversationEvent.palJoined } ?? false
                if hasTool, hasRecording, joinedByPal { chosen = (index, id, persona, replica, detail) }
            }
            let pick = try #require(chosen, "no ended pal_id row with a tool call and a recording on page 1")
            let tool = try #require(pick.detail.transcript.flatMap(\.toolCalls).first)
            let recording = try #require(pick.detail.events?.first { $0.type == ConversationEvent.recordingReady })
            let key = try #require(recording.properties["s3_key"]?.stringValue)
            let joined = try #require(pick.detail.replicaJoinedAt?.longUTC)

            try await withBrowser(against: sandbox, columns: 220, rows: 50) { tmux in
                try await tmux.waitFor(text: "300 total")
                for _ in 0..<pick.index { try await tmux.press("j") }
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "Persona    \(pick.persona.name) (\(pick.persona.id))")
                try await tmux.waitFor(text: "Replica    \(pick.replica.name) (\(pick.replica.id))")
                try await tmux.waitFor(text: "Joined     \(joined)")
                try await tmux.waitFor(text: key)
                try await tmux.press("G")
                try await tmux.waitFor(text: "→ \(tool.name)")

                try await tmux.press("P")
                let persona = try await tmux.waitFor(text: "› persona \(pick.persona.name)")
                #expect(persona.lines[0].contains("conversations ›"))
                try await tmux.waitFor(text: "System prompt")
                try await tmux.press("Escape")
                try await tmux.waitFor(text: " Tavus conversations")
                try await tmux.waitFor(text: "→ \(tool.name)")

                try await tmux.press("R")
                try await tmux.waitFor(text: "› replica \(pick.replica.name)")
                try await tmux.waitFor(text: "Training   ")
                try await tmux.press("Escape")
                try await tmux.waitFor(text: " Tavus conversations")
                try await tmux.waitFor(text: "→ \(tool.name)")

                try await tmux.type(":personas")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "DEFAULT REPLICA")
                try await tmux.waitFor(text: "\(sandbox.personas.count) total")
                try await tmux.type(":replicas")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "TRAINING")
                let replicas = try await tmux.waitFor(text: "\(sandbox.replicas.count) total")
                #expect(replicas.contains("error"), "the replica in error")
                try await tmux.type(":conversations")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: " Tavus conversations")
                try await tmux.waitFor(text: "→ \(tool.name)")
            }
            let personaPaths = sandbox.requests.filter { $0.path.hasPrefix("/v2/personas/") }.map(\.path)
            #expect(Set(personaPaths).count == personaPaths.count, "a persona was fetched twice: \(personaPaths)")
        }
    }

    @Test("A pane left open on a record that completes 12 s after the first look shows the transcript within 30 s, without a key")
    func aPaneCompletesByItself() async throws {
        try await withSandbox(SandboxConfiguration(recentlyEnded: 1, completionDelay: 12)) { sandbox in
            let late = sandbox.conversations[0]
            try await withBrowser(against: sandbox, columns: 220, rows: 50) { tmux in
                try await tmux.waitFor(text: "300 total")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "ID         \(late.id)")
                try await tmux.waitFor(text: "Still being processed")
                let incomplete = try await tmux.waitFor(text: "Transcript  none")
                #expect(!incomplete.contains("Perception analysis"))
                let start = ContinuousClock.now
                let complete = try await tmux.waitFor("the transcript", timeout: .seconds(30)) { $0.matches("Transcript  [0-9]+ turns") }
                #expect(ContinuousClock.now - start < .seconds(30))
                #expect(complete.contains("Perception analysis"))
                #expect(!complete.contains("Still being processed"))
            }
            #expect(sandbox.requestCount { $0.path == "/v2/conversations/\(late.id)" } >= 2)
        }
    }

    @Test("Each persona is fetched at most once; three pages of conversations add at most one lookup a page")
    func lookupsAreEconomical() async throws {
        try await withSandbox(count: 300) { sandbox in
            let idPattern = #"\sp[0-9a-f]{11}\s"#
            try await withBrowser(against: sandbox, columns: 220, rows: 50) { tmux in
                try await tmux.waitFor("page 1 with its names") { $0.contains("page 1/15") && !$0.matches(idPattern) }
                let afterFirst = sandbox.requestCount { $0.path == "/v2/replicas" || $0.path.hasPrefix("/v2/personas/") }
                for page in 2...3 {
                    try await tmux.press("n")
                    try await tmux.waitFor("page \(page) with its names") { $0.contains("page \(page)/15") && !$0.matches(idPattern) }
                }
                let lookups = sandbox.requestCount { $0.path == "/v2/replicas" || $0.path.hasPrefix("/v2/personas/") } - afterFirst
                #expect(lookups <= 2, "\(lookups) lookups for pages 2 and 3: \(sandbox.requestLog)")
            }
            #expect(sandbox.requestCount { $0.path == "/v2/replicas" && $0.query["replica_ids"] != nil } >= 1, "replica names come by batch")
            let personaPaths = sandbox.requests.filter { $0.path.hasPrefix("/v2/personas/") }.map(\.path)
            #expect(Set(personaPaths).count == personaPaths.count, "a persona was fetched twice: \(personaPaths)")
        }
    }
}

@Suite("Page bases, in the real binary")
struct PageBaseEndToEndTests {
    @Test("A sandbox counting personas from 0 shows the first persona; the index remembers it, so the next run does not look again")
    func personasCountingFromZero() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let arguments = ["--index-path", cache.file("account.sqlite")]
        try await withSandbox(SandboxConfiguration(count: 30, zeroBasedLists: ["personas", "pals"])) { sandbox in
            let first = try #require(sandbox.personas.first)
            let shown = ViewsEndToEndTests.printable(first.name) ? first.name : first.id
            let probes = { sandbox.requestCount { $0.path.hasPrefix("/v2/p") && !$0.path.dropFirst(4).contains("/") && $0.query["limit"] == "1" } }
            for run in 1...2 {
                try await withBrowser(against: sandbox, arguments, columns: 200, rows: 40) { tmux in
                    try await tmux.waitFor(text: "30 total")
                    try await tmux.type(":personas")
                    try await tmux.press("Enter")
                    try await tmux.waitFor(text: "\(sandbox.personas.count) total")
                    try await tmux.waitFor(text: String(shown.prefix(20)))
                }
                #expect(probes() == 2, "run \(run): pages 0 and 1 of one item were compared on the first run only")
            }
        }
    }
}
