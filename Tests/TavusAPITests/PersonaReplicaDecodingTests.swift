import Foundation
@testable import TavusAPI
import Testing

@Suite("Decoding personas and replicas, under either name")
struct PersonaReplicaDecodingTests {
    @Test func aPersonaUnderTheOldAndTheNewNames() throws {
        let old = try JSONDecoder().decode(Persona.self, from: Data(#"""
            {"persona_id": "p5317866", "persona_name": "Sales Coach Rhea", "system_prompt": "Coach.", "context": "Lakes.",
             "default_replica_id": "r79e1c033f", "document_ids": ["d1", 7, null], "document_tags": null,
             "layers": {"llm": {"model": "tavus-llama-4"}}, "persona_type": "user", "created_at": "2026-11-20T10:00:00Z"}
            """#.utf8))
        #expect(old.id == "p5317866" && old.name == "Sales Coach Rhea" && old.defaultReplicaID == "r79e1c033f")
        #expect(old.documentIDs == ["d1", "7"] && old.documentTags == [])
        #expect(old.layers["llm"]?["model"] == .string("tavus-llama-4"))
        let new = try JSONDecoder().decode(Persona.self, from: Data(#"{"pal_id": "p1", "pal_name": "Theo", "default_face_id": "r2"}"#.utf8))
        #expect(new.id == "p1" && new.name == "Theo" && new.defaultReplicaID == "r2")
    }

    @Test func aRecordIsReadTopLevelOrWrappedInData() throws {
        let persona = #"{"persona_id": "p5317866", "persona_name": "Sales Coach Rhea", "default_replica_id": "r79e1c033f"}"#
        for body in [persona, #"{"data": [\#(persona)]}"#, #"{"data": \#(persona)}"#] {
            let read: Persona = try TavusClient.decodeRecord(Data(body.utf8))
            #expect(read.id == "p5317866" && read.name == "Sales Coach Rhea", "\(body)")
        }
        let record = #"{"conversation_id": "c1", "conversation_name": "Billing", "status": "ended"}"#
        let detail = try TavusClient.decodeDetail(Data(#"{"data": [\#(record)]}"#.utf8))
        #expect(detail.conversation.id == "c1" && detail.conversation.name == "Billing")
    }

    @Test func aReplicaUnderTheOldAndTheNewNames() throws {
        let old = try JSONDecoder().decode(Replica.self, from: Data(#"""
            {"replica_id": "r1", "replica_name": "Anna", "status": "error", "training_progress": "42/100",
             "error_message": "no face", "replica_type": "user", "thumbnail_video_url": "https://cdn.example/t.mp4"}
            """#.utf8))
        #expect(old.id == "r1" && old.status == "error" && old.errorMessage == "no face" && old.trainingProgress == "42/100")
        let new = try JSONDecoder().decode(Replica.self, from: Data(#"{"face_id": "r2", "face_name": "Ben", "status": "processing"}"#.utf8))
        #expect(new.id == "r2" && new.name == "Ben" && new.status == "processing")
    }

    @Test func oneMalformedItemDoesNotSpoilTheList() throws {
        let body = try JSONDecoder().decode(ListBody<Replica>.self, from: Data(#"""
            {"data": [{"replica_id": "r1", "replica_name": "Anna"}, 42, "x", {"replica_id": "r2"}], "total_count": "1e400"}
            """#.utf8))
        #expect(body.data.map(\.id) == ["r1", "r2"])
        #expect(body.totalCount == nil)
    }
}
