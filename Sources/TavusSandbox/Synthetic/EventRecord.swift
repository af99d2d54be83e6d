/// One item of the verbose `events` array, laid out like the webhook payloads it mirrors.
struct EventRecord: Encodable, Sendable {
    var eventType: String
    var messageType: String
    var conversationID: String
    var timestamp: String
    var properties: EventProperties

    enum CodingKeys: String, CodingKey {
        case eventType = "event_type"
        case messageType = "message_type"
        case conversationID = "conversation_id"
        case timestamp
        case properties
    }
}

/// The payload of an event; only the fields of its type are set (nil ones are left out).
struct EventProperties: Encodable, Sendable {
    var replicaID: String?
    var shutdownReason: String?
    var transcript: [TranscriptEntry]?
    var analysis: String?
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case replicaID = "replica_id"
        case shutdownReason = "shutdown_reason"
        case transcript
        case analysis
        case reason
    }
}

/// One transcript turn; the system prompt has no timing.
struct TranscriptEntry: Encodable, Sendable {
    var role: String
    var content: String
    /// Unix epoch seconds.
    var timestamp: Double?
    var secondsFromStart: Double?
    var duration: Double?
    var inferenceID: String?

    enum CodingKeys: String, CodingKey {
        case role
        case content
        case timestamp
        case secondsFromStart = "seconds_from_start"
        case duration
        case inferenceID = "inference_id"
    }
}
