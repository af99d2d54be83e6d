import Foundation
import GRDB
import TavusAPI
import Testing
@testable import AccountIndex

@Suite struct AccountIndexTests {
    private func withIndex(_ body: (AccountIndex, Scratch) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("cache/index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await body(index, scratch)
    }

    @Test func aNewIndexHasTheWholeSchema() async throws {
        try await withIndex { index, _ in
            let (applied, tables) = try await index.pool.read { db in
                (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                 try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            }
            #expect(applied == ["v1", "v2", "v3", "v4", "v5", "v6"])
            for table in ["conversations", "records", "transcript_turns", "personas", "replicas", "account_items", "sync_state", "conversation_search"] {
                #expect(tables.contains(table), "no table \(table)")
            }
            #expect(!tables.contains("turn_search"), "v2 finds a hit's turn among its own turns")
            let journal = try await index.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(journal == "wal")
        }
    }

    @Test func openingAgainKeepsWhatWasStored() async throws {
        try await withIndex { index, scratch in
            try await index.storeConversations([try Samples.row("c1", name: "Kept")], totalCount: 1)
            let again = try AccountIndex.open(at: index.path) { Issue.record("unexpected warning: \($0)") }
            #expect(try await again.summary().conversations == 1)
        }
    }

    @Test func aPageIsUpsertedNotDuplicated() async throws {
        try await withIndex { index, _ in
            try await index.storeConversations([try Samples.row("c1", name: "First name"), try Samples.row("c2", name: "Other")], totalCount: 2)
            try await index.storeConversations([try Samples.row("c1", name: "Second name", status: "active")], totalCount: 2)
            let summary = try await index.summary()
            #expect(summary.conversations == 2)
            #expect(summary.totalCount == 2)
            let row = try index.pool.read { try Row.fetchOne($0, sql: "SELECT name, status, json FROM conversations WHERE id = 'c1'") }
            #expect(row?["name"] == "Second name")
            #expect(row?["status"] == "active")
            #expect((row?["json"] as String?)?.contains("Second name") == true)
            #expect(try await index.search("first").isEmpty)
            #expect(try await index.search("second").map(\.id) == ["c1"])
        }
    }

    @Test func searchRanksNamesAboveTranscriptsAndShowsTheMatchingTurn() async throws {
        try await withIndex { index, _ in
            try await index.storeConversations([try Samples.row("c1", name: "Billing call"), try Samples.row("c2", name: "Refund request")],
                                               totalCount: 2)
            let (detail, json) = try Samples.record("c1", name: "Billing call", turns: [
                ("system", "You handle refunds politely"),
                ("user", "Hello there"),
                ("user", "I would like a refund for the blue heron invoice please"),
                ("assistant", "Of course"),
            ])
            try await index.storeRecord(detail, json: json)
            let hits = try await index.search("refund")
            #expect(hits.map(\.id) == ["c2", "c1"], "a name match ranks first")
            #expect(hits[0].match == nil, "c2 has no transcript")
            #expect(hits[1].match == "user: I would like a refund for the blue heron invoice please")
            let start = SearchHit.highlightStart, end = SearchHit.highlightEnd
            #expect(hits[1].snippet?.contains("\(start)refund\(end)") == true, "snippet: \(hits[1].snippet ?? "nil")")
            #expect(try await index.search("blue her").map(\.id) == ["c1"], "the last word is a prefix")
            #expect(try await index.search("politely").isEmpty, "the system prompt is not searched")
            #expect(try await index.search("participant_left").map(\.id) == ["c1"], "the shutdown reason is searched")
            #expect(try await index.search("refund", status: "active").isEmpty)
            #expect(try await index.search("\" OR * NEAR(").isEmpty, "FTS5 syntax in a query is only words")
        }
    }

    @Test func personaNamesAreSearchedEvenWhenTheyComeLater() async throws {
        try await withIndex { index, _ in
            try await index.storeConversations([try Samples.row("c1", name: "Call", persona: "p9")], totalCount: 1)
            #expect(try await index.search("Rhea").isEmpty)
            try await index.storePersonas([try Samples.persona("p9", name: "Sales Coach Rhea")])
            let hits = try await index.search("rhea")
            #expect(hits.map(\.id) == ["c1"])
            #expect(hits.first?.personaName == "Sales Coach Rhea")
        }
    }

    @Test func onlyRecordsThatAreNotFinalAreAskedForAgain() async throws {
        try await withIndex { index, _ in
            try await index.storeConversations([
                try Samples.row("old", name: "A", created: "2026-11-01T10:00:00Z"),
                try Samples.row("new", name: "B", created: "2026-11-02T10:00:00Z"),
                try Samples.row("live", name: "C", status: "active"),
                try Samples.row("done", name: "D"),
            ], totalCount: 4)
            let now = ISO8601DateFormatter().date(from: "2026-11-02T10:30:00Z")!
            let ended = "2026-11-02T10:20:00Z"
            let (final, finalJSON) = try Samples.record("done", name: "D", turns: [("user", "hi")], ended: ended)
            let (pending, pendingJSON) = try Samples.record("old", name: "A", turns: [("user", "hi")], analysis: false, ended: ended)
            try await index.storeRecord(final, json: finalJSON, at: now)
            try await index.storeRecord(pending, json: pendingJSON, at: now)
            #expect(try await index.conversationsNeedingRecords(at: now) == ["new", "old"], "newest first; active and final ones left out")
            // Two hours later the record without an analysis is final by age: not asked for again.
            #expect(try await index.conversationsNeedingRecords(at: now.addingTimeInterval(7_200)) == ["new"])
        }
    }

    @Test func aFileOfGarbageIsMovedAsideAndReplaced() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("index.sqlite")
        try Data(repeating: 0x5A, count: 8_192).write(to: URL(fileURLWithPath: path))
        var warnings: [String] = []
        let index = try AccountIndex.open(at: path) { warnings.append($0) }
        #expect(warnings.count == 1)
        let aside = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("index.sqlite.corrupt-") }
        #expect(aside.count == 1)
        #expect(warnings.first?.contains(aside.first ?? "?") == true, "warning: \(warnings)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file(aside[0]))) == Data(repeating: 0x5A, count: 8_192))
        try await index.storeConversations([try Samples.row("c1", name: "Fresh")], totalCount: 1)
        #expect(try await index.summary().conversations == 1)
    }

