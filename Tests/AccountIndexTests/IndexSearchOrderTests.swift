import Foundation
import GRDB
import TavusAPI
import Testing
@testable import AccountIndex

/// How a search ranks and stops, and how an index made by the first version is brought up to date.
@Suite struct IndexSearchOrderTests {
    private func withIndex(_ body: (AccountIndex, Scratch) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await body(index, scratch)
    }

    @Test func eachTierIsNewestFirstAndTheLimitStopsTheSearch() async throws {
        try await withIndex { index, _ in
            try await index.storeConversations([
                try Samples.row("old", name: "Invoice review", created: "2026-10-01T10:00:00Z"),
                try Samples.row("new", name: "Invoice dispute", created: "2026-11-05T10:00:00Z"),
                try Samples.row("mid", name: "Weekly call", created: "2026-10-20T10:00:00Z"),
                try Samples.row("undated", name: "Invoice draft", created: "soon"),
            ], totalCount: 4)
            let (detail, json) = try Samples.record("mid", name: "Weekly call", turns: [("user", "Where is my invoice?")])
            try await index.storeRecord(detail, json: json)
            #expect(try await index.search("invoice", limit: 10).map(\.id) == ["new", "old", "undated", "mid"],
                    "names first, newest first and undated last; then the transcript")
            #expect(try await index.search("invoice", limit: 2).map(\.id) == ["new", "old"])
            #expect(try await index.search("inv", limit: 10).count == 4, "a word being typed matches as a prefix")
        }
    }

    @Test func manyConversationsOfOneMomentEachGetAKeyAndStayBehindNewerOnes() async throws {
        try await withIndex { index, _ in
            for page in 0..<4 {
                try await index.storeConversations(try (0..<50).map {
                    try Samples.row("same-\(page * 50 + $0)", name: "Bulk call", created: "2026-11-01T10:00:00Z")
                }, totalCount: nil)
            }
            try await index.storeConversations([try Samples.row("newer", name: "Bulk call", created: "2026-11-01T10:00:00.000001Z"),
                                                try Samples.row("older", name: "Bulk call", created: "2026-10-31T10:00:00Z")],
                                               totalCount: nil)
            let hits = try await index.search("bulk", limit: 300).map(\.id)
            #expect(hits.count == 202, "every one of them has its own row in the search")
            #expect(hits.first == "newer")
            #expect(hits.last == "older", "a full microsecond spills into the second after it, never past older ones")
        }
    }

    @Test func aKeyIsTheFirstFreeOfItsRoom() {
        #expect(SearchKey.firstFree(from: 32, taken: []) == 32)
        #expect(SearchKey.firstFree(from: 32, taken: [32, 33, 35]) == 34)
        #expect(SearchKey.firstFree(from: 32, taken: Array(32..<48)) == nil)
    }

    @Test func personaAndReplicaFiltersKeepTheirConversations() async throws {
        try await withIndex { index, _ in
            try await index.storeConversations([
                try Samples.row("a", name: "Refund call", persona: "p1", created: "2026-10-01T10:00:00Z"),
                try Samples.row("b", name: "Renewal", persona: "p2", created: "2026-10-02T10:00:00Z"),
                try Samples.row("c", name: "Refund again", persona: "p1", created: "2026-10-03T10:00:00Z"),
            ], totalCount: 3)
            let (detail, json) = try Samples.record("c", name: "Refund again", turns: [("system", "Be kind"), ("user", "Hello, it is about my order")])
            try await index.storeRecord(detail, json: json)
            let all = try await index.search("persona:p1")
            #expect(all.map(\.id) == ["c", "a"], "every conversation of the persona, newest first")
            #expect(all[0].snippet == "user: Hello, it is about my order", "the opening of its transcript")
            #expect(all[0].turn == 1)
            #expect(all[1].snippet == "no transcript in the index")
            #expect(try await index.search("persona:p1 again").map(\.id) == ["c"])
            #expect(try await index.search("replica:r1 renewal").map(\.id) == ["b"])
            #expect(try await index.search("persona:p9").isEmpty)
            #expect(try await index.search("persona:").isEmpty, "with no id it is only a word, which nothing holds")
        }
    }

    @Test func aConversationStoredAgainKeepsOneRowInTheSearch() async throws {
        try await withIndex { index, _ in
            try await index.storeConversations([try Samples.row("c1", name: "Renewal")], totalCount: 1)
            try await index.storeConversations([try Samples.row("c1", name: "Renewal talk", created: "2026-11-09T10:00:00Z")], totalCount: 1)
            #expect(try await index.search("renewal").map(\.id) == ["c1"])
            #expect(try await index.search("talk").map(\.id) == ["c1"])
        }
    }

    @Test func anIndexOfTheFirstVersionIsMigratedAndSearchable() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("v1.sqlite")
        let pool = try DatabasePool(path: path)
        try await pool.write { db in
            try IndexSchema.migrate(db, path: path, upTo: "v1")
            try db.execute(sql: """
                INSERT INTO conversations (id, name, status, url, created_at, created_epoch, updated_at, json, listed_at)
                VALUES ('c1', 'Quarterly renewal', 'ended', '', '2026-11-01T10:00:00Z', 1793527200, '', '{}', 0)
                """)
            try db.execute(sql: "INSERT INTO transcript_turns (conversation_id, position, role, content) VALUES ('c1', 0, 'user', 'about the refund')")
        }
        try pool.close()
        let index = try AccountIndex.open(at: path) { Issue.record("unexpected warning: \($0)") }
        #expect(try await index.search("renewal").map(\.id) == ["c1"])
        let hit = try #require(try await index.search("refund").first)
        #expect(hit.match == "user: about the refund")
    }
}

