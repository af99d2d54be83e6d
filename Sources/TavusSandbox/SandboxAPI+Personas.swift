import Foundation

extension SandboxAPI {
    /// `/v2/personas/...` or, with `newNames`, `/v2/pals/...`; `rest` being the segments after it.
    func personas(_ rest: [String], _ request: RecordedRequest, newNames: Bool, lyingTotal: String?) throws(Rejection) -> SandboxReply {
        switch (rest.count, request.method) {
        case (0, "GET"):
            let paging = try paging(newNames ? "pals" : "personas", request.query, lyingTotal: lyingTotal)
            let type = try ListPaging.owner(request.query, "persona_type")
            let matching = type.map { type in personas.filter { $0.type == type } } ?? personas
            return paging.reply(matching) { PersonaWire.list($0, newNames: newNames, totalCountJSON: $1) }
        case (1, "GET"):
            guard let persona = personas.first(where: { $0.id == rest[0] }) else {
                return .error(newNames ? "Invalid pal_id" : "Invalid persona_id", status: 400)
            }
            return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: PersonaWire.detail(persona, newNames: newNames))
        case (0...1, _):
            return Self.methodNotAllowed(allowed: "GET")
        default:
            return Self.noSuchPath
        }
    }
}
