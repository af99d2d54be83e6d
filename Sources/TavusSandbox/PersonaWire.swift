import Foundation

/// Personas as the sandbox writes them: under the documented names at `/v2/personas`, or
/// with `pal_id`, `pal_name` and `default_face_id` at `/v2/pals`.
enum PersonaWire {
    /// The list's items carry no `persona_type`, as the real API's do not.
    static func list(_ items: [SandboxPersona], newNames: Bool, totalCountJSON: String) -> Data {
        SandboxJSON.list(items.map { WirePersona(persona: $0, newNames: newNames, withType: false) }, totalCountJSON: totalCountJSON)
    }

    static func detail(_ persona: SandboxPersona, newNames: Bool) -> Data {
        SandboxJSON.encode(WirePersona(persona: persona, newNames: newNames, withType: true))
    }
}

private struct WirePersona: Encodable {
    let persona: SandboxPersona
    let newNames: Bool
    let withType: Bool

    enum CodingKeys: String, CodingKey {
        case personaID = "persona_id"
        case palID = "pal_id"
        case personaName = "persona_name"
        case palName = "pal_name"
        case systemPrompt = "system_prompt"
        case context
        case defaultReplicaID = "default_replica_id"
        case defaultFaceID = "default_face_id"
        case documentIDs = "document_ids"
        case documentTags = "document_tags"
        case guardrailIDs = "guardrail_ids", objectivesID = "objectives_id", toolIDs = "tool_ids"
        case layers
        case personaType = "persona_type"
        case pipelineMode = "pipeline_mode"
        case greeting
        case isDraft = "is_draft"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(persona.id, forKey: newNames ? .palID : .personaID)
        try c.encode(persona.name, forKey: newNames ? .palName : .personaName)
        try c.encode(persona.systemPrompt, forKey: .systemPrompt)
        try c.encode(persona.context, forKey: .context)
        try c.encode(persona.defaultReplicaID, forKey: newNames ? .defaultFaceID : .defaultReplicaID)
        try c.encode(persona.wiring.documentIDs, forKey: .documentIDs)
        try c.encode(persona.documentTags, forKey: .documentTags)
        try c.encode(persona.wiring.guardrailIDs, forKey: .guardrailIDs)
        try c.encodeIfPresent(persona.wiring.objectivesID, forKey: .objectivesID)
        try c.encode(persona.wiring.toolIDs, forKey: .toolIDs)
        try c.encode(WireLayers(layers: persona.layers, withFlow: persona.id.utf8.reduce(0) { $0 &+ Int($1) } % 2 == 0), forKey: .layers)
        if withType { try c.encode(persona.type.rawValue, forKey: .personaType) }
        // Every fifth persona is a draft, every third an echo pipeline.
        let number = persona.id.utf8.reduce(0) { $0 &+ Int($1) }
        try c.encode(number % 3 == 0 ? "echo" : "full", forKey: .pipelineMode)
        try c.encode("Hi, I'm \(persona.name). How can I help today?", forKey: .greeting)
        try c.encode(number % 5 == 0, forKey: .isDraft)
        try c.encode(ConversationGenerator.iso8601(persona.createdAt), forKey: .createdAt)
        try c.encode(ConversationGenerator.iso8601(persona.updatedAt), forKey: .updatedAt)
    }
}

/// `{"llm": {...}, "tts": {...}, "stt": {...}, "perception": {...}}`
private struct WireLayers: Encodable {
    let layers: PersonaLayers
    /// Whether the persona sets its conversational flow.
    let withFlow: Bool

    enum CodingKeys: String, CodingKey {
        case llm, tts, stt, perception
        case conversationalFlow = "conversational_flow"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(["model": layers.llmModel], forKey: .llm)
        try c.encode(["tts_engine": "cartesia", "external_voice_id": layers.voiceID], forKey: .tts)
        try c.encode(["stt_engine": layers.sttEngine], forKey: .stt)
        try c.encode(["perception_model": layers.perceptionModel], forKey: .perception)
        if withFlow {
            try c.encode(["turn_detection_model": "sparrow-1", "turn_taking_patience": "medium", "replica_interruptibility": "low"],
                         forKey: .conversationalFlow)
        }
    }
}
