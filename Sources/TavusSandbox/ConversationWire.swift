import Foundation
import TavusAPI

/// The conversation objects and list bodies as the sandbox writes them, with the documented
/// wire names, independent of how the client decodes them.
enum ConversationWire {
    /// `{"data":[...],"total_count":N}`, with any JSON text as the total.
    static func list(_ items: [Conversation], totalCountJSON: String) -> Data {
        SandboxJSON.list(items.map { WireConversation($0, events: nil) }, totalCountJSON: totalCountJSON)
    }

    /// Whether a conversation is written with the newer names (`pal_id`, `face_id`,
    /// `system.pal_joined`), as rows of one real account are seen to mix them: one in three.
    static func speaksNewNames(_ id: String) -> Bool {
        id.unicodeScalars.reduce(0) { $0 &+ Int($1.value) } % 3 == 0
    }

    /// The get endpoint's body: the conversation, plus `events` when verbose.
    static func detail(_ conversation: Conversation, events: [EventRecord]?) -> Data {
        SandboxJSON.encode(WireConversation(conversation, events: events))
    }
}

/// One conversation on the wire; a missing optional is written as null.
private struct WireConversation: Encodable {
    let conversation: Conversation
    let events: [EventRecord]?

    init(_ conversation: Conversation, events: [EventRecord]?) {
        self.conversation = conversation
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case conversationName = "conversation_name"
        case status
        case conversationURL = "conversation_url"
        case callbackURL = "callback_url"
        case replicaID = "replica_id"
        case personaID = "persona_id"
        case faceID = "face_id"
        case palID = "pal_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case events
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(conversation.id, forKey: .conversationID)
        try c.encode(conversation.name, forKey: .conversationName)
        try c.encode(conversation.status.rawValue, forKey: .status)
        try c.encode(conversation.url, forKey: .conversationURL)
        try c.encode(conversation.callbackURL, forKey: .callbackURL)
        let newNames = ConversationWire.speaksNewNames(conversation.id)
        try c.encode(conversation.replicaID, forKey: newNames ? .faceID : .replicaID)
        try c.encode(conversation.personaID, forKey: newNames ? .palID : .personaID)
        try c.encode(conversation.createdAt.raw, forKey: .createdAt)
        try c.encode(conversation.updatedAt.raw, forKey: .updatedAt)
        try c.encodeIfPresent(events, forKey: .events)
    }
}
