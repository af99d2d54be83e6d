/// A persona (in newer material, a PAL): who the replica is in a conversation. Decoded
/// leniently and under either name of every renamed field (`persona_*`/`pal_*`,
/// `default_replica_id`/`default_face_id`).
public struct Persona: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var systemPrompt: String
    public var context: String
    public var defaultReplicaID: String?
    public var documentIDs: [String]
    public var documentTags: [String]
    /// `llm`, `tts`, `stt`, `perception`: each an object naming its model or engine.
    public var layers: JSONValue
    public var personaType: String
    /// `full` or `echo`.
    public var pipelineMode: String
    public var greeting: String
    /// Whether it is a draft; nil when the answer does not say.
    public var isDraft: Bool?
    public var guardrailIDs: [String]
    public var guardrailTags: [String]
    public var toolIDs: [String]
    public var objectivesID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String, name: String, systemPrompt: String = "", context: String = "", defaultReplicaID: String? = nil,
        documentIDs: [String] = [], documentTags: [String] = [], layers: JSONValue = .object([:]), personaType: String = "",
        createdAt: Timestamp = Timestamp(raw: ""), updatedAt: Timestamp = Timestamp(raw: "")
    ) {
        self.id = id
        self.name = name
        self.systemPrompt = systemPrompt
        self.context = context
        self.defaultReplicaID = defaultReplicaID
        self.documentIDs = documentIDs
        self.documentTags = documentTags
        self.layers = layers
        self.personaType = personaType
        pipelineMode = ""
        greeting = ""
        isDraft = nil
        guardrailIDs = []
        guardrailTags = []
        toolIDs = []
        objectivesID = nil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension Persona {
    /// The model of the LLM layer.
    public var llmModel: String? { layers["llm"]?["model"]?.stringValue }
    /// The engine of the TTS layer, and its voice when it names one.
    public var ttsEngine: String? {
        guard let engine = layers["tts"]?["tts_engine"]?.stringValue else { return nil }
        return layers["tts"]?["external_voice_id"]?.stringValue.map { "\(engine), voice \($0)" } ?? engine
    }
    public var sttEngine: String? { layers["stt"]?["stt_engine"]?.stringValue }
    public var perceptionModel: String? { layers["perception"]?["perception_model"]?.stringValue }
    public var pronunciationDictionaryID: String? { layers["tts"]?["pronunciation_dictionary_id"]?.stringValue }
    /// The conversational flow layer: the turn detection model, how patient it is in taking its
    /// turn, and how readily it lets itself be interrupted.
    public var turnDetectionModel: String? { layers["conversational_flow"]?["turn_detection_model"]?.stringValue }
    public var turnTakingPatience: String? { layers["conversational_flow"]?["turn_taking_patience"]?.stringValue }
    public var interruptibility: String? { layers["conversational_flow"]?["replica_interruptibility"]?.stringValue }
}

extension Persona: Decodable {
    enum CodingKeys: String, CodingKey {
        case personaID = "persona_id", palID = "pal_id"
        case personaName = "persona_name", palName = "pal_name"
        case systemPrompt = "system_prompt"
        case context
        case defaultReplicaID = "default_replica_id", defaultFaceID = "default_face_id"
        case documentIDs = "document_ids"
        case documentTags = "document_tags"
        case layers
        case personaType = "persona_type"
        case pipelineMode = "pipeline_mode", greeting, isDraft = "is_draft"
        case guardrailIDs = "guardrail_ids", guardrailTags = "guardrail_tags", toolIDs = "tool_ids", objectivesID = "objectives_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: c.lenientString(.personaID) ?? c.lenientString(.palID) ?? "",
            name: c.lenientString(.personaName) ?? c.lenientString(.palName) ?? "",
            systemPrompt: c.lenientString(.systemPrompt) ?? "",
            context: c.lenientString(.context) ?? "",
            defaultReplicaID: c.lenientString(.defaultReplicaID) ?? c.lenientString(.defaultFaceID),
            documentIDs: c.lenientStrings(.documentIDs),
            documentTags: c.lenientStrings(.documentTags),
            layers: (try? c.decodeIfPresent(JSONValue.self, forKey: .layers)) ?? .object([:]),
            personaType: c.lenientString(.personaType) ?? "",
            createdAt: Timestamp(raw: c.lenientString(.createdAt) ?? ""),
            updatedAt: Timestamp(raw: c.lenientString(.updatedAt) ?? ""))
        pipelineMode = c.lenientString(.pipelineMode) ?? ""
        greeting = c.lenientString(.greeting) ?? ""
        isDraft = (try? c.decodeIfPresent(Bool.self, forKey: .isDraft)) ?? nil
        guardrailIDs = c.lenientStrings(.guardrailIDs)
        guardrailTags = c.lenientStrings(.guardrailTags)
        toolIDs = c.lenientStrings(.toolIDs)
        objectivesID = c.lenientString(.objectivesID)
    }
}
