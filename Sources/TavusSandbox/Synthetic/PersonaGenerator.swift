import Foundation

/// Builds the synthetic personas from a seed and the replicas, the same whatever the number
/// of conversations.
enum PersonaGenerator {
    /// The personas, newest first. Each one's default replica is a trained replica of its own
    /// kind (user or stock), so `replicas` must hold a trained one; its documents, guardrails,
    /// objectives and tools are some of `kinds`' items.
    static func personas(seed: UInt64, replicas: [SandboxReplica], kinds: [String: SandboxKind]) -> [SandboxPersona] {
        var random = SplitMix64(seed: seed, salt: "personas")
        let trained = replicas.filter { $0.status == .completed }
        var ids = Set<String>()
        let personas = PersonaProfile.all.map { profile in
            var id: String
            repeat { id = "p" + random.hex(11) } while !ids.insert(id).inserted
            let ownKind = trained.filter { $0.type == profile.type }
            let created = ConversationGenerator.referenceDate.addingTimeInterval(-Double.random(in: 95...195, using: &random) * 86_400)
            return SandboxPersona(
                id: id,
                name: profile.name,
                type: profile.type,
                defaultReplicaID: (ownKind.isEmpty ? trained : ownKind).pick(using: &random).id,
                systemPrompt: profile.systemPrompt,
                context: profile.context,
                wiring: PersonaWiring(seed: seed, personaID: id, kinds: kinds),
                documentTags: profile.tags.filter { _ in random.chance(0.6) },
                layers: PersonaLayers(
                    llmModel: random.chance(0.75) ? "tavus-llama-4" : "tavus-gpt-4o",
                    voiceID: [8, 4, 4, 4, 12].map { random.hex($0) }.joined(separator: "-"),
                    sttEngine: "tavus-advanced",
                    perceptionModel: "raven-0"),
                createdAt: created,
                updatedAt: created.addingTimeInterval(Double.random(in: 1...90, using: &random) * 86_400))
        }
        return personas.sorted { $0.createdAt > $1.createdAt }
    }
}

/// What a persona is wired to: up to three documents, a guardrail or two, an objectives set and
/// up to three tools, drawn apart from the rest so each persona's other fields stay the same.
public struct PersonaWiring: Sendable, Hashable {
    public var documentIDs: [String] = []
    public var guardrailIDs: [String] = []
    public var objectivesID: String?
    public var toolIDs: [String] = []

    init(seed: UInt64, personaID: String, kinds: [String: SandboxKind]) {
        var random = SplitMix64(seed: seed, salt: "wiring-\(personaID)")
        func some(_ collection: String, upTo most: Int) -> [String] {
            var ids = kinds[collection]?.ids ?? []
            var picked: [String] = []
            for _ in 0..<Int.random(in: 0...most, using: &random) where !ids.isEmpty {
                picked.append(ids.remove(at: Int.random(in: 0..<ids.count, using: &random)))
            }
            return picked
        }
        documentIDs = some("documents", upTo: 3)
        guardrailIDs = some("guardrails", upTo: 2)
        objectivesID = random.chance(0.7) ? some("objectives", upTo: 1).first : nil
        toolIDs = some("tools", upTo: 3)
    }
}