    @Test func aDatabaseOfAnotherProgramIsMovedAside() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("index.sqlite")
        try await DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY)") }
        var warnings: [String] = []
        let index = try AccountIndex.open(at: path) { warnings.append($0) }
        #expect(warnings.count == 1 && warnings[0].contains("not an index of tavus-browse"), "warnings: \(warnings)")
        #expect(try await index.summary().conversations == 0)
    }

    @Test func withoutCreateAMissingFileIsMissing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("none.sqlite")
        #expect(throws: IndexError.missing(path: path)) { try AccountIndex.open(at: path, create: false) { _ in } }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFolderThatCannotBeMadeIsAClearError() throws {
        #expect {
            try AccountIndex.open(at: "/dev/null/index.sqlite") { _ in }
        } throws: { error in
            (error as? IndexError)?.description.contains("/dev/null is not a folder") == true
        }
    }

    @Test func fileAndFolderAreOwnerOnly() async throws {
        try await withIndex { index, scratch in
            try await index.storeConversations([try Samples.row("c1", name: "Private")], totalCount: 1)
            let folder = try FileManager.default.attributesOfItem(atPath: scratch.file("cache"))[.posixPermissions] as? Int
            #expect(folder == 0o700)
            for file in try FileManager.default.contentsOfDirectory(atPath: scratch.file("cache")) {
                let mode = try FileManager.default.attributesOfItem(atPath: scratch.file("cache/\(file)"))[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
            }
        }
    }

    @Test func programsMakingOneIndexAtOnceAllOpenIt() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for round in 0..<10 {
            let path = scratch.file("race-\(round).sqlite")
            let opened = await withTaskGroup(of: Result<AccountIndex, IndexError>.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        do throws(IndexError) {
                            return .success(try AccountIndex.open(at: path) { Issue.record("moved aside: \($0)") })
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            for result in opened {
                let index = try result.get()
                let applied = try await index.pool.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
                #expect(applied.sorted() == ["v1", "v2", "v3", "v4", "v5", "v6"])
                index.close()
            }
        }
    }

    @Test func closingFoldsTheWALBackAndLeavesOneFileThatOpensAgain() async throws {
        try await withIndex { index, scratch in
            try await index.storeConversations([try Samples.row("c1", name: "Folded")], totalCount: 1)
            #expect(try await index.summary().conversations == 1, "a read, so the pool has a read-only connection to close")
            #expect(FileManager.default.fileExists(atPath: index.path + "-wal"))
            index.close()
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("cache")) == ["index.sqlite"])
            await #expect(throws: (any Error).self) { try await index.summary() }
            let again = try AccountIndex.open(at: index.path) { Issue.record("unexpected warning: \($0)") }
            #expect(try await again.search("folded").map(\.id) == ["c1"])
            #expect(try AccountIndex.forget(at: index.path))
            again.close()
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("cache")).isEmpty, "closing made the index again")
        }
    }

    @Test func forgetRemovesTheFileAndItsCompanions() async throws {
        try await withIndex { index, scratch in
            try await index.storeConversations([try Samples.row("c1", name: "Gone")], totalCount: 1)
            #expect(try AccountIndex.forget(at: index.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("cache")).isEmpty)
            #expect(try !AccountIndex.forget(at: index.path))
        }
    }
}
