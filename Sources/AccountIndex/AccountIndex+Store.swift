import Foundation
import GRDB
import TavusAPI

/// What the index stores, each with the objects as the API sent them.
public enum IndexEntry: Sendable {
    /// A list page of conversations, and the account's count of conversations when the page
    /// gave it (an unfiltered list).
    case conversations([(Conversation, Data)], totalCount: Int?)
    /// A conversation's verbose record, with its transcript for search.
    case record(ConversationDetail, Data)
    case personas([(Persona, Data)])
    case replicas([(Replica, Data)])
    /// Every item of one of the account's other kinds, as one sync listed them: those no
    /// longer listed go.
    case items(collection: String, [(id: String, name: String, json: Data)])

    /// Each object of a list answer's `data` array that decodes, beside its bytes as they came.
    public static func rows<Item: Decodable>(_ type: Item.Type, of data: Data) -> [(Item, Data)] {
        (RawJSON.elements(ofArray: "data", in: data) ?? []).compactMap { object in
            (try? JSONDecoder().decode(Item.self, from: object)).map { ($0, object) }
        }
    }
}

/// Writes: each call is one transaction, so a program killed at any moment leaves the index
/// as it was after the last call. The statements are prepared once per connection and kept.
extension AccountIndex {
    /// Entries in one transaction: the browser stores what came in while its last write ran
    /// at once, so a burst of pages costs one commit.
    /// `gaps` names the pages fetched that could not be stored (see `IndexWriter`); they are
    /// recorded with the entries, for the next sync to fill.
    public func store(_ entries: [IndexEntry], gaps: Set<String> = [], at now: Date = Date()) async throws(IndexError) {
        guard !entries.isEmpty || !gaps.isEmpty else { return }
        try await write { db in
            try Self.insertGaps(gaps, now: now, db)
            for entry in entries {
                switch entry {
                case .conversations(let rows, let totalCount): try Self.insert(rows, totalCount: totalCount, now: now, db)
                case .record(let detail, let json): try Self.insert(detail, json: json, now: now, db)
                case .personas(let rows): try Self.insertResources("personas", key: "persona_id", rows.map { ($0.0.id, $0.0.name, $0.1) }, now: now, db)
                case .replicas(let rows): try Self.insertResources("replicas", key: "replica_id", rows.map { ($0.0.id, $0.0.name, $0.1) }, now: now, db)
                case .items(let collection, let rows): try Self.replaceItems(collection, rows, now: now, db)
                }
            }
        }
    }

    public func storeConversations(_ rows: [(Conversation, Data)], totalCount: Int?, at now: Date = Date()) async throws(IndexError) {
        try await store([.conversations(rows, totalCount: totalCount)], at: now)
    }

    public func storeRecord(_ detail: ConversationDetail, json: Data, at now: Date = Date()) async throws(IndexError) {
        try await store([.record(detail, json)], at: now)
    }

    public func storePersonas(_ rows: [(Persona, Data)], at now: Date = Date()) async throws(IndexError) {
        try await store([.personas(rows)], at: now)
    }

    public func storeReplicas(_ rows: [(Replica, Data)], at now: Date = Date()) async throws(IndexError) {
        try await store([.replicas(rows)], at: now)
    }

    /// Records pages fetched that were not stored, for the next sync to fill.
    public func noteGaps(_ gaps: Set<String>, at now: Date = Date()) async throws(IndexError) {
        guard !gaps.isEmpty else { return }
        try await write { db in try Self.insertGaps(gaps, now: now, db) }
    }

    /// Marks the end of a complete sync: it listed every page, so no gap is left.
    public func noteSynced(at now: Date = Date()) async throws(IndexError) {
        try await write { db in
            try db.execute(sql: "UPDATE sync_state SET last_synced_at = ? WHERE id = 1", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: "DELETE FROM gaps")
        }
    }

    private static func insertGaps(_ gaps: Set<String>, now: Date, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO gaps (page_key, noted_at) VALUES (?, ?) ON CONFLICT(page_key) DO UPDATE SET noted_at = excluded.noted_at")
        for gap in gaps { try insert.execute(arguments: [gap, now.timeIntervalSince1970]) }
    }

