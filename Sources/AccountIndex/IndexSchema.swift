import Foundation
import GRDB

/// The index's schema, from the first version on: its migrations in order, each applied once and
/// recorded by name in `grdb_migrations`, the table the first versions kept them in, so their
/// indexes open as they are.
enum IndexSchema {
    typealias Migration = (name: String, apply: @Sendable (Database) throws -> Void)

    static let migrations: [Migration] = [("v1", v1), ("v2", v2), ("v3", v3), ("v4", v4), ("v5", v5), ("v6", v6)]

    /// Checks that the database is an index of ours (or empty) and applies the migrations it lacks,
    /// up to `last`, all in the caller's transaction. Programs that open a new index at once thus
    /// cannot both apply a migration, nor can one take another's half-made schema for a foreign
    /// database and move it aside.
    static func migrate(_ db: Database, path: String, upTo last: String? = nil) throws {
        let names = migrations.map(\.name)
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        var applied: Set<String> = []
        if tables.isEmpty {
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        } else {
            guard tables.contains("grdb_migrations") else { throw IndexError.foreign(path: path) }
            applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            guard applied.contains("v1"), applied.isSubset(of: names) else { throw IndexError.foreign(path: path) }
        }
        let end = last.flatMap { names.firstIndex(of: $0) }.map { $0 + 1 } ?? migrations.count
        for migration in migrations[..<end] where !applied.contains(migration.name) {
            try migration.apply(db)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
        }
    }

