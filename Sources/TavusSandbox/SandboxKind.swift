import Foundation

/// A kind the sandbox keeps as the API's JSON objects (documents, guardrails, objectives,
/// tools): where it is listed, how its pages count and filter, and how one record is answered.
struct SandboxKind: Sendable {
    let collection: String
    /// The field that holds an item's id.
    let idField: String
    /// The field that holds an item's name.
    let nameField: String
    let urlField: String?
    /// The first page's number.
    let firstPage: Int
    /// The query parameter that filters, its values, and each item's value.
    let filter: (parameter: String, values: [String], of: @Sendable (SandboxValue) -> String?)?
    /// What the list answers when `query` lacks this parameter and value (guardrails list
    /// their older sets unless asked with `legacy=false`).
    let unlessAsked: (parameter: String, value: String, items: [SandboxValue])?
    /// Whether the list takes `tags` (a comma list: an item with any of them matches).
    let filtersByTags: Bool
    /// Whether the list echoes `page` and `limit`.
    let echoesPaging: Bool
    /// Whether one record comes wrapped in `{"data": …}`.
    let wrapsRecord: Bool
    /// Newest first.
    let items: [SandboxValue]

    /// `/v2/COLLECTION/...`, `rest` being the segments after it.
    func answer(_ rest: [String], _ request: RecordedRequest, lyingTotal: String?) throws(Rejection) -> SandboxReply {
        switch (rest.count, request.method) {
        case (0, "GET"):
            let paging = try ListPaging(request.query, lyingTotal: lyingTotal, firstPage: firstPage)
            var matching = items
            if let unlessAsked, request.query[unlessAsked.parameter] != unlessAsked.value { matching = unlessAsked.items }
            if let filter, let value = request.query[filter.parameter], value != "all" {
                guard filter.values.contains(value) else {
                    throw Rejection(.error("Invalid \(filter.parameter): one of \(filter.values.joined(separator: ", "))", status: 400))
                }
                matching = matching.filter { filter.of($0) == value }
            }
            if filtersByTags, let asked = request.query["tags"]?.split(separator: ",").map(String.init), !asked.isEmpty {
                matching = matching.filter { item in
                    guard case .array(let tags)? = item["tags"] else { return false }
                    return tags.contains { asked.contains($0.text ?? "") }
                }
            }
            let extra: [String: SandboxValue] = echoesPaging ? ["page": .int(paging.page), "limit": .int(paging.limit)] : [:]
            return paging.reply(matching) { SandboxJSON.list($0, totalCountJSON: $1, extra: extra) }
        case (1, "GET"):
            guard let item = items.first(where: { $0[idField]?.text == rest[0] }) else {
                return .error("Not found", status: 404)
            }
            return SandboxReply(status: 200, contentType: SandboxReply.jsonType,
                                body: SandboxJSON.encode(wrapsRecord ? .object(["data": item]) : item))
        case (0...1, _):
            return SandboxAPI.methodNotAllowed(allowed: "GET")
        default:
            return SandboxAPI.noSuchPath
        }
    }

    /// The ids of its items, newest first.
    var ids: [String] { items.compactMap { $0[idField]?.text } }

    /// What a test looks for on screen, item by item.
    var listed: [SandboxListed] {
        items.map { SandboxListed($0, id: idField, name: nameField, url: urlField) }
    }
}