    /// A list page's rows; a row that comes again unchanged keeps its entry in the full-text
    /// table, so revisiting a page or syncing an unchanged account rewrites no search text.
    private static func insert(_ rows: [(Conversation, Data)], totalCount: Int?, now: Date, _ db: Database) throws {
        var names = NameLookup()
        for (conversation, json) in rows where !conversation.id.isEmpty {
            let text = String(decoding: json, as: UTF8.self)
            let stored = try Row.fetchOne(db.cachedStatement(sql: "SELECT rowid, json = ? AS same, search_key FROM conversations WHERE id = ?"),
                                          arguments: [text, conversation.id])
            if let stored, stored["same"] == true, stored["search_key"] != nil {
                try db.cachedStatement(sql: "UPDATE conversations SET listed_at = ? WHERE id = ?")
                    .execute(arguments: [now.timeIntervalSince1970, conversation.id])
                continue
            }
            if stored != nil { try unindex(conversation.id, db) }
            let key = try datedSearchKey(conversation, db)
            try upsert(conversation, json: text, keepingJSON: false, searchKey: key, now: now, db)
            if stored == nil, let key {
                // What `conversation_search_source` gives a conversation just stored: it has no
                // record and no transcript yet (those are stored after their conversation).
                try insertSearch([key.databaseValue, conversation.id.databaseValue, conversation.name.databaseValue,
                                  try names.name("personas", conversation.personaID, db).databaseValue,
                                  try names.name("replicas", conversation.replicaID, db).databaseValue,
                                  "".databaseValue, "".databaseValue], command: nil, db)
            } else {
                try index(conversation.id, rowid: key == nil ? stored?["rowid"] ?? db.lastInsertedRowID : nil, db)
            }
        }
        if let totalCount {
            try db.cachedStatement(sql: "UPDATE sync_state SET total_count = ? WHERE id = 1").execute(arguments: [totalCount])
        }
    }

    private static func insert(_ detail: ConversationDetail, json: Data, now: Date, _ db: Database) throws {
        let id = detail.conversation.id
        guard !id.isEmpty else { return }
        try unindex(id, db)
        let key = try datedSearchKey(detail.conversation, db)
        try upsert(detail.conversation, json: String(decoding: json, as: UTF8.self), keepingJSON: true, searchKey: key, now: now, db)
        guard let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM conversations WHERE id = ?"), arguments: [id]) else { return }
        try db.cachedStatement(sql: """
            INSERT INTO records (conversation_id, body, is_final, shutdown_reason, fetched_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(conversation_id) DO UPDATE SET body = excluded.body, is_final = excluded.is_final,
                shutdown_reason = excluded.shutdown_reason, fetched_at = excluded.fetched_at
            """).execute(arguments: [id, PackedJSON.pack(json), detail.isFinal(now: now), detail.shutdownReason,
                                     now.timeIntervalSince1970])
        try db.cachedStatement(sql: "DELETE FROM transcript_turns WHERE conversation = ?").execute(arguments: [rowid])
        let insertTurn = try db.cachedStatement(sql: "INSERT INTO transcript_turns (conversation, position, role, content) VALUES (?, ?, ?, ?)")
        // The system prompt is the persona's, not what was said; it is not searched.
        for (position, turn) in detail.transcript.enumerated() where turn.role != "system" {
            let calls = turn.toolCalls.map { "→ \($0.name) \($0.arguments)" }
            let text = ([turn.content] + calls).filter { !$0.isEmpty }.joined(separator: " ")
            guard !text.isEmpty else { continue }
            try insertTurn.execute(arguments: [rowid, position, turn.role, text])
        }
        try index(id, rowid: key == nil ? rowid : nil, db)
    }

