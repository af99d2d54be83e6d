import Foundation

extension SandboxAPI {
    /// `/v2/documents/...`: pages count from 0, and the answer echoes `page` and `limit`, as
    /// the knowledge base's list does; `status` filters.
    func documents(_ rest: [String], _ request: RecordedRequest, lyingTotal: String?) throws(Rejection) -> SandboxReply {
        switch (rest.count, request.method) {
        case (0, "GET"):
            let paging = try ListPaging(request.query, lyingTotal: lyingTotal, firstPage: 0)
            let statuses = ["started", "processing", "ready", "error"]
            if let status = request.query["status"], !statuses.contains(status) {
                throw Rejection(.error("Invalid status: one of \(statuses.joined(separator: ", "))", status: 400))
            }
            let matching = request.query["status"].map { status in documents.filter { $0["status"]?.text == status } } ?? documents
            return paging.reply(matching) { items, total in
                SandboxJSON.list(items, totalCountJSON: total, extra: ["page": .int(paging.page), "limit": .int(paging.limit)])
            }
        case (1, "GET"):
            guard let document = documents.first(where: { $0["document_id"]?.text == rest[0] }) else {
                return .error("Document not found", status: 404)
            }
            return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: SandboxJSON.encode(document))
        case (0...1, _):
            return Self.methodNotAllowed(allowed: "GET")
        default:
            return Self.noSuchPath
        }
    }
}
