import Foundation

extension SandboxAPI {
    /// `/v2/replicas/...` or, with `newNames`, `/v2/faces/...`; `rest` being the segments after it.
    ///
    /// `verbose` is accepted and changes nothing: every item already carries `replica_type`,
    /// as the docs' example list does.
    func replicas(_ rest: [String], _ request: RecordedRequest, newNames: Bool, lyingTotal: String?) throws(Rejection) -> SandboxReply {
        switch (rest.count, request.method) {
        case (0, "GET"):
            let paging = try paging(newNames ? "faces" : "replicas", request.query, lyingTotal: lyingTotal)
            let type = try ListPaging.owner(request.query, "replica_type")
            let requested = requestedReplicas(request.query["replica_ids"])
            let matching = type.map { type in requested.filter { $0.type == type } } ?? requested
            let verbose = request.query["verbose"] == "true"
            return paging.reply(matching) { ReplicaWire.list($0, newNames: newNames, verbose: verbose, totalCountJSON: $1) }
        case (1, "GET"):
            guard let replica = replicas.first(where: { $0.id == rest[0] }) else {
                return .error(newNames ? "Invalid face_id" : "Invalid replica_id", status: 400)
            }
            return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: ReplicaWire.detail(replica, newNames: newNames, verbose: request.query["verbose"] == "true"))
        case (0...1, _):
            return Self.methodNotAllowed(allowed: "GET")
        default:
            return Self.noSuchPath
        }
    }

    /// The replicas `replica_ids` names, in its order, unknown and repeated ids left out;
    /// every replica, newest first, when it is absent or names none.
    private func requestedReplicas(_ list: String?) -> [SandboxReplica] {
        let ids = (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { return replicas }
        let byID = Dictionary(uniqueKeysWithValues: replicas.map { ($0.id, $0) })
        var seen = Set<String>()
        return ids.compactMap { id in seen.insert(id).inserted ? byID[id] : nil }
    }
}
