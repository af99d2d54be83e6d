import GRDB
import TavusAPI

extension AccountIndex {
    /// The first page numbers found on earlier runs, by list.
    public func pageBases() -> [String: Int] {
        let rows = try? pool.read { db in try Row.fetchAll(db, sql: "SELECT collection, first_page FROM page_bases") }
        return Dictionary((rows ?? []).map { ($0["collection"] as String, $0["first_page"] as Int) }, uniquingKeysWith: { $1 })
    }

    /// Keeps a list's first page number for later runs (a failure only means it is found again).
    public func rememberPageBase(_ collection: String, _ firstPage: Int) {
        try? pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO page_bases (collection, first_page) VALUES (?, ?)",
                           arguments: [collection, firstPage])
        }
    }

    /// A client's page bases that start from what this index knows and are kept in it.
    public func pageBasesForClient() -> PageBases {
        PageBases(known: pageBases()) { [self] collection, base in rememberPageBase(collection, base) }
    }
}