@Suite struct TurnMatchTests {
    typealias Turn = TurnMatch.Turn
    let start = SearchHit.highlightStart, end = SearchHit.highlightEnd

    @Test func theTurnWithTheMostWordsWinsTheEarliestOnATie() {
        let turns = [Turn(position: 0, role: "user", content: "A refund, please"),
                     Turn(position: 2, role: "assistant", content: "The refund for that invoice is on its way"),
                     Turn(position: 3, role: "user", content: "Refund the invoice twice")]
        let best = TurnMatch.best(in: turns, words: ["invoice", "refund"])
        #expect(best?.position == 2)
        #expect(best?.match == "assistant: The refund for that invoice is on its way")
        #expect(best?.snippet == "assistant: The \(start)refund\(end) for that \(start)invoice\(end) is on its way")
        #expect(TurnMatch.best(in: turns, words: ["nothing"]) == nil)
    }

    @Test func wordsMatchWithoutCaseOrAccentsAndTheLastAsAPrefix() {
        let turns = [Turn(position: 0, role: "user", content: "Le CAFÉ était froid")]
        #expect(TurnMatch.best(in: turns, words: ["cafe"])?.snippet == "user: Le \(start)CAFÉ\(end) était froid")
        #expect(TurnMatch.best(in: turns, words: ["le", "fro"])?.snippet == "user: \(start)Le\(end) CAFÉ était \(start)froid\(end)")
        #expect(TurnMatch.best(in: turns, words: ["fro", "le"])?.snippet == "user: \(start)Le\(end) CAFÉ était froid",
                "only the last word is a prefix")
    }

    @Test func aLongTurnIsCutAroundItsFirstMatch() {
        let words = (1...60).map { "w\($0)" }
        let text = words.joined(separator: " ")
        let snippet = TurnMatch.snippet(text, whole: [], prefix: "w30")
        #expect(snippet == "…" + (24...47).map { $0 == 30 ? "\(start)w30\(end)" : "w\($0)" }.joined(separator: " ") + " …")
    }
}