    private static func replaceItems(_ collection: String, _ rows: [(id: String, name: String, json: Data)], now: Date, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM account_items WHERE collection = ?", arguments: [collection])
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO account_items (collection, id, name, json, position, listed_at) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, row) in rows.enumerated() where !row.id.isEmpty {
            try insert.execute(arguments: [collection, row.id, row.name, String(decoding: row.json, as: UTF8.self), position, now.timeIntervalSince1970])
        }
    }

    /// Personas or replicas by id; the conversations whose name of one changed are searched
    /// under the new name.
    private static func insertResources(_ table: String, key: String, _ rows: [(String, String, Data)], now: Date, _ db: Database) throws {
        for (id, name, json) in rows where !id.isEmpty {
            let old = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM \(table) WHERE id = ?"), arguments: [id])
            let renamed = old == name ? [] : try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM conversations WHERE \(key) = ?"), arguments: [id])
            for conversation in renamed { try unindex(conversation, db) }
            try db.cachedStatement(sql: """
                INSERT INTO \(table) (id, name, json, listed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, json = excluded.json, listed_at = excluded.listed_at
                """).execute(arguments: [id, name, String(decoding: json, as: UTF8.self), now.timeIntervalSince1970])
            for conversation in renamed {
                guard let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM conversations WHERE id = ?"), arguments: [conversation]) else { continue }
                try index(conversation, rowid: rowid, db)
            }
        }
    }

    /// The conversation's columns; its object is replaced, or with `keepingJSON` (a record's
    /// copy of the row) only filled in when the row is new. A dated conversation gets its search
    /// key in the same statement (the row is written once); an undated one gets it by `index`,
    /// from its rowid.
    private static func upsert(_ c: Conversation, json: String, keepingJSON: Bool, searchKey: Int64?, now: Date, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO conversations (id, name, status, url, persona_id, replica_id, created_at, created_epoch, updated_at, json, listed_at, search_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, status = excluded.status, url = excluded.url,
                persona_id = excluded.persona_id, replica_id = excluded.replica_id, created_at = excluded.created_at,
                created_epoch = excluded.created_epoch, updated_at = excluded.updated_at,
                json = \(keepingJSON ? "conversations.json" : "excluded.json"), listed_at = excluded.listed_at,
                search_key = excluded.search_key
            """).execute(arguments: [c.id, c.name, c.status.rawValue, c.url, c.personaID, c.replicaID, c.createdAt.raw,
                                     c.createdAt.date?.timeIntervalSince1970, c.updatedAt.raw, json, now.timeIntervalSince1970, searchKey])
    }

    /// A free search key for a dated conversation that `unindex` has taken out (or that is new);
    /// nil for an undated one.
    private static func datedSearchKey(_ c: Conversation, _ db: Database) throws -> Int64? {
        guard let epoch = c.createdAt.date?.timeIntervalSince1970, SearchKey.isDated(epoch) else { return nil }
        return try freeSearchKey(SearchKey.preferred(createdEpoch: epoch, rowid: 0), db)
    }

    /// What the full-text table holds of a conversation, from the view it is made from.
    /// Read apart from the insert that uses it: SQLite runs `INSERT … SELECT` from this view
    /// several times slower than the two statements.
    private static func searchText(_ id: String, _ db: Database) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT search_key, conversation_id, name, persona, replica, shutdown_reason, transcript
            FROM conversation_search_source WHERE conversation_id = ?
            """), arguments: [id])
    }

    /// The persona and replica names of one page's rows, each looked up once.
    private struct NameLookup {
        private var known: [String: String] = [:]

        /// The name of `id` in `table`, or "" (as `conversation_search_source` gives it).
        mutating func name(_ table: String, _ id: String?, _ db: Database) throws -> String {
            guard let id else { return "" }
            let key = table + "/" + id
            if let name = known[key] { return name }
            let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM \(table) WHERE id = ?"), arguments: [id]) ?? ""
            known[key] = name
            return name
        }
    }

    private static func insertSearch(_ text: Row, command: String?, _ db: Database) throws {
        try insertSearch((0..<7).map { text[$0] }, command: command, db)
    }

    /// A row of the full-text table (its rowid and six columns), or with `command` ("delete")
    /// the removal of one.
    private static func insertSearch(_ values: [DatabaseValue], command: String?, _ db: Database) throws {
        let columns = "rowid, conversation_id, name, persona, replica, shutdown_reason, transcript"
        if let command {
            try db.cachedStatement(sql: "INSERT INTO conversation_search (conversation_search, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .execute(arguments: StatementArguments([command.databaseValue] + values))
        } else {
            try db.cachedStatement(sql: "INSERT INTO conversation_search (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .execute(arguments: StatementArguments(values))
        }
    }

    /// Takes the conversation out of the full-text table, with the text it went in with: the
    /// table keeps no copy of it (see `IndexSchema.v5`), so this comes before any change to
    /// the conversation, its record, transcript, persona or replica, and `index` after.
    static func unindex(_ id: String, _ db: Database) throws {
        guard let text = try searchText(id, db) else { return }
        try insertSearch(text, command: "delete", db)
        try db.cachedStatement(sql: "UPDATE conversations SET search_key = NULL WHERE id = ?").execute(arguments: [id])
    }

    /// Puts the conversation into the full-text table as the index now holds it, under a
    /// search key that sorts it by recency: the one it has, or with `rowid` (an undated
    /// conversation's), one made from that.
    static func index(_ id: String, rowid: Int64?, _ db: Database) throws {
        if let rowid { try assignSearchKey(rowid: rowid, db) }
        guard let text = try searchText(id, db) else { return }
        try insertSearch(text, command: nil, db)
    }

    /// A free search key for the conversation of `rowid`, when it has none.
    static func assignSearchKey(rowid: Int64, _ db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT created_epoch FROM conversations WHERE rowid = ? AND search_key IS NULL"),
                                         arguments: [rowid]) else { return }
        let key = try freeSearchKey(SearchKey.preferred(createdEpoch: row["created_epoch"], rowid: rowid), db)
        try db.cachedStatement(sql: "UPDATE conversations SET search_key = ? WHERE rowid = ?").execute(arguments: [key, rowid])
    }

    /// A key from `preferred` on that no other conversation holds: the first free one of its
    /// room of 16 (see `SearchKey`), else the one after the last taken within the next second's
    /// keys, so that many conversations of the same moment cost one lookup each, not a walk
    /// along every key taken before them.
    private static func freeSearchKey(_ preferred: Int64, _ db: Database) throws -> Int64 {
        let room = try Int64.fetchAll(db.cachedStatement(sql: "SELECT search_key FROM conversations WHERE search_key BETWEEN ? AND ? ORDER BY search_key"),
                                      arguments: [preferred, preferred + SearchKey.room - 1])
        if let free = SearchKey.firstFree(from: preferred, taken: room) { return free }
        let taken = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM conversations WHERE search_key = ?)")
        var key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(search_key) + 1 FROM conversations WHERE search_key BETWEEN ? AND ?"),
                                     arguments: [preferred, preferred + SearchKey.spill]) ?? preferred
        while try Bool.fetchOne(taken, arguments: [key]) == true {
            key += 1
        }
        return key
    }

    /// Merges some of the full-text table's segments, in a transaction of its own. Pages are
    /// written without merging (`IndexSchema.v5` turns FTS5's automerge off, which would
    /// otherwise merge inside one commit in a few and make it ten times as slow); the browser's
    /// writer calls this when nothing waits, and a sync at its end. Whether there was work.
    public func tidySearch(pages: Int = 64) async throws(IndexError) -> Bool {
        let done: Bool = try await writeReturning { db in
            let before = db.totalChangesCount
            try db.execute(sql: "INSERT INTO conversation_search (conversation_search, rank) VALUES ('merge', ?)", arguments: [max(1, pages)])
            return db.totalChangesCount - before >= 2
        }
        return done
    }

    /// Gives back to the file system the pages that merging the search table's segments and
    /// rewriting records left free, so the file stays the size of what it holds; a sync calls
    /// this at its end. An index with incremental vacuum cuts its free pages off; an older one
    /// whose free pages are more than an eighth of it is rewritten once, which switches it to
    /// incremental vacuum. The WAL that this grows is emptied after.
    public func compact() async throws(IndexError) {
        do {
            try await pool.writeWithoutTransaction { db in
                let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
                guard free > 0 else { return }
                if try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 {
                    try db.execute(sql: "PRAGMA incremental_vacuum")
                } else if free > (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) / 8 {
                    try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL; VACUUM")
                } else {
                    return
                }
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            throw .unusable(path: path, reason: Self.reason(error))
        }
    }

    func writeReturning<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws(IndexError) -> T {
        do {
            return try await pool.write(updates)
        } catch {
            throw .unusable(path: path, reason: Self.reason(error))
        }
    }

    /// One transaction; every failure comes out as an `IndexError`.
    func write(_ updates: @escaping @Sendable (Database) throws -> Void) async throws(IndexError) {
        try await writeReturning(updates)
    }

    /// One read; every failure comes out as an `IndexError`.
    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws(IndexError) -> T {
        do {
            return try await pool.read(value)
        } catch {
            throw .unusable(path: path, reason: Self.reason(error))
        }
    }
}