    private static func v1(_ db: Database) throws {
        try db.create(table: "conversations") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("status", .text).notNull()
            t.column("url", .text).notNull()
            t.column("persona_id", .text).indexed()
            t.column("replica_id", .text).indexed()
            t.column("created_at", .text).notNull()
            t.column("created_epoch", .double).indexed()
            t.column("updated_at", .text).notNull()
            t.column("json", .text).notNull()
            t.column("listed_at", .double).notNull()
        }
        try db.create(table: "records") { t in
            t.primaryKey("conversation_id", .text)
            t.column("json", .text).notNull()
            t.column("is_final", .boolean).notNull()
            t.column("shutdown_reason", .text)
            t.column("fetched_at", .double).notNull()
        }
        try db.create(table: "transcript_turns") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("conversation_id", .text).notNull().indexed()
            t.column("position", .integer).notNull()
            t.column("role", .text).notNull()
            t.column("content", .text).notNull()
        }
        for resource in ["personas", "replicas"] {
            try db.create(table: resource) { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("json", .text).notNull()
                t.column("listed_at", .double).notNull()
            }
        }
        try db.create(table: "sync_state") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("last_synced_at", .double)
            t.column("total_count", .integer)
        }
        try db.execute(sql: "INSERT INTO sync_state (id) VALUES (1)")
        try db.create(virtualTable: "conversation_search", using: FTS5()) { t in
            t.tokenizer = .unicode61()
            t.column("conversation_id")
            t.column("name")
            t.column("persona")
            t.column("replica")
            t.column("shutdown_reason")
            t.column("transcript")
        }
        try db.create(virtualTable: "turn_search", using: FTS5()) { t in
            t.synchronize(withTable: "transcript_turns")
            t.tokenizer = .unicode61()
            t.column("content")
        }
    }

    /// The full-text table ordered by recency (its rowid is the conversation's search key,
    /// see `searchKey`), so a search reads matches newest first and stops at the hits it
    /// shows; with prefix indexes, so a word being typed is not a scan of every word it
    /// starts. The best turn of a hit is found among its own turns (`TurnMatch`), so the
    /// turns need no full-text table of their own.
    private static func v2(_ db: Database) throws {
        try db.dropFTS5SynchronizationTriggers(forTable: "turn_search")
        try db.drop(table: "turn_search")
        try db.drop(table: "conversation_search")
        try db.alter(table: "conversations") { t in
            t.add(column: "search_key", .integer)
        }
        try db.create(index: "conversations_search_key", on: "conversations", columns: ["search_key"], unique: true)
        try db.create(virtualTable: "conversation_search", using: FTS5()) { t in
            t.tokenizer = .unicode61()
            t.detail = "column"
            t.prefixes = [1, 2, 3]
            t.column("conversation_id")
            t.column("name")
            t.column("persona")
            t.column("replica")
            t.column("shutdown_reason")
            t.column("transcript")
        }
        for rowid in try Int64.fetchAll(db, sql: "SELECT rowid FROM conversations") {
            try AccountIndex.assignSearchKey(rowid: rowid, db)
        }
    }

    /// The pages the browser fetched but could not store (its writer was full, or the program
    /// ended first), by page key, until a complete sync fills them.
    private static func v3(_ db: Database) throws {
        try db.create(table: "gaps") { t in
            t.primaryKey("page_key", .text)
            t.column("noted_at", .double).notNull()
        }
    }

    /// The number each list's first page has on this account's API (see `PageBases`), found once.
    private static func v4(_ db: Database) throws {
        try db.create(table: "page_bases") { t in
            t.primaryKey("collection", .text)
            t.column("first_page", .integer).notNull()
        }
    }

    /// The index at about half its size: records deflated (`PackedJSON`), transcript turns
    /// keyed by their conversation's rowid and place with no rowid beside (records come in
    /// list order, so their turns are appended, not scattered over the table's pages), and the full-text table holding
    /// no second copy of the text: its content is the view `conversation_search_source`, read
    /// only by a `rebuild`. A change to what a conversation is searched by must therefore take
    /// it out of the table first, with the text it went in with (`AccountIndex.unindex`).
    /// Prefixes of one and two letters are indexed (three would add a tenth to the index for
    /// a millisecond or two on a three-letter word). Segments
    /// are merged apart from the writes (`AccountIndex.tidySearch`).
    private static func v5(_ db: Database) throws {
        try db.drop(table: "conversation_search")
        try db.rename(table: "records", to: "records_v4")
        try db.execute(sql: """
            CREATE TABLE records (
                conversation_id TEXT PRIMARY KEY NOT NULL, body BLOB NOT NULL, is_final BOOLEAN NOT NULL,
                shutdown_reason TEXT, fetched_at DOUBLE NOT NULL)
            """)
        let insert = try db.makeStatement(sql: "INSERT INTO records (conversation_id, body, is_final, shutdown_reason, fetched_at) VALUES (?, ?, ?, ?, ?)")
        let old = try Row.fetchCursor(db, sql: "SELECT conversation_id, json, is_final, shutdown_reason, fetched_at FROM records_v4")
        while let row = try old.next() {
            let json: String = row["json"]
            try insert.execute(arguments: [row["conversation_id"], PackedJSON.pack(Data(json.utf8)), row["is_final"], row["shutdown_reason"], row["fetched_at"]])
        }
        try db.drop(table: "records_v4")
        try db.execute(sql: """
            CREATE TABLE transcript_turns_v5 (
                conversation INTEGER NOT NULL, position INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL,
                PRIMARY KEY (conversation, position)) WITHOUT ROWID;
            INSERT OR REPLACE INTO transcript_turns_v5 (conversation, position, role, content)
                SELECT c.rowid, t.position, t.role, t.content FROM transcript_turns t JOIN conversations c ON c.id = t.conversation_id
                ORDER BY c.rowid, t.position, t.id;
            DROP TABLE transcript_turns;
            ALTER TABLE transcript_turns_v5 RENAME TO transcript_turns;
            CREATE VIEW conversation_search_source AS
                SELECT c.search_key, c.id AS conversation_id, c.name, coalesce(p.name, '') AS persona, coalesce(r.name, '') AS replica,
                    coalesce(rec.shutdown_reason, '') AS shutdown_reason,
                    coalesce((SELECT group_concat(t.content, char(10)) FROM transcript_turns t WHERE t.conversation = c.rowid), '') AS transcript
                FROM conversations c
                LEFT JOIN personas p ON p.id = c.persona_id
                LEFT JOIN replicas r ON r.id = c.replica_id
                LEFT JOIN records rec ON rec.conversation_id = c.id
                WHERE c.search_key IS NOT NULL;
            CREATE VIRTUAL TABLE conversation_search USING fts5(
                conversation_id, name, persona, replica, shutdown_reason, transcript,
                content = 'conversation_search_source', content_rowid = 'search_key',
                tokenize = 'unicode61', detail = column, prefix = '1 2');
            INSERT INTO conversation_search (conversation_search) VALUES ('rebuild');
            INSERT INTO conversation_search (conversation_search, rank) VALUES ('automerge', 0);
            """)
    }

    /// The account's other kinds (documents, guardrails, objectives, tools), each item's object
    /// as the index keeps it (a tool's without its secrets), in the order the API lists them.
    private static func v6(_ db: Database) throws {
        try db.create(table: "account_items") { t in
            t.column("collection", .text).notNull()
            t.column("id", .text).notNull()
            t.column("name", .text).notNull()
            t.column("json", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("listed_at", .double).notNull()
            t.primaryKey(["collection", "id"])
        }
    }
}
