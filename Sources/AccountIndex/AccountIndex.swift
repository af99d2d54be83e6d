import Foundation
import GRDB

/// The local index of one account: its conversations, their records and transcripts, its
/// personas and replicas, in one SQLite file (WAL, so several programs can share it), with a
/// full-text table over what people search for. Only the owner can read the file and its folder.
/// The key is never stored: the file is found by a hash of the key (see `IndexLocation`).
public final class AccountIndex: Sendable {
    public let path: String
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens the index at `path`, making it and its folder if needed (with `create`), and
    /// bringing its schema up to date. A file that is not an SQLite database, is damaged, or
    /// holds another schema is moved aside to `<name>.corrupt-<timestamp>` (`warn` is told
    /// where) and a new index takes its place, or, without `create`, `.missing` is thrown.
    public static func open(at path: String, create: Bool = true, warn: (String) -> Void) throws(IndexError) -> AccountIndex {
        let manager = FileManager.default
        guard create || manager.fileExists(atPath: path) else { throw .missing(path: path) }
        try prepareFile(at: path)
        do {
            return try openAndMigrate(path)
        } catch let error as DatabaseError where damaged(error) {
            let aside = try moveAside(path)
            warn("tavus-browse: the index \(path) was unreadable (\(reason(error))); moved aside to \(aside)")
        } catch let error as IndexError {
            guard case .foreign = error else { throw error }
            let aside = try moveAside(path)
            warn("tavus-browse: \(path) is not an index of tavus-browse; moved aside to \(aside)")
        } catch {
            throw .unusable(path: path, reason: reason(error))
        }
        guard create else { throw .missing(path: path) }
        try prepareFile(at: path)
        do {
            return try openAndMigrate(path)
        } catch {
            throw .unusable(path: path, reason: reason(error))
        }
    }

    /// Deletes the index at `path` with its WAL and shared-memory files; whether there was one.
    @discardableResult
    public static func forget(at path: String) throws(IndexError) -> Bool {
        var found = false
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            found = true
            do { try FileManager.default.removeItem(atPath: file) } catch { throw .unusable(path: file, reason: reason(error)) }
        }
        return found
    }

    /// The folder made owner-only when missing, the file made (empty) owner-only before SQLite
    /// opens it, so SQLite gives its WAL and shared-memory files the same permissions.
    private static func prepareFile(at path: String) throws(IndexError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw .unusable(path: path, reason: "cannot make the folder \(folder): \(reason(error))")
            }
        }
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unusable(path: path, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    private static func openAndMigrate(_ path: String) throws -> AccountIndex {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "AccountIndex"
        // A browser's reads are small and few at once: two readers with 1 MiB of page cache
        // each keep the index's share of its memory small.
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -1024") }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            if try isForeign(db) { throw IndexError.foreign(path: path) }
        }
        try migrator.migrate(pool)
        return AccountIndex(path: path, pool: pool)
    }

    /// A database with tables but no migrations of ours, or with migrations we do not know.
    private static func isForeign(_ db: Database) throws -> Bool {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        guard !tables.isEmpty else { return false }
        guard tables.contains("grdb_migrations") else { return true }
        let applied = try migrator.appliedIdentifiers(db)
        return !applied.isSubset(of: Set(migrator.migrations)) || !applied.contains("v1")
    }

    private static func damaged(_ error: DatabaseError) -> Bool {
        [.SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT].contains(error.resultCode)
    }

    /// Moves the file and its WAL and shared-memory files to `<name>.corrupt-<timestamp>`.
    private static func moveAside(_ path: String) throws(IndexError) -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        var aside = "\(path).corrupt-\(stamp)"
        var number = 1
        while FileManager.default.fileExists(atPath: aside) {
            number += 1
            aside = "\(path).corrupt-\(stamp)-\(number)"
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix)
            } catch {
                throw .unusable(path: path, reason: "cannot move it aside: \(reason(error))")
            }
        }
        return aside
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_READONLY, .SQLITE_PERM: return "read-only"
            case .SQLITE_NOTADB: return "not an SQLite database"
            case .SQLITE_CORRUPT: return "damaged"
            case .SQLITE_CANTOPEN: return "cannot be opened"
            default: return error.message ?? "SQLite error \(error.resultCode.rawValue)"
            }
        }
        if let error = error as? IndexError { return error.description }
        let text = (error as NSError).localizedDescription
        return text.isEmpty ? "\(error)" : text
    }

    /// The schema, from the first version on.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
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
        // The full-text table ordered by recency (its rowid is the conversation's search key,
        // see `searchKey`), so a search reads matches newest first and stops at the hits it
        // shows; with prefix indexes, so a word being typed is not a scan of every word it
        // starts. The best turn of a hit is found among its own turns (`TurnMatch`), so the
        // turns need no full-text table of their own.
        migrator.registerMigration("v2") { db in
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
            for id in try String.fetchAll(db, sql: "SELECT id FROM conversations") {
                try refreshSearch(id, db)
            }
        }
        return migrator
    }()
}

/// Why the index cannot be used.
public enum IndexError: Error, CustomStringConvertible, Equatable {
    /// No index file at the path (and none was to be made).
    case missing(path: String)
    /// A database of another program or schema.
    case foreign(path: String)
    /// The file or its folder cannot be made, opened or written.
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): "no index at \(path)"
        case .foreign(let path): "\(path) is not an index of tavus-browse"
        case .unusable(let path, let reason): "the index \(path) cannot be used: \(reason)"
        }
    }
}
