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
                               .field("ID", .text("g1")), .field("Tags", .text("compliance")), .heading("Objectives"), .field("ID", .text("o1")),
                               .heading("Tools"), .field("ID", .text("t2"))] {
            #expect(items.contains(item), "\(item)")
        }
        #expect(try pane(#"{"persona_id": "p1", "is_draft": false}"#).contains(.field("State", .text("live"))))
    }

    @Test func emptySectionsAreLeftOut() throws {
        let items = try pane(#"{"persona_id": "p1", "persona_name": "Bare"}"#)
        for title in ["Greeting", "Layers", "Conversational flow", "Documents", "Guardrails", "Objectives", "Tools", "System prompt", "Context"] {
            #expect(!items.contains(.heading(title)), "\(title)")
        }
        #expect(!items.contains { if case .field("State", _) = $0 { true } else { false } }, "no state when the answer does not say")
    }
}
