import Foundation
import GRDB
import TavusAPI
import Testing
@testable import AccountIndex

@Suite("Records stored deflated, and a search table that keeps no copy of the text")
struct IndexCompactStorageTests {
    /// FTS5's own check that its index holds exactly what its content view says; it throws
    /// ("database disk image is malformed") when a conversation went in with other text.
    private func checkSearchTable(_ index: AccountIndex) async throws {
        try await index.pool.write { db in
            try db.execute(sql: "INSERT INTO conversation_search (conversation_search, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func aPackedObjectComesBackByteForByte() throws {
        let (_, record) = try Samples.record("c1", name: "Billing call", turns: [("user", "Where is my invoice?"), ("assistant", "On its way")])
        let big = Data((0..<40_000).map { _ in UInt8.random(in: 32...126) })
        for json in [record, Data(), Data("{}".utf8), big] {
            let packed = PackedJSON.pack(json)
            #expect(PackedJSON.unpack(packed) == json)
        }
        #expect(PackedJSON.pack(record).count * 2 < record.count, "a record takes less than half its size")
    }

    @Test func somethingElseIsNotUnpacked() throws {
        let packed = PackedJSON.pack(Data(#"{"conversation_id": "c1"}"#.utf8))
        #expect(PackedJSON.unpack(Data(#"{"conversation_id": "c1"}"#.utf8)) == nil, "plain JSON")
        #expect(PackedJSON.unpack(packed.prefix(packed.count - 3)) == nil, "cut short")
        var other = packed
        other[0] = 2
        #expect(PackedJSON.unpack(other) == nil, "another format")
        #expect(PackedJSON.unpack(Data()) == nil)
    }

    @Test func theSearchTableStaysTrueThroughEveryKindOfChange() async throws {
        try await withIndex { index in
            try await index.storeConversations([try Samples.row("c1", name: "Billing call"), try Samples.row("c2", name: "Onboarding")], totalCount: 2)
            try await checkSearchTable(index)
            let (detail, json) = try Samples.record("c1", name: "Billing call", turns: [("user", "Where is my invoice?")])
            try await index.storeRecord(detail, json: json)
            try await checkSearchTable(index)
            let (again, againJSON) = try Samples.record("c1", name: "Billing call", turns: [("user", "A refund, please")], shutdown: "max_call_duration")
            try await index.storeRecord(again, json: againJSON)
            try await checkSearchTable(index)
            try await index.storeConversations([try Samples.row("c2", name: "Onboarding, second try", created: "2026-11-02T10:00:00Z")], totalCount: 2)
            try await checkSearchTable(index)
            try await index.storePersonas([try Samples.persona("p1", name: "Sales Coach Rhea")])
            try await checkSearchTable(index)
            try await index.storePersonas([try Samples.persona("p1", name: "Support Lead Ines")])
            try await checkSearchTable(index)

            #expect(try await index.search("invoice").isEmpty, "the first transcript is gone from the search")
            #expect(try await index.search("refund").map(\.id) == ["c1"])
            #expect(try await index.search("max call").map(\.id) == ["c1"])
            #expect(try await index.search("rhea").isEmpty)
            #expect(try await index.search("ines").map(\.id) == ["c2", "c1"])
            #expect(try await index.search("second").map(\.id) == ["c2"])
        }
    }

    @Test func rowsStoredAfterTheirPersonaGoInAsTheViewGivesThem() async throws {
        try await withIndex { index in
            try await index.storePersonas([try Samples.persona("p1", name: "Sales Coach Rhea")])
            try await index.storeConversations([try Samples.row("c1", name: "Billing call"), try Samples.row("c2", name: "Onboarding", persona: "p9"),
                                                try Samples.row("c3", name: "Undated", created: "not a date")], totalCount: 3)
            try await checkSearchTable(index)
            #expect(try await index.search("rhea").map(\.id) == ["c1", "c3"], "the undated one last")
            try await index.storePersonas([try Samples.persona("p1", name: "Support Lead Ines"), try Samples.persona("p9", name: "Rhea Two")])
            try await checkSearchTable(index)
            #expect(try await index.search("rhea").map(\.id) == ["c2"])
            #expect(try await index.search("undated").map(\.id) == ["c3"])
        }
    }

    @Test func aStoredRecordIsAnsweredAsItCame() async throws {
        try await withIndex { index in
            let (detail, json) = try Samples.record("c1", name: "Billing call", turns: [("user", "Where is my invoice?")])
            try await index.storeRecord(detail, json: json)
            #expect(await index.body(path: "/v2/conversations/c1", query: ["verbose": "true"]) == json)
            let stored = try await index.pool.read { try Data.fetchOne($0, sql: "SELECT body FROM records") }
            #expect(try #require(stored).count < json.count)
        }
    }

    @Test func anIndexOfTheFourthVersionKeepsItsRecordsAndSearch() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("v4.sqlite")
        let (_, json) = try Samples.record("c1", name: "Quarterly renewal", turns: [("user", "about the refund")])
        let pool = try DatabasePool(path: path)
        try await pool.write { db in
            try IndexSchema.migrate(db, path: path, upTo: "v4")
            try db.execute(sql: """
                INSERT INTO conversations (id, name, status, url, created_at, created_epoch, updated_at, json, listed_at, search_key)
                VALUES ('c1', 'Quarterly renewal', 'ended', '', '2026-11-01T10:00:00Z', 1793527200, '', '{}', 0, 16);
                INSERT INTO records (conversation_id, json, is_final, shutdown_reason, fetched_at) VALUES ('c1', ?, 1, 'participant_left', 0);
                INSERT INTO transcript_turns (conversation_id, position, role, content) VALUES ('c1', 0, 'user', 'about the refund');
                INSERT INTO conversation_search (rowid, conversation_id, name, persona, replica, shutdown_reason, transcript)
                VALUES (16, 'c1', 'Quarterly renewal', '', '', 'participant_left', 'about the refund');
                """, arguments: [String(decoding: json, as: UTF8.self)])
        }
        try pool.close()
        let index = try AccountIndex.open(at: path) { Issue.record("unexpected warning: \($0)") }
        #expect(await index.body(path: "/v2/conversations/c1", query: ["verbose": "true"]) == json)
        #expect(try await index.search("renewal").map(\.id) == ["c1"])
        #expect(try await index.search("participant").map(\.id) == ["c1"])
        #expect(try await index.search("refund").first?.match == "user: about the refund")
        try await checkSearchTable(index)
    }
}

@Suite("The search table's segments, merged apart from the writes")
struct IndexTidySearchTests {
    private func segments(_ index: AccountIndex) async throws -> Int {
        try await index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM conversation_search_data") ?? 0 }
    }

    @Test func pagesAreWrittenWithoutMergingAndTidyingMergesThem() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        for number in 0..<12 {
            try await index.storeConversations([try Samples.row("c\(number)", name: "Renewal \(number)")], totalCount: nil)
        }
        let written = try await segments(index)
        #expect(written > 12, "each transaction left a segment of its own")
        var steps = 0
        while try await index.tidySearch() { steps += 1 }
        #expect(steps > 0)
        #expect(try await segments(index) < written)
        #expect(try await index.tidySearch() == false, "nothing is left to merge")
        #expect(try await index.search("renewal", limit: 50).count == 12)
        try await index.pool.write { db in
            try db.execute(sql: "INSERT INTO conversation_search (conversation_search, rank) VALUES ('integrity-check', 1)")
        }
    }
}

@Suite("The file gives back the pages its writes free")
struct IndexCompactionTests {
    private func pragma(_ index: AccountIndex, _ name: String) async throws -> Int {
        try await index.pool.read { try Int.fetchOne($0, sql: "PRAGMA \(name)") ?? 0 }
    }

    /// 60 conversations with long transcripts, then the same with short ones: the turns they
    /// had are freed pages.
    private func storeThenShrink(_ index: AccountIndex) async throws {
        let long = String(repeating: "the invoice was sent twice and the refund is pending ", count: 40)
        for short in [false, true] {
            for number in 0..<60 {
                let turns = (0..<6).map { ("user", short ? "turn \($0)" : "\(long) \($0)") }
                let (detail, json) = try Samples.record("c\(number)", name: "Billing \(number)", turns: turns)
                try await index.storeRecord(detail, json: json)
            }
        }
    }

    @Test func aNewIndexCutsOffItsFreePages() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("index.sqlite")
        let index = try AccountIndex.open(at: path) { Issue.record("unexpected warning: \($0)") }
        #expect(try await pragma(index, "auto_vacuum") == 2, "incremental")
        try await storeThenShrink(index)
        let pages = try await pragma(index, "page_count")
        let free = try await pragma(index, "freelist_count")
        #expect(free > 20)
        try await index.compact()
        #expect(try await pragma(index, "freelist_count") == 0)
        #expect(try await pragma(index, "page_count") == pages - free)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == (pages - free) * 4096)
        #expect(try await index.search("turn", limit: 100).count == 60)
    }

    @Test func anOlderIndexWithManyFreePagesIsRewrittenOnceAndSwitched() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("index.sqlite")
        let index = try AccountIndex.open(at: path) { Issue.record("unexpected warning: \($0)") }
        // As the indexes made before incremental vacuum are.
        try await index.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA auto_vacuum = NONE; VACUUM")
        }
        #expect(try await pragma(index, "auto_vacuum") == 0)
        try await storeThenShrink(index)
        let (free, pages) = (try await pragma(index, "freelist_count"), try await pragma(index, "page_count"))
        #expect(free * 8 > pages)
        try await index.compact()
        #expect(try await pragma(index, "freelist_count") == 0)
        #expect(try await pragma(index, "auto_vacuum") == 2)
        #expect(try await index.search("turn", limit: 100).count == 60)
    }

    @Test func anOlderIndexWithFewFreePagesIsLeftAsItIs() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await index.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA auto_vacuum = NONE; VACUUM")
        }
        try await storeThenShrink(index)
        let rows = (0..<3000).map { try! Samples.row("k\($0)", name: "Kept \($0)") }
        try await index.storeConversations(rows, totalCount: nil)
        let (free, pages) = (try await pragma(index, "freelist_count"), try await pragma(index, "page_count"))
        #expect(free > 0 && free * 8 < pages)
        try await index.compact()
        #expect(try await pragma(index, "freelist_count") == free, "not worth a rewrite")
        #expect(try await pragma(index, "auto_vacuum") == 0)
    }
}
