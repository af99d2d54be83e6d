import Foundation

/// The API as the sandbox answers it, apart from HTTP and faults: conversations, personas and
/// replicas, and personas and replicas again under their newer names, pals and faces.
///
/// Choices where the public docs are silent: every path checks the key first, so an unknown
/// path without a key is 401; a wrong method on a known path is 405; ending a conversation
/// that is not active is 400 `{"error": "Conversation already ended"}` (or `"... is not
/// active"` for other statuses); a successful end answers 200 with an empty body, as the docs
/// give none; delete answers 204. An unknown persona or replica is 400, as the docs show
/// for a malformed one.
struct SandboxAPI: Sendable {
    /// The conversation list, the one list that page-filtered faults look at.
    static let listPath = "/v2/conversations"
    static let unauthorizedMessage = "Invalid access token"

    let apiKey: String
    let events: EventGenerator
    let state: Locked<SandboxState>
    /// Newest first; they never change while the server runs.
    let personas: [SandboxPersona]
    /// Newest first; they never change while the server runs.
    let replicas: [SandboxReplica]
    /// The lists whose pages count from 0.
    let zeroBasedLists: Set<String>
    /// The kinds kept as the API's JSON, by collection: documents, guardrails, objectives, tools.
    let kinds: [String: SandboxKind]

    /// The paging of a request to the list `collection`.
    func paging(_ collection: String, _ query: [String: String], lyingTotal: String?) throws(Rejection) -> ListPaging {
        try ListPaging(query, lyingTotal: lyingTotal, firstPage: zeroBasedLists.contains(collection) ? 0 : 1)
    }

    /// The answer to `request`. With `lyingTotal`, a list request gets page 1 whatever page it
    /// asked for, with that JSON text as `total_count`.
    func answer(_ request: RecordedRequest, lyingTotal: String? = nil) -> SandboxReply {
        guard request.apiKey == apiKey else {
            return .message(Self.unauthorizedMessage, status: 401)
        }
        let segments = request.path.split(separator: "/").map(String.init)
        guard segments.count >= 2, segments[0] == "v2" else { return Self.noSuchPath }
        let rest = Array(segments.dropFirst(2))
        do {
            switch segments[1] {
            case "conversations":
                return try conversations(rest, request, lyingTotal: lyingTotal)
            case "personas", "pals":
                return try personas(rest, request, newNames: segments[1] == "pals", lyingTotal: lyingTotal)
            case "replicas", "faces":
                return try replicas(rest, request, newNames: segments[1] == "faces", lyingTotal: lyingTotal)
            default:
                guard let kind = kinds[segments[1]] else { return Self.noSuchPath }
                return try kind.answer(rest, request, lyingTotal: lyingTotal)
            }
        } catch {
            return error.reply
        }
    }

    static let noSuchPath = SandboxReply.message("Not found", status: 404)

    static func methodNotAllowed(allowed: String) -> SandboxReply {
        var reply = SandboxReply.message("Method not allowed", status: 405)
        reply.headers.append((name: "Allow", value: allowed))
        return reply
    }
}
