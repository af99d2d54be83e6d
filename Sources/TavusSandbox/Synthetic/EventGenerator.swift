import Foundation
import TavusAPI

/// Makes the verbose events of a conversation from its fields and the seed, so the same
/// conversation always tells the same story, and a replaced data set still gets events.
struct EventGenerator: Sendable {
    static let endpointShutdownReason = "end_conversation_endpoint_hit"

    let seed: UInt64

    /// Active: the replica joined. Ended: joined, shutdown, transcript and usually a
    /// perception analysis, all between `created_at` and `updated_at`; about one in ten has
    /// no events at all, unless it was ended through the end endpoint. Any other status:
    /// a start-up failure.
    func events(for conversation: Conversation, endedByRequest: Bool) -> [EventRecord] {
        var random = SplitMix64(seed: seed, salt: conversation.id)
        let start = conversation.createdAt.date ?? ConversationGenerator.referenceDate
        let end = max(conversation.updatedAt.date ?? start, start)
        let span = end.timeIntervalSince(start)
        let joined = start.addingTimeInterval(min(Double.random(in: 4...12, using: &random), span * 0.05))
        let event = EventFactory(conversation: conversation)

        switch conversation.status {
        case .active:
            return [event.replicaJoined(at: joined)]
        case .other:
            return [event.shutdown(at: end, reason: "exception_encountered_during_conversation_startup")]
        case .ended:
            if !endedByRequest, random.chance(0.1) { return [] }
            let transcribedAt = end.addingTimeInterval(-min(Double.random(in: 5...20, using: &random), span * 0.05))
            let shutdownAt = transcribedAt.addingTimeInterval(-min(Double.random(in: 0.2...1, using: &random), span * 0.01))
            let reason = endedByRequest ? Self.endpointShutdownReason : Self.shutdownReason(using: &random)
            let transcript = TranscriptBuilder.transcript(
                for: conversation.name, reference: Self.reference(of: conversation), from: joined, within: shutdownAt.timeIntervalSince(joined), using: &random)
            var events = [
                event.replicaJoined(at: joined),
                event.shutdown(at: shutdownAt, reason: reason),
                event.transcriptionReady(at: transcribedAt, transcript: transcript),
            ]
            if random.chance(0.6) {
                events.append(event.recordingReady(at: end, duration: shutdownAt.timeIntervalSince(joined)))
            }
            let perception = Double.random(in: 0..<1, using: &random)
            if perception < 0.8 {
                events.append(event.perceptionAnalysis(at: end, analysis: PerceptionSummaries.make(using: &random)))
            } else if perception < 0.9 {
                events.append(event.perceptionUnavailable(at: end, reason: "no_vision_history"))
            }
            return events
        }
    }

    /// The event types that come minutes after a call, when its processing is done.
    static let lateEventTypes: Set<String> = [
        "application.transcription_ready", "application.perception_analysis", "application.recording_ready",
    ]

    /// Re-dates the `count` newest ended conversations whose records will hold a transcript
    /// and a perception analysis, so that they ended in the minutes before `now`, and returns
    /// their ids; the list stays newest first.
    /// The account reference a call's user gives: ten hex digits of its id, upper case.
    static func reference(of conversation: Conversation) -> String {
        String(conversation.id.dropFirst().prefix(10)).uppercased()
    }

    func endRecently(_ conversations: inout [Conversation], count: Int, before now: Date) -> Set<String> {
        var chosen: Set<String> = []
        for index in conversations.indices where chosen.count < count && conversations[index].status == .ended {
            let types = Set(events(for: conversations[index], endedByRequest: false).map(\.eventType))
            guard types.isSuperset(of: ["application.transcription_ready", "application.perception_analysis"]) else { continue }
            let original = conversations[index]
            let length = max(60, (original.updatedAt.date ?? now).timeIntervalSince(original.createdAt.date ?? now))
            let ended = now.addingTimeInterval(-Double(chosen.count + 1) * 90)
            conversations[index].createdAt = ConversationGenerator.timestamp(ended.addingTimeInterval(-length))
            conversations[index].updatedAt = ConversationGenerator.timestamp(ended)
            chosen.insert(original.id)
        }
        conversations = ConversationGenerator.newestFirst(conversations)
        return chosen
    }

    /// Weighted towards the reasons a real account sees most.
    private static func shutdownReason(using random: inout SplitMix64) -> String {
        let draw = Double.random(in: 0..<1, using: &random)
        if draw < 0.5 { return "participant_left_timeout reached" }
        if draw < 0.75 { return endpointShutdownReason }
        if draw < 0.9 { return "max_call_duration reached" }
        return "participant_absent_timeout reached"
    }
}

/// Event records for one conversation.
private struct EventFactory {
    let conversation: Conversation

    /// `system.pal_joined` with `face_id` for a conversation written with the newer names.
    func replicaJoined(at date: Date) -> EventRecord {
        if ConversationWire.speaksNewNames(conversation.id) {
            return record("system.pal_joined", "system", date, EventProperties(faceID: conversation.replicaID))
        }
        return record("system.replica_joined", "system", date, EventProperties(replicaID: conversation.replicaID))
    }

    func recordingReady(at date: Date, duration: Double) -> EventRecord {
        record("application.recording_ready", "application", date,
               EventProperties(bucketName: "tavus-recordings", s3Key: "\(conversation.id)/recording.mp4",
                               duration: (max(0, duration) * 10).rounded() / 10))
    }

    func shutdown(at date: Date, reason: String) -> EventRecord {
        record("system.shutdown", "system", date, EventProperties(replicaID: conversation.replicaID, shutdownReason: reason))
    }

    func transcriptionReady(at date: Date, transcript: [TranscriptEntry]) -> EventRecord {
        record("application.transcription_ready", "application", date,
               EventProperties(replicaID: conversation.replicaID, transcript: transcript))
    }

    func perceptionAnalysis(at date: Date, analysis: String) -> EventRecord {
        record("application.perception_analysis", "application", date, EventProperties(analysis: analysis))
    }

    func perceptionUnavailable(at date: Date, reason: String) -> EventRecord {
        record("application.perception_unavailable", "application", date, EventProperties(reason: reason))
    }

    private func record(_ type: String, _ messageType: String, _ date: Date, _ properties: EventProperties) -> EventRecord {
        EventRecord(eventType: type, messageType: messageType, conversationID: conversation.id,
                    timestamp: ConversationGenerator.iso8601(date), properties: properties)
    }
}
