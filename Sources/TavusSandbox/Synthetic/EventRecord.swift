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
    var faceID: String?
    var shutdownReason: String?
    var transcript: [TranscriptEntry]?
    var analysis: String?
    var reason: String?
    var bucketName: String?
    var s3Key: String?
    var duration: Double?

    enum CodingKeys: String, CodingKey {
        case replicaID = "replica_id"
        case faceID = "face_id"
        case shutdownReason = "shutdown_reason"
        case transcript
        case analysis
        case reason
        case bucketName = "bucket_name"
        case s3Key = "s3_key"
        case duration
    }
}

/// One transcript turn; the system prompt has no timing. An assistant turn that calls a tool
/// has `tool_calls` and empty content; the tool's answer is a `tool` turn naming the call.
struct TranscriptEntry: Encodable, Sendable {
    var role: String
    var content: String
    /// Unix epoch seconds.
    var timestamp: Double?
    var secondsFromStart: Double?
    var duration: Double?
    var inferenceID: String?
    var toolCalls: [ToolCallEntry]?
    var toolCallID: String?

    enum CodingKeys: String, CodingKey {
        case role
        case content
        case timestamp
        case secondsFromStart = "seconds_from_start"
        case duration
        case inferenceID = "inference_id"
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
    }
}

/// `{"id", "type": "function", "function": {"name", "arguments"}}`, arguments as a JSON string.
struct ToolCallEntry: Encodable, Sendable {
    var id: String
    var name: String
    var arguments: String

    enum CodingKeys: String, CodingKey {
        case id, type, function
    }

    enum FunctionKeys: String, CodingKey {
        case name, arguments
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode("function", forKey: .type)
        var function = c.nestedContainer(keyedBy: FunctionKeys.self, forKey: .function)
        try function.encode(name, forKey: .name)
        try function.encode(arguments, forKey: .arguments)
    }
}
