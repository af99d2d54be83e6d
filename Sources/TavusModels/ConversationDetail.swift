import Foundation

/// The get endpoint's answer: the conversation and, with `verbose=true`, its events, from
/// which the shutdown reason, join and end times, transcript and perception analysis are read.
public struct ConversationDetail: Sendable, Hashable {
    public var conversation: Conversation
    /// nil when the answer carried no `events` key at all.
    public var events: [ConversationEvent]?
    /// A top-level `shutdown_reason`, which some answers carry instead of the event.
    var topLevelShutdownReason: String?
    /// A top-level `transcript`, as older answers carried it.
    var topLevelTranscript: [TranscriptTurn]?

    public init(conversation: Conversation, events: [ConversationEvent]?, shutdownReason: String? = nil, transcript: [TranscriptTurn]? = nil) {
        self.conversation = conversation
        self.events = events
        self.topLevelShutdownReason = shutdownReason
        self.topLevelTranscript = transcript
    }

    private func firstEvent(_ type: String) -> ConversationEvent? {
        events?.first { $0.type == type }
    }

    public var shutdownReason: String? {
        topLevelShutdownReason ?? firstEvent(ConversationEvent.shutdown)?.properties["shutdown_reason"]?.stringValue
    }

    /// When the replica (or, in newer answers, the face of the PAL) joined.
    public var replicaJoinedAt: Timestamp? {
        events?.first { $0.type == ConversationEvent.replicaJoined || $0.type == ConversationEvent.palJoined }?.timestamp
    }
    public var endedAt: Timestamp? { firstEvent(ConversationEvent.shutdown)?.timestamp }

    /// Seconds between the replica joining and the shutdown, when both are known.
    public var duration: Double? {
        guard let start = replicaJoinedAt?.date, let end = endedAt?.date, end >= start else { return nil }
        return end.timeIntervalSince(start)
    }

    public var perceptionAnalysis: String? {
        firstEvent(ConversationEvent.perceptionAnalysis)?.properties["analysis"]?.stringValue
    }

    public var transcript: [TranscriptTurn] {
        if let turns = firstEvent(ConversationEvent.transcriptionReady)?.properties["transcript"]?.arrayValue {
            return turns.map(TranscriptTurn.init(json:))
        }
        return topLevelTranscript ?? []
    }
}

extension ConversationDetail {
    /// After this long, a record that is still incomplete will stay so.
    public static let settlingTime: TimeInterval = 3_600
    /// After this long, a record with its transcript gets no perception analysis any more: the
    /// analysis, when there is one, follows the end by minutes.
    public static let perceptionWait: TimeInterval = 900

    /// Whether the record will not change any more: it holds a transcript and either a
    /// perception analysis, word that none will come (`perception_unavailable`), or an end
    /// more than `perceptionWait` ago; or the call ended more than `settlingTime` ago (by its
    /// shutdown event, or its last update when it has none). An active call is never final.
    public func isFinal(now: Date) -> Bool {
        guard conversation.status != .active else { return false }
        let ended = conversation.status == .ended ? endedAt?.date ?? conversation.updatedAt.date : nil
        let since = ended.map { now.timeIntervalSince($0) }
        if !transcript.isEmpty {
            if perceptionAnalysis != nil || firstEvent(ConversationEvent.perceptionUnavailable) != nil { return true }
            if let since, since > Self.perceptionWait { return true }
        }
        return since.map { $0 > Self.settlingTime } ?? false
    }
}

extension ConversationDetail: Decodable {
    enum CodingKeys: String, CodingKey {
        case events
        case shutdownReason = "shutdown_reason"
        case transcript
    }

    public init(from decoder: any Decoder) throws {
        conversation = try Conversation(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        events = (try? c.decodeIfPresent([LossyEvent].self, forKey: .events))?.map(\.event)
        // Text only: a number there is no reason, and must not hide the shutdown event's.
        topLevelShutdownReason = ((try? c.decodeIfPresent(String.self, forKey: .shutdownReason)) ?? nil).flatMap { $0.isEmpty ? nil : $0 }
        topLevelTranscript = (try? c.decodeIfPresent([JSONValue].self, forKey: .transcript))?.map(TranscriptTurn.init(json:))
    }
}

/// One item of the verbose `events` array. Unknown types are kept by name.
public struct ConversationEvent: Sendable, Hashable, Decodable {
    public static let replicaJoined = "system.replica_joined"
    /// The newer name of `replicaJoined`, with `properties.face_id`.
    public static let palJoined = "system.pal_joined"
    public static let recordingReady = "application.recording_ready"
    public static let recordingCopyFailed = "application.recording_copy_failed"
    public static let perceptionUnavailable = "application.perception_unavailable"
    public static let postCallAction = "application.post_call_action_executed"
    public static let shutdown = "system.shutdown"
    public static let transcriptionReady = "application.transcription_ready"
    public static let perceptionAnalysis = "application.perception_analysis"
    /// The type given to an item of `events` that is not an event object at all.
    public static let unreadable = "(unreadable event)"

    public var type: String
    public var messageType: String
    public var timestamp: Timestamp
    public var properties: JSONValue

    public init(type: String, messageType: String, timestamp: Timestamp, properties: JSONValue) {
        self.type = type
        self.messageType = messageType
        self.timestamp = timestamp
        self.properties = properties
    }

    enum CodingKeys: String, CodingKey {
        case type = "event_type"
        case messageType = "message_type"
        case timestamp
        case properties
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = c.lenientString(.type) ?? "unknown"
        messageType = c.lenientString(.messageType) ?? ""
        timestamp = Timestamp(raw: c.lenientString(.timestamp) ?? "")
        properties = (try? c.decodeIfPresent(JSONValue.self, forKey: .properties)) ?? .object([:])
    }
}

/// An item of `events` that cannot spoil the others: a malformed one becomes `unreadable`.
private struct LossyEvent: Decodable {
    let event: ConversationEvent

    init(from decoder: any Decoder) throws {
        event = (try? ConversationEvent(from: decoder))
            ?? ConversationEvent(type: ConversationEvent.unreadable, messageType: "", timestamp: Timestamp(raw: ""), properties: .null)
    }
}
