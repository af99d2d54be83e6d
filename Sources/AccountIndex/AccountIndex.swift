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

    /// Closes the connections now, so a program that used the index leaves one file behind,
    /// not three. The pool closes its read-only connections last, and the last connection to
    /// close is the one that folds the WAL back into the file and removes it, which a read-only
    /// one cannot; so a writer is opened and closed alone to do it. (When another program still
    /// has the index open, the WAL stays for it; when the file is gone, nothing is made again.)
    /// Later reads and writes fail.
    public func close() {
        try? pool.close()
        guard FileManager.default.fileExists(atPath: path), let last = try? DatabaseQueue(path: path) else { return }
        try? last.close()
    }

    /// Whether the index holds nothing from the account: no conversation, record, persona or
    /// replica, no gap, and no sync. (A run whose key or base URL was wrong leaves such a file.)
    public func holdsNothing() -> Bool {
        let empty = try? pool.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT NOT EXISTS (SELECT 1 FROM conversations) AND NOT EXISTS (SELECT 1 FROM records)
                    AND NOT EXISTS (SELECT 1 FROM personas) AND NOT EXISTS (SELECT 1 FROM replicas)
                    AND NOT EXISTS (SELECT 1 FROM gaps)
                    AND (SELECT last_synced_at IS NULL FROM sync_state WHERE id = 1)
                """)
        }
        return empty == true
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
    /// opens it, so SQLite gives its WAL and shared-memory files the same permissions. Neither is
    /// followed when it is a symbolic link, and a folder another user owns, or that group or
    /// others can write to, is refused: whoever can change what the folder holds could read the
    /// account's transcripts or hand the browser a file of their own.
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
        if let problem = FolderCheck.problem(folder.isEmpty ? "." : folder) { throw .refused(problem) }
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            let symlink = errno == ELOOP
            throw .unusable(path: path, reason: symlink ? "it is a symbolic link, which is not followed" : String(cString: strerror(errno)))
        }
        defer { Foundation.close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .unusable(path: path, reason: "it is not a regular file")
        }
        guard info.st_uid == geteuid() else { throw .unusable(path: path, reason: "it is owned by another user") }
        fchmod(descriptor, 0o600)
    }

    /// How long a program waits for another that holds the index.
    private static let busyTimeout: TimeInterval = 5

    private static func openAndMigrate(_ path: String) throws -> AccountIndex {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "AccountIndex"
        // A browser's reads are small and few at once: two readers with 256 KiB of page cache
        // each, and the writer with 512 KiB (the pages of the B-trees a page of rows touches;
        // twice that writes a page of 100 a tenth faster), keep the index's share of its memory
        // small however large the index grows.
        configuration.maximumReaderCount = 2
        // The writer asks for incremental vacuum before anything else touches the file, so a new
        // index can give back the pages it frees (`compact`); an older one is switched by the
        // rewrite `compact` gives it.
        configuration.prepareDatabase { db in
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -256")
            } else {
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA cache_size = -512")
            }
        }
        let pool = try newPool(at: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try IndexSchema.migrate(db, path: path)
                return .commit
            }
        }
        return AccountIndex(path: path, pool: pool)
    }

    /// A new file's switch to WAL takes a lock SQLite does not wait for (waiting could deadlock),
    /// so when two programs make the index at once, one is told the database is locked: it tries
    /// again, for as long as a busy database is waited for.
    private static func newPool(at path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    private static func damaged(_ error: DatabaseError) -> Bool {
        [.SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT].contains(error.resultCode)
    }

    /// How many copies moved aside are kept beside an index; older ones are removed.
    static let keptCorruptCopies = 3

    /// Moves the file and its WAL and shared-memory files to `<name>.corrupt-<timestamp>`,
    /// keeping the newest `keptCorruptCopies` copies.
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
        removeOldCorruptCopies(of: path)
        return aside
    }

    private static func removeOldCorruptCopies(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".corrupt-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        let copies: [(path: String, modified: Date)] = names
            .filter { $0.hasPrefix(prefix) && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
            .map { name in
                let copy = (folder as NSString).appendingPathComponent(name)
                let modified = (try? FileManager.default.attributesOfItem(atPath: copy))?[.modificationDate] as? Date
                return (copy, modified ?? .distantPast)
            }
        let newestFirst = copies.sorted { $0.modified == $1.modified ? $0.path > $1.path : $0.modified > $1.modified }
        for (copy, _) in newestFirst.dropFirst(keptCorruptCopies) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        }
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
}

/// Why the index cannot be used.
public enum IndexError: Error, CustomStringConvertible, Equatable {
    /// No index file at the path (and none was to be made).
    case missing(path: String)
    /// A database of another program or schema.
    case foreign(path: String)
    /// The file or its folder cannot be made, opened or written.
    case unusable(path: String, reason: String)
    /// The folder is not fit to hold an index (`FolderCheck`); the reason names it.
    case refused(String)

    public var description: String {
        switch self {
        case .missing(let path): "no index at \(path)"
        case .foreign(let path): "\(path) is not an index of tavus-browse"
        case .unusable(let path, let reason): "the index \(path) cannot be used: \(reason)"
        case .refused(let reason): reason
        }
    }
}
