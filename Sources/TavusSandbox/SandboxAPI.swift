import Foundation
import TavusAPI

/// The conversations API as the sandbox answers it, apart from HTTP and faults.
///
/// Choices where the public docs are silent: every path checks the key first, so an unknown
/// path without a key is 401; a wrong method on a known path is 405; ending a conversation
/// that is not active is 400 `{"error": "Conversation already ended"}` (or `"... is not
/// active"` for other statuses); a successful end answers 200 with an empty body, as the docs
/// give none; delete answers 204.
struct SandboxAPI: Sendable {
    static let listPath = "/v2/conversations"
    static let unauthorizedMessage = "Invalid access token"

    let apiKey: String
    let events: EventGenerator
    let state: Locked<SandboxState>

    /// The answer to `request`. With `lyingTotal`, a list request gets page 1 whatever page it
    /// asked for, with that JSON text as `total_count`.
    func answer(_ request: RecordedRequest, lyingTotal: String? = nil) -> SandboxReply {
        guard request.apiKey == apiKey else {
            return .message(Self.unauthorizedMessage, status: 401)
        }
        let segments = request.path.split(separator: "/").map(String.init)
        guard segments.count >= 2, segments[0] == "v2", segments[1] == "conversations" else {
            return .message("Not found", status: 404)
        }
        switch (segments.count, request.method) {
        case (2, "GET"):
            return list(request.query, lyingTotal: lyingTotal)
        case (2, _):
            return methodNotAllowed(allowed: "GET")
        case (3, "GET"):
            return detail(id: segments[2], verbose: request.query["verbose"]?.lowercased() == "true")
        case (3, "DELETE"):
            return delete(id: segments[2])
        case (3, _):
            return methodNotAllowed(allowed: "GET, DELETE")
        case (4, "POST") where segments[3] == "end":
            return end(id: segments[2])
        case (4, _) where segments[3] == "end":
            return methodNotAllowed(allowed: "POST")
        default:
            return .message("Not found", status: 404)
        }
    }

    /// `GET /v2/conversations`: one page of the filtered list, newest first.
    private func list(_ query: [String: String], lyingTotal: String?) -> SandboxReply {
        guard let limit = Self.positiveInteger(query["limit"], default: 10) else {
            return .message("limit must be a positive integer", status: 400)
        }
        guard let page = lyingTotal == nil ? Self.positiveInteger(query["page"], default: 1) : 1 else {
            return .message("page must be a positive integer", status: 400)
        }
        let filter: ConversationStatus?
        switch query["status"] {
        case nil: filter = nil
        case "active": filter = .active
        case "ended": filter = .ended
        default: return .error("Invalid status", status: 400)
        }
        let all = state.withLock { $0.conversations }
        let matching = filter.map { status in all.filter { $0.status == status } } ?? all
        let (skip, overflow) = (page - 1).multipliedReportingOverflow(by: limit)
        let items = overflow || skip >= matching.count ? [] : Array(matching[skip...].prefix(limit))
        let body = ConversationWire.list(items, totalCountJSON: lyingTotal ?? String(matching.count))
        return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: body)
    }

    /// `GET /v2/conversations/{id}`, with events when `verbose=true`.
    private func detail(id: String, verbose: Bool) -> SandboxReply {
        if let invalid = Self.rejectInvalid(id) { return invalid }
        let found = state.withLock { state in
            state.conversations.first { $0.id == id }.map { ($0, state.endedByRequest.contains(id)) }
        }
        guard let (conversation, endedByRequest) = found else { return Self.notFound }
        let events = verbose ? self.events.events(for: conversation, endedByRequest: endedByRequest) : nil
        return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: ConversationWire.detail(conversation, events: events))
    }

    /// `POST /v2/conversations/{id}/end`: an active conversation becomes ended now.
    private func end(id: String) -> SandboxReply {
        if let invalid = Self.rejectInvalid(id) { return invalid }
        return state.withLock { state in
            guard let index = state.conversations.firstIndex(where: { $0.id == id }) else { return Self.notFound }
            switch state.conversations[index].status {
            case .active:
                state.conversations[index].status = .ended
                state.conversations[index].updatedAt = ConversationGenerator.timestamp(Date())
                state.endedByRequest.insert(id)
                return .empty(status: 200)
            case .ended:
                return .error("Conversation already ended", status: 400)
            case .other:
                return .error("Conversation is not active", status: 400)
            }
        }
    }

    /// `DELETE /v2/conversations/{id}`: the conversation is gone from the list.
    private func delete(id: String) -> SandboxReply {
        if let invalid = Self.rejectInvalid(id) { return invalid }
        return state.withLock { state in
            guard let index = state.conversations.firstIndex(where: { $0.id == id }) else { return Self.notFound }
            state.conversations.remove(at: index)
            state.endedByRequest.remove(id)
            return .empty(status: 204)
        }
    }

    private func methodNotAllowed(allowed: String) -> SandboxReply {
        var reply = SandboxReply.message("Method not allowed", status: 405)
        reply.headers.append((name: "Allow", value: allowed))
        return reply
    }

    private static let notFound = SandboxReply.message("Conversation not found", status: 404)

    /// 400 for an id with anything but ASCII letters and digits, as the docs show for get/end/delete.
    private static func rejectInvalid(_ id: String) -> SandboxReply? {
        let valid = !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && CharacterSet.alphanumerics.contains($0) }
        return valid ? nil : .error("Invalid conversation_id", status: 400)
    }

    /// The value as a whole number of at least 1, the default when absent, nil when invalid.
    private static func positiveInteger(_ text: String?, default value: Int) -> Int? {
        guard let text else { return value }
        guard let number = Int(text), number >= 1 else { return nil }
        return number
    }
}
