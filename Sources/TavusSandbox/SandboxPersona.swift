import Foundation

/// One persona as the sandbox serves it at `/v2/personas` (and, under newer names, `/v2/pals`).
public struct SandboxPersona: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let type: SandboxOwner
    /// Always one of the sandbox's replicas, and one that finished training.
    public let defaultReplicaID: String
    let systemPrompt: String
    let context: String
    public let wiring: PersonaWiring
    public let documentTags: [String]
    let layers: PersonaLayers
    let createdAt: Date
    let updatedAt: Date
}

/// The pipeline a persona runs: language model, voice, speech recognition and perception.
struct PersonaLayers: Sendable, Hashable {
    let llmModel: String
    let voiceID: String
    let sttEngine: String
    let perceptionModel: String
}
