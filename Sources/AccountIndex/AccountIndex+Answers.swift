import Foundation
import GRDB
import TavusAPI

/// The index as the API, for `--offline` and for the first page drawn before the API answers:
/// list pages and records made of the objects the API sent, newest first as it lists them.
extension AccountIndex: OfflineSource {
    public func body(path: String, query: [String: String]) async -> Data? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "v2" else { return nil }
        let paging = Paging(query)
        do {
            switch (parts[1], parts.count) {
            case ("conversations", 2):
                guard let paging else { return nil }
                let status = query["status"]
                return try await listBody(table: "conversations", where: status.map { _ in "status = ?" }, status.map { [$0] } ?? [],
                                          order: "created_epoch DESC NULLS LAST, id", paging)
            case ("conversations", 3):
                return try await conversationBody(id: parts[2], verbose: query["verbose"] == "true")
            case ("personas", 2), ("replicas", 2):
                guard let paging else { return nil }
                return try await resourceList(parts[1], query: query, paging)
            case ("personas", 3), ("replicas", 3):
                let json: String? = try await read { db in
                    try String.fetchOne(db, sql: "SELECT json FROM \(parts[1]) WHERE id = ?", arguments: [parts[2]])
                }
                return json.map { Data($0.utf8) }
            case (let collection, 2):
                guard let paging, try await holds(collection) else { return nil }
                return try await listBody(table: "account_items", where: "collection = ?", [collection], order: "position", paging)
            case (let collection, 3):
                let json: String? = try await read { db in
                    try String.fetchOne(db, sql: "SELECT json FROM account_items WHERE collection = ? AND id = ?", arguments: [collection, parts[2]])
                }
                return json.map { Data($0.utf8) }
            default:
                return nil
            }
        } catch {
            return nil
        }
    }

    /// Whether a sync stored items of `collection`.
    private func holds(_ collection: String) async throws(IndexError) -> Bool {
        try await read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account_items WHERE collection = ?)", arguments: [collection]) ?? false }
    }

    /// The page and limit of a list request; nil when either is not a whole number of at least 1.
    struct Paging {
        let limit: Int
        let offset: Int

        init?(_ query: [String: String]) {
            guard let page = Int(query["page"] ?? "1"), let limit = Int(query["limit"] ?? "10"), page >= 1, limit >= 1,
                  case let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: limit), !overflow else { return nil }
            self.limit = limit
            self.offset = offset
        }
    }

    private struct ListedItems: Sendable {
        var items: [String]
        var total: Int
    }

    /// `{"data":[…],"total_count":N}` of the stored objects of `table` that match `condition`.
    private func listBody(table: String, where condition: String?, _ arguments: [String], order: String, _ paging: Paging) async throws(IndexError) -> Data {
        let filter = condition.map { " WHERE \($0)" } ?? ""
        let listed: ListedItems = try await read { db in
            let items = try String.fetchAll(db, sql: "SELECT json FROM \(table)\(filter) ORDER BY \(order) LIMIT ? OFFSET ?",
                                            arguments: StatementArguments(arguments) + [paging.limit, paging.offset])
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)\(filter)", arguments: StatementArguments(arguments)) ?? 0
            return ListedItems(items: items, total: total)
        }
        let (items, total) = (listed.items, listed.total)
        return Data("{\"data\":[\(items.joined(separator: ","))],\"total_count\":\(total)}".utf8)
    }

    /// A verbose record when one is stored; otherwise the list's object, which has no events.
    private func conversationBody(id: String, verbose: Bool) async throws(IndexError) -> Data? {
        try await read { db in
            if verbose, let record = try Data.fetchOne(db, sql: "SELECT body FROM records WHERE conversation_id = ?", arguments: [id]),
               let json = PackedJSON.unpack(record) {
                return json
            }
            return try String.fetchOne(db, sql: "SELECT json FROM conversations WHERE id = ?", arguments: [id]).map { Data($0.utf8) }
        }
    }

    /// Personas or replicas, with `replica_ids` (those of the ids that are stored); the client
    /// filters by type itself (see `TavusClient.list`).
    private func resourceList(_ table: String, query: [String: String], _ paging: Paging) async throws(IndexError) -> Data {
        var conditions: [String] = []
        var arguments: [String] = []
        if table == "replicas", let ids = query["replica_ids"] {
            let list = ids.split(separator: ",").map(String.init)
            conditions.append("id IN (\(list.map { _ in "?" }.joined(separator: ",")))")
            arguments += list
        }
        let condition = conditions.isEmpty ? nil : conditions.joined(separator: " AND ")
        return try await listBody(table: table, where: condition, arguments, order: "name COLLATE NOCASE, id", paging)
    }
}
