import Foundation
import TavusAPI
import Testing

/// What the real API sends today beside the documented shapes: PAL and face names, the
/// `system.pal_joined` event, tool calls and richer transcript turns.
@Suite("Decoding the newer shapes")
struct NewerShapesDecodingTests {
    static let record = #"""
        {"conversation_id": "c1", "conversation_name": "Sales practice", "status": "ended",
         "pal_id": "p5317866", "face_id": "r79e1c033f", "created_at": "2026-11-20T10:00:00Z",
         "events": [
          {"event_type": "system.pal_joined", "timestamp": "2026-11-20T10:00:05Z", "properties": {"face_id": "r79e1c033f"}},
          {"event_type": "application.transcription_ready", "timestamp": "2026-11-20T10:09:00Z", "properties": {"transcript": [
            {"role": "system", "content": "You are Rhea, a sales coach."},
            {"role": "user", "content": "Is the lake house invoice paid?", "timestamp": 1763632810.5, "seconds_from_start": 5.5,
             "duration": 2.25, "inference_id": "inf-1"},
            {"role": "assistant", "content": null, "timestamp": "2026-11-20T10:00:13Z",
             "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "lookup_invoice", "arguments": "{\"lake\":\"heron\"}"}}]},
            {"role": "assistant", "content": "", "tool_calls": [{"id": "call_2", "name": "notify", "arguments": {"to": "ops"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": {"status": "paid"}},
            {"role": "assistant", "content": "Yes, it is paid."}
          ]}},
          {"event_type": "system.shutdown", "timestamp": "2026-11-20T10:09:05Z", "properties": {"shutdown_reason": "participant_left_timeout reached"}}
         ]}
        """#

    @Test func palAndFaceAreReadAsPersonaAndReplica() throws {
        let detail = try TavusClient.decodeDetail(Data(Self.record.utf8))
        #expect(detail.conversation.personaID == "p5317866")
        #expect(detail.conversation.replicaID == "r79e1c033f")
        let legacy = try TavusClient.decodePage(Data(#"{"data": [{"conversation_id": "c2", "persona_id": "p1", "replica_id": "r1"}]}"#.utf8),
                                                page: 1, limit: 10, status: .all)
        #expect(legacy.items.first?.personaID == "p1" && legacy.items.first?.replicaID == "r1")
    }

    @Test func palJoinedCountsAsJoining() throws {
        let detail = try TavusClient.decodeDetail(Data(Self.record.utf8))
        #expect(detail.replicaJoinedAt?.raw == "2026-11-20T10:00:05Z")
        #expect(detail.duration == 540)
    }

    @Test func turnsKeepTheirTimesInferenceAndToolCalls() throws {
        let turns = try TavusClient.decodeDetail(Data(Self.record.utf8)).transcript
        #expect(turns.count == 6)
        #expect(turns[1].timestamp == Date(timeIntervalSince1970: 1763632810.5))
        #expect(turns[1].duration == 2.25 && turns[1].inferenceID == "inf-1")
        #expect(turns[2].timestamp == Timestamp(raw: "2026-11-20T10:00:13Z").date)
        #expect(turns[2].content == "")
        #expect(turns[2].toolCalls == [ToolCall(id: "call_1", name: "lookup_invoice", arguments: #"{"lake": "heron"}"#)])
        #expect(turns[3].toolCalls == [ToolCall(id: "call_2", name: "notify", arguments: #"{"to": "ops"}"#)])
        #expect(turns[4].isToolResult && turns[4].toolCallID == "call_1")
        #expect(turns[4].content == #"{"status": "paid"}"#)
    }

    @Test func absurdTurnTimesAreMissing() throws {
        let body = #"{"conversation_id": "c1", "transcript": [{"role": "user", "content": "a", "timestamp": 1e300, "duration": -1}, {"role": "user", "content": "b", "timestamp": "soon"}]}"#
        let turns = try TavusClient.decodeDetail(Data(body.utf8)).transcript
        #expect(turns.map(\.timestamp) == [nil, nil])
        #expect(turns.map(\.duration) == [nil, nil])
    }
}
