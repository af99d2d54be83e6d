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

/// How much of the account the index holds: the part of `IndexSummary` that is cheap enough to
/// read after every write (counting the transcripts of 100,000 conversations is not).
public struct IndexExtent: Sendable, Hashable {
    public var conversations: Int
    /// The account's `total_count`, as the last list page said.
    public var totalCount: Int?
    public var lastSyncedAt: Date?
    /// Pages fetched but not stored, which the next sync fills.
    public var gaps: Int = 0
}

extension AccountIndex {
    /// Conversations whose fields or transcript hold every word of `query` (the last one as a
    /// prefix), ranked in tiers: those whose id or name holds every word, then those whose
    /// id, name, persona, replica or shutdown reason do, then the transcripts; newest first in
    /// each tier. Each tier reads its matches newest first and stops at `limit`.
    /// `persona:ID` and `replica:ID` in the query keep the conversations of that persona or
    /// replica; with no words besides, they are all listed, newest first, each with the opening
    /// of its transcript.
    public func search(_ query: String, status: String? = nil, limit: Int = 20) async throws(IndexError) -> [SearchHit] {
        let (filters, text) = SearchFilters.parse(query)
        let words = SearchPattern.words(text)
        guard !words.isEmpty || !filters.isEmpty, limit > 0 else { return [] }
        return try await read { db in
            var hits: [SearchHit] = []
            var rowids: [Int64] = []
            var seen = Set<String>()
            let patterns = words.isEmpty ? [nil] : SearchPattern.tiers.map { SearchPattern.all(words, in: $0) }
            for pattern in patterns {
                let rows = try Self.matches(pattern, filters: filters, status: status, limit: limit, db)
                for row in rows where hits.count < limit {
                    let id: String = row["id"]
                    guard seen.insert(id).inserted else { continue }
                    hits.append(SearchHit(id: id, name: row["name"], status: row["status"], createdAt: row["created_at"],
                                          personaID: row["persona_id"], personaName: row["persona_name"],
                                          replicaID: row["replica_id"], replicaName: row["replica_name"],
                                          url: row["url"], updatedAt: row["updated_at"]))
                    rowids.append(row["rowid"])
                }
                if hits.count >= limit { break }
            }
            let transcript = try db.cachedStatement(sql: "SELECT position, role, content FROM transcript_turns WHERE conversation = ? ORDER BY position")
            for index in hits.indices {
                let turns = try Row.fetchAll(transcript, arguments: [rowids[index]])
                    .map { TurnMatch.Turn(position: $0["position"], role: $0["role"], content: $0["content"]) }
                if words.isEmpty {
                    let opening = TurnMatch.opening(of: turns)
                    hits[index].match = opening?.match
                    hits[index].snippet = opening?.snippet ?? "no transcript in the index"
                    hits[index].turn = opening?.position
                } else if let best = TurnMatch.best(in: turns, words: words) {
                    hits[index].match = best.match
                    hits[index].snippet = best.snippet
                    hits[index].turn = best.position
                }
            }
            return hits
        }
    }

