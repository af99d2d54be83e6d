import BrowserCore
import Foundation
import TavusAPI
import Testing

@Suite("A persona's pane: what the operator configured, empty sections left out")
struct PersonaPaneTests {
    private func pane(_ json: String) throws -> [PaneItem] {
        PersonaResource.row(try JSONDecoder().decode(Persona.self, from: Data(json.utf8))).pane
    }

    @Test func theConfiguredPartsShow() throws {
        let items = try pane("""
            {"persona_id": "p1", "persona_name": "Rhea", "pipeline_mode": "echo", "greeting": "Hello there", "is_draft": true,
             "guardrail_ids": ["g1"], "guardrail_tags": ["compliance"], "tool_ids": ["t1", "t2"], "objectives_id": "o1",
             "layers": {"tts": {"tts_engine": "cartesia", "pronunciation_dictionary_id": "pd1"},
                        "conversational_flow": {"turn_detection_model": "sparrow-1", "turn_taking_patience": "high", "replica_interruptibility": "low"}}}
            """)
        for item: PaneItem in [.field("State", .text("draft")), .field("Pipeline", .text("echo")), .heading("Greeting"), .text("Hello there"),
                               .field("Pronunciation", .text("pd1")), .heading("Conversational flow"), .field("Turns", .text("sparrow-1")),
                               .field("Patience", .text("high")), .field("Interrupts", .text("low")), .heading("Guardrails"),
                               .field("Guardrail", .reference(.guardrails, id: "g1")), .field("Tag", .tag(.guardrails, "compliance")), .heading("Objectives"),
                               .field("Objectives", .reference(.objectives, id: "o1")), .heading("Tools"), .field("Tool", .reference(.tools, id: "t2"))] {
            #expect(items.contains(item), "\(item)")
        }
        #expect(try pane(#"{"persona_id": "p1", "is_draft": false}"#).contains(.field("State", .text("live"))))
    }

    @Test func itsDocumentsGuardrailsObjectivesAndToolsAreLinksInOrder() throws {
        let row = PersonaResource.row(try JSONDecoder().decode(Persona.self, from: Data("""
            {"persona_id": "p1", "default_replica_id": "r1", "document_ids": ["d1"], "document_tags": ["pricing"],
             "guardrail_ids": ["g1"], "objectives_id": "o1", "tool_ids": ["t1", ""]}
            """.utf8)))
        #expect(row.links == [.record(.replicas, id: "r1"), .record(.documents, id: "d1"), .tagged(.documents, tag: "pricing"),
                              .record(.guardrails, id: "g1"), .record(.objectives, id: "o1"), .record(.tools, id: "t1")])
        #expect(row.cellReferences == [.replicas: ["r1"]], "the table names only the replica")
        #expect(row.referencedIDs == [.replicas: ["r1"], .documents: ["d1"], .guardrails: ["g1"], .objectives: ["o1"], .tools: ["t1"]])
    }

    @Test func emptySectionsAreLeftOut() throws {
        let items = try pane(#"{"persona_id": "p1", "persona_name": "Bare"}"#)
        for title in ["Greeting", "Layers", "Conversational flow", "Documents", "Guardrails", "Objectives", "Tools", "System prompt", "Context"] {
            #expect(!items.contains(.heading(title)), "\(title)")
        }
        #expect(!items.contains { if case .field("State", _) = $0 { true } else { false } }, "no state when the answer does not say")
    }
}
