import Foundation
import GRDB
import TavusAPI

/// One conversation found by a search, with the transcript turn that matches best.
public struct SearchHit: Sendable, Hashable {
    public var id: String
    public var name: String
    public var status: String
    public var createdAt: String
    public var personaID: String?
    public var personaName: String?
    public var replicaID: String?
    public var replicaName: String?
    public var url: String
    public var updatedAt: String
    /// The matching transcript turn, as `role: text`; nil when only other fields matched.
    public var match: String?
    /// The part of that turn around the match, the matched words between
    /// `SearchHit.highlightStart` and `SearchHit.highlightEnd`.
    public var snippet: String?
    /// The matching turn's place in the transcript (0 for its first turn).
    public var turn: Int?

    /// The conversation as its list row shows it.
    public var conversation: Conversation {
        Conversation(id: id, name: name, status: ConversationStatus(rawValue: status), url: url,
                     replicaID: replicaID, personaID: personaID,
                     createdAt: Timestamp(raw: createdAt), updatedAt: Timestamp(raw: updatedAt))
    }

    public static let highlightStart: Character = "\u{E000}"
    public static let highlightEnd: Character = "\u{E001}"
}

/// What the index holds.
public struct IndexSummary: Sendable, Hashable {
    public var conversations: Int
    public var records: Int
    /// Conversations with at least one transcript turn stored.
    public var transcripts: Int
    public var personas: Int
    public var replicas: Int
    /// The account's `total_count`, as the last list page said.
    public var totalCount: Int?
    public var lastSyncedAt: Date?
}

extension AccountIndex {
    /// Conversations whose fields or transcript hold every word of `query` (the last one as a
    /// prefix), best first by bm25 (an id or name match outranks a persona, replica or
    /// shutdown reason, which outrank the transcript), newest first among equals.
    public func search(_ query: String, status: String? = nil, limit: Int = 20) async throws(IndexError) -> [SearchHit] {
        let words = SearchPattern.words(query)
        guard !words.isEmpty, limit > 0 else { return [] }
        return try await read { db in
            var sql = """
                SELECT c.id, c.name, c.status, c.url, c.created_at, c.updated_at, c.persona_id, c.replica_id, p.name AS persona_name, r.name AS replica_name
                FROM conversation_search s
                JOIN conversations c ON c.rowid = s.rowid
                LEFT JOIN personas p ON p.id = c.persona_id
                LEFT JOIN replicas r ON r.id = c.replica_id
                WHERE conversation_search MATCH ?
                """
            var arguments: StatementArguments = [SearchPattern.all(words)]
            if let status {
                sql += " AND c.status = ?"
                arguments += [status]
            }
            sql += " ORDER BY bm25(conversation_search, 10.0, 8.0, 4.0, 4.0, 2.0, 1.0), c.created_epoch DESC LIMIT ?"
            arguments += [limit]
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let anyWord = SearchPattern.any(words)
            return try rows.map { row in
                let id: String = row["id"]
                var hit = SearchHit(id: id, name: row["name"], status: row["status"], createdAt: row["created_at"],
                                    personaID: row["persona_id"], personaName: row["persona_name"],
                                    replicaID: row["replica_id"], replicaName: row["replica_name"],
                                    url: row["url"], updatedAt: row["updated_at"])
                if let turn = try Self.bestTurn(of: id, matching: anyWord, db) {
                    hit.match = turn.match
                    hit.snippet = turn.snippet
                    hit.turn = turn.position
                }
                return hit
            }
        }
    }

    /// The turn of one conversation that matches most words, found through its range of ids
    /// (a record's turns are stored together), so the full-text table is not scanned.
    private static func bestTurn(of id: String, matching pattern: String, _ db: Database) throws -> (match: String, snippet: String, position: Int)? {
        guard let bounds = try Row.fetchOne(db, sql: "SELECT min(id) AS low, max(id) AS high FROM transcript_turns WHERE conversation_id = ?",
                                            arguments: [id]),
              let low: Int64 = bounds["low"], let high: Int64 = bounds["high"] else { return nil }
        let start = String(SearchHit.highlightStart), end = String(SearchHit.highlightEnd)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.role, t.content, t.position, snippet(turn_search, 0, ?, ?, '…', 24) AS snippet
            FROM turn_search JOIN transcript_turns t ON t.id = turn_search.rowid
            WHERE turn_search MATCH ? AND turn_search.rowid BETWEEN ? AND ?
            ORDER BY rank LIMIT 1
            """, arguments: [start, end, pattern, low, high]) else { return nil }
        let role: String = row["role"]
        let content: String = row["content"]
        let snippet: String = row["snippet"]
        return ("\(role): \(content)", "\(role): \(snippet)", row["position"])
    }

    /// Ended conversations whose record is missing or not final, newest first. A stored record
    /// that has become final by the passing of time is marked so, not fetched again.
    public func conversationsNeedingRecords(at now: Date = Date()) async throws(IndexError) -> [String] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, r.json FROM conversations c LEFT JOIN records r ON r.conversation_id = c.id
                WHERE c.status = 'ended' AND (r.conversation_id IS NULL OR NOT r.is_final)
                ORDER BY c.created_epoch DESC NULLS LAST, c.id
                """).map { row -> (String, String?) in (row["id"], row["json"]) }
        }
        var needed: [String] = []
        var settled: [String] = []
        for (id, json) in rows {
            if let json, let detail = try? TavusClient.decodeDetail(Data(json.utf8)), detail.isFinal(now: now) {
                settled.append(id)
            } else {
                needed.append(id)
            }
        }
        if !settled.isEmpty {
            try await write { [settled] db in
                for id in settled {
                    try db.execute(sql: "UPDATE records SET is_final = 1 WHERE conversation_id = ?", arguments: [id])
                }
            }
        }
        return needed
    }

    public func summary() async throws(IndexError) -> IndexSummary {
        try await read { db in
            let state = try Row.fetchOne(db, sql: "SELECT last_synced_at, total_count FROM sync_state WHERE id = 1")
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return IndexSummary(
                conversations: try count("SELECT count(*) FROM conversations"),
                records: try count("SELECT count(*) FROM records"),
                transcripts: try count("SELECT count(DISTINCT conversation_id) FROM transcript_turns"),
                personas: try count("SELECT count(*) FROM personas"),
                replicas: try count("SELECT count(*) FROM replicas"),
                totalCount: state?["total_count"],
                lastSyncedAt: (state?["last_synced_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }
}

/// A query as FTS5 patterns: its words (letters and digits, as the unicode61 tokenizer cuts
/// them), each quoted, so no character of the query is FTS5 syntax.
enum SearchPattern {
    static func words(_ query: String) -> [String] {
        query.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Every word, the last as a prefix.
    static func all(_ words: [String]) -> String {
        quoted(words).joined(separator: " ") + "*"
    }

    /// Any word, the last as a prefix.
    static func any(_ words: [String]) -> String {
        quoted(words).joined(separator: " OR ") + "*"
    }

    private static func quoted(_ words: [String]) -> [String] {
        words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    }
}