    /// Up to `limit` conversations matching `pattern` (every conversation, for nil) and the
    /// filters, newest first (the full-text table's order).
    private static func matches(_ pattern: String?, filters: SearchFilters, status: String?, limit: Int, _ db: Database) throws -> [Row] {
        var sql = """
            SELECT c.rowid, c.id, c.name, c.status, c.url, c.created_at, c.updated_at, c.persona_id, c.replica_id, p.name AS persona_name, r.name AS replica_name
            FROM \(pattern == nil ? "conversations c" : "conversation_search s JOIN conversations c ON c.search_key = s.rowid")
            LEFT JOIN personas p ON p.id = c.persona_id
            LEFT JOIN replicas r ON r.id = c.replica_id
            WHERE 1
            """
        var arguments: StatementArguments = []
        if let pattern {
            sql += " AND conversation_search MATCH ?"
            arguments += [pattern]
        }
        if let persona = filters.persona {
            sql += " AND c.persona_id = ?"
            arguments += [persona]
        }
        if let replica = filters.replica {
            sql += " AND c.replica_id = ?"
            arguments += [replica]
        }
        if let status {
            sql += " AND c.status = ?"
            arguments += [status]
        }
        sql += pattern == nil ? " ORDER BY c.search_key LIMIT ?" : " ORDER BY s.rowid LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Ended conversations whose record is missing or not final, newest first. A stored record
    /// that has become final by the passing of time is marked so, not fetched again.
    public func conversationsNeedingRecords(at now: Date = Date()) async throws(IndexError) -> [String] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, r.body FROM conversations c LEFT JOIN records r ON r.conversation_id = c.id
                WHERE c.status = 'ended' AND (r.conversation_id IS NULL OR NOT r.is_final)
                ORDER BY c.created_epoch DESC NULLS LAST, c.id
                """).map { row -> (String, Data?) in (row["id"], row["body"]) }
        }
        var needed: [String] = []
        var settled: [String] = []
        for (id, body) in rows {
            if let json = body.flatMap(PackedJSON.unpack), let detail = try? TavusClient.decodeDetail(json), detail.isFinal(now: now) {
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

    public func extent() async throws(IndexError) -> IndexExtent {
        try await read(Self.extent)
    }

    public func summary() async throws(IndexError) -> IndexSummary {
        try await read { db in
            let extent = try Self.extent(db)
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return IndexSummary(
                conversations: extent.conversations,
                records: try count("SELECT count(*) FROM records"),
                transcripts: try count("SELECT count(DISTINCT conversation) FROM transcript_turns"),
                personas: try count("SELECT count(*) FROM personas"),
                replicas: try count("SELECT count(*) FROM replicas"),
                totalCount: extent.totalCount,
                lastSyncedAt: extent.lastSyncedAt)
        }
    }

    private static func extent(_ db: Database) throws -> IndexExtent {
        let state = try Row.fetchOne(db, sql: "SELECT last_synced_at, total_count FROM sync_state WHERE id = 1")
        return IndexExtent(conversations: try Int.fetchOne(db, sql: "SELECT count(*) FROM conversations") ?? 0,
                           totalCount: state?["total_count"],
                           lastSyncedAt: (state?["last_synced_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                           gaps: try Int.fetchOne(db, sql: "SELECT count(*) FROM gaps") ?? 0)
    }
}

/// `persona:ID` and `replica:ID` in a query, and the rest of its text.
struct SearchFilters: Equatable {
    var persona: String?
    var replica: String?

    var isEmpty: Bool { persona == nil && replica == nil }

    static func parse(_ query: String) -> (SearchFilters, String) {
        var filters = SearchFilters()
        var rest: [Substring] = []
        for part in query.split(whereSeparator: \.isWhitespace) {
            if part.hasPrefix("persona:"), part.count > 8 {
                filters.persona = String(part.dropFirst(8))
            } else if part.hasPrefix("replica:"), part.count > 8 {
                filters.replica = String(part.dropFirst(8))
            } else {
                rest.append(part)
            }
        }
        return (filters, rest.joined(separator: " "))
    }
}

/// A query as FTS5 patterns: its words (letters and digits, as the unicode61 tokenizer cuts
/// them), each quoted, so no character of the query is FTS5 syntax.
enum SearchPattern {
    static func words(_ query: String) -> [String] {
        query.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The columns each tier of a search matches in, best first; nil is every column.
    static let tiers: [[String]?] = [
        ["conversation_id", "name"],
        ["conversation_id", "name", "persona", "replica", "shutdown_reason"],
        nil,
    ]

    /// Every word in `columns` (or in any column), the last as a prefix.
    static func all(_ words: [String], in columns: [String]?) -> String {
        let pattern = quoted(words).joined(separator: " ") + "*"
        guard let columns else { return pattern }
        return "{\(columns.joined(separator: " "))} : (\(pattern))"
    }

    private static func quoted(_ words: [String]) -> [String] {
        words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    }
}
