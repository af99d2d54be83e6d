import Foundation
import TavusAPI

extension SandboxAPI {
    /// `/v2/conversations/...`, `rest` being the segments after `conversations`.
    func conversations(_ rest: [String], _ request: RecordedRequest, lyingTotal: String?) throws(Rejection) -> SandboxReply {
        switch (rest.count, request.method) {
        case (0, "GET"):
            return try conversationList(request.query, lyingTotal: lyingTotal)
        case (0, _):
            return Self.methodNotAllowed(allowed: "GET")
        case (1, "GET"):
            return detail(id: rest[0], verbose: request.query["verbose"]?.lowercased() == "true")
        case (1, "DELETE"):
            return delete(id: rest[0])
        case (1, _):
            return Self.methodNotAllowed(allowed: "GET, DELETE")
        case (2, "POST") where rest[1] == "end":
            return end(id: rest[0])
        case (2, _) where rest[1] == "end":
            return Self.methodNotAllowed(allowed: "POST")
        default:
            return Self.noSuchPath
        }
    }

    /// `GET /v2/conversations`: one page of the filtered list, newest first.
    private func conversationList(_ query: [String: String], lyingTotal: String?) throws(Rejection) -> SandboxReply {
        let paging = try ListPaging(query, lyingTotal: lyingTotal)
        let filter: ConversationStatus?
        switch query["status"] {
        case nil: filter = nil
        case "active": filter = .active
        case "ended": filter = .ended
        default: throw Rejection(.error("Invalid status", status: 400))
        }
        let all = state.withLock { $0.conversations }
        let matching = filter.map { status in all.filter { $0.status == status } } ?? all
        return paging.reply(matching, ConversationWire.list)
    }

    /// `GET /v2/conversations/{id}`, with events when `verbose=true`.
    private func detail(id: String, verbose: Bool) -> SandboxReply {
        if let invalid = Self.rejectInvalid(id) { return invalid }
        let now = Date()
        let found = state.withLock { state in
            state.conversations.first { $0.id == id }.map { conversation in
                var processing = false
                if verbose, state.completingLate.contains(id) {
                    let firstLook = state.firstLooks[id] ?? now
                    state.firstLooks[id] = firstLook
                    processing = now.timeIntervalSince(firstLook) < state.completionDelay
                }
                return (conversation, state.endedByRequest.contains(id), processing)
            }
        }
        guard let (conversation, endedByRequest, processing) = found else { return Self.conversationNotFound }
        var events = verbose ? self.events.events(for: conversation, endedByRequest: endedByRequest) : nil
        // Still being processed: what comes minutes after the call is not there yet.
        if processing { events?.removeAll { EventGenerator.lateEventTypes.contains($0.eventType) } }
        return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: ConversationWire.detail(conversation, events: events))
    }

    /// `POST /v2/conversations/{id}/end`: an active conversation becomes ended now.
    private func end(id: String) -> SandboxReply {
        if let invalid = Self.rejectInvalid(id) { return invalid }
        return state.withLock { state in
            guard let index = state.conversations.firstIndex(where: { $0.id == id }) else { return Self.conversationNotFound }
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
            guard let index = state.conversations.firstIndex(where: { $0.id == id }) else { return Self.conversationNotFound }
            state.conversations.remove(at: index)
            state.endedByRequest.remove(id)
            return .empty(status: 204)
        }
    }

    /// What the API answers for an id it does not know.
    private static let conversationNotFound = SandboxReply.error("Invalid conversation_id", status: 400)

    /// 400 for an id with anything but ASCII letters and digits, as the docs show for get/end/delete.
    private static func rejectInvalid(_ id: String) -> SandboxReply? {
        let valid = !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && CharacterSet.alphanumerics.contains($0) }
        return valid ? nil : .error("Invalid conversation_id", status: 400)
    }
}
