import Foundation
import GRDB

/// An item of the account's other kinds, or a persona or replica, as the index keeps it.
public struct IndexedItem: Sendable, Hashable {
    /// Its kind's collection: `documents`, `tools`, `personas`.
    public var collection: String
    public var id: String
    public var name: String
    /// Its object as the index keeps it (a tool's without its secrets).
    public var json: String
}

extension AccountIndex {
    /// The kinds an item search looks in.
    public static let itemCollections = ["personas", "replicas", "documents", "guardrails", "objectives", "tools"]

    /// The items whose name or id holds every word of `query` (case aside), kind by kind in the
    /// order of `itemCollections` (only `collection`'s when given), by name.
    public func items(matching query: String, in collection: String? = nil, limit: Int = 50) async throws(IndexError) -> [IndexedItem] {
        let words = query.split(whereSeparator: \.isWhitespace).map { Self.likePattern(String($0)) }
        guard !words.isEmpty else { return [] }
        let collections = collection.map { [$0] } ?? Self.itemCollections
        return try await read { db in
            var found: [IndexedItem] = []
            for collection in collections where found.count < limit {
                let ownTable = collection == "personas" || collection == "replicas"
                let table = ownTable ? collection : "account_items"
                var conditions = words.map { _ in "(name LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')" }
                var arguments = words.flatMap { [$0, $0] }
                if !ownTable {
                    conditions.append("collection = ?")
                    arguments.append(collection)
                }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, name, json FROM \(table) WHERE \(conditions.joined(separator: " AND ")) ORDER BY name COLLATE NOCASE, id LIMIT ?
                    """, arguments: StatementArguments(arguments) + [limit - found.count])
                found += rows.map { IndexedItem(collection: collection, id: $0["id"], name: $0["name"], json: $0["json"]) }
            }
            return found
        }
    }

    /// `%word%`, its `%`, `_` and `\` taken as themselves.
    private static func likePattern(_ word: String) -> String {
        "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
