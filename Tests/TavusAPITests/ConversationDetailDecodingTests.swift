import Foundation
import TavusAPI
import Testing

@Suite("Decoding verbose conversation details")
struct ConversationDetailDecodingTests {
    private let base = #""conversation_id": "c1", "conversation_name": "Support call", "status": "ended""#

    @Test func eventsAbsentVersusEmpty() throws {
        let absent = try decode(ConversationDetail.self, "{\(base)}")
        #expect(absent.events == nil)
        #expect(absent.transcript.isEmpty)
        #expect(absent.shutdownReason == nil)
        #expect(absent.duration == nil)

        let empty = try decode(ConversationDetail.self, #"{\#(base), "events": []}"#)
        #expect(empty.events == [])
        #expect(empty.transcript.isEmpty)
        #expect(empty.perceptionAnalysis == nil)
    }

    @Test func eventsAreRead() throws {
        let detail = try decode(ConversationDetail.self, """
            {\(base), "events": [
              {"event_type": "system.replica_joined", "message_type": "system",
               "timestamp": "2025-09-09T21:05:55Z", "properties": {"replica_id": "r1"}},
              {"event_type": "system.shutdown", "message_type": "system",
               "timestamp": "2025-09-09T21:15:55.5Z",
               "properties": {"shutdown_reason": "participant_left_timeout reached"}},
              {"event_type": "application.transcription_ready", "message_type": "application",
               "timestamp": "2025-09-09T21:15:56Z", "properties": {"transcript": [
                 {"role": "system", "content": "Be brief."},
                 {"role": "user", "content": "Hello?", "seconds_from_start": 3.25, "duration": 1.5},
                 {"role": "assistant", "content": "Hi!", "seconds_from_start": "5"},
                 {"content": "no role"},
                 {"role": "tool", "content": 42}
               ]}},
              {"event_type": "application.perception_analysis", "message_type": "application",
               "timestamp": "2025-09-09T21:16:00Z", "properties": {"analysis": "Calm."}}
            ]}
            """)
        #expect(detail.shutdownReason == "participant_left_timeout reached")
        #expect(detail.replicaJoinedAt?.date == Date(timeIntervalSince1970: 1_757_451_955))
        #expect(detail.endedAt?.raw == "2025-09-09T21:15:55.5Z")
        #expect(detail.duration == 600.5)
        #expect(detail.perceptionAnalysis == "Calm.")
        #expect(detail.transcript == [
            TranscriptTurn(role: "system", content: "Be brief."),
            TranscriptTurn(role: "user", content: "Hello?", secondsFromStart: 3.25, duration: 1.5),
            TranscriptTurn(role: "assistant", content: "Hi!", secondsFromStart: 5),
            TranscriptTurn(role: "?", content: "no role"),
            TranscriptTurn(role: "tool", content: "42"),
        ])
    }

    @Test func unknownEventTypesAreKept() throws {
        let detail = try decode(ConversationDetail.self, """
            {\(base), "events": [
              {"event_type": "application.recording_ready", "message_type": "application",
               "timestamp": "2025-09-09T21:16:00Z", "properties": {"bucket_name": "b", "s3_key": "k"}},
              {"event_type": "system.pal_joined", "properties": null},
              {"message_type": "system"}
            ]}
            """)
        let events = try #require(detail.events)
        #expect(events.map(\.type) == ["application.recording_ready", "system.pal_joined", "unknown"])
        #expect(events[0].properties["s3_key"] == .string("k"))
        #expect(events[1].properties == .object([:]))
        #expect(events[2].timestamp.raw == "")
        #expect(detail.shutdownReason == nil)
        // system.pal_joined counts as joining; this one says no time.
        #expect(detail.replicaJoinedAt?.raw == "")
        #expect(detail.duration == nil)
    }

    @Test func topLevelShutdownReasonAndTranscript() throws {
        let detail = try decode(ConversationDetail.self, """
            {\(base), "shutdown_reason": "max_call_duration reached",
             "transcript": [{"role": "user", "content": "Hi"}]}
            """)
        #expect(detail.shutdownReason == "max_call_duration reached")
        #expect(detail.transcript == [TranscriptTurn(role: "user", content: "Hi")])
    }

    @Test func shutdownBeforeJoinGivesNoDuration() throws {
        let detail = try decode(ConversationDetail.self, """
            {\(base), "events": [
              {"event_type": "system.replica_joined", "timestamp": "2025-09-09T21:15:00Z"},
              {"event_type": "system.shutdown", "timestamp": "2025-09-09T21:10:00Z"}
            ]}
            """)
        #expect(detail.duration == nil)
    }

    @Test func malformedEventsDoNotFailTheConversation() throws {
        let detail = try decode(ConversationDetail.self, #"{\#(base), "events": "none"}"#)
        #expect(detail.conversation.id == "c1")
        #expect(detail.events == nil)
    }
}
