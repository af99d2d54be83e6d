import BrowserCore
import Foundation
import TavusAPI

/// Hand-built personas and replicas, with fixed ids and instants.
extension Sample {
    static let personaNames = ["Sales Coach Rhea", "Support Agent Ode", "Interviewer Kai", "Tutor Mina", "Concierge Aru"]
    static let replicaNames = ["Anna (studio)", "Ben (office)", "Chloé", "Dev 🚀", "Eve"]

    static func personaID(_ index: Int) -> String { "p" + String(format: "%011x", 0x5317866 &+ index * 7919) }
    static func replicaID(_ index: Int) -> String { "r" + String(format: "%011x", 0x90bbd427 &+ index * 104_729) }

    static func persona(_ index: Int) -> Persona {
        Persona(
            id: personaID(index), name: personaNames[index % personaNames.count],
            systemPrompt: "You are \(personaNames[index % personaNames.count]), a patient coach.\nAsk one question at a time.",
            context: "The customer sells invoices software.", defaultReplicaID: replicaID(index),
            documentIDs: index == 0 ? ["d1a2b3c4"] : [], documentTags: index == 0 ? ["pricing"] : [],
            layers: .object(["llm": .object(["model": .string("tavus-llama")]),
                             "tts": .object(["tts_engine": .string("cartesia")]),
                             "stt": .object(["stt_engine": .string("tavus-advanced")]),
                             "perception": .object(["perception_model": .string("raven-0")])]),
            personaType: index % 3 == 2 ? "system" : "user",
            createdAt: Timestamp(date: fetchedAt.addingTimeInterval(-Double(index + 1) * 86_400)),
            updatedAt: Timestamp(date: fetchedAt.addingTimeInterval(-Double(index) * 3_600)))
    }

    static func replica(_ index: Int) -> Replica {
        let failed = index == 1
        return Replica(
            id: replicaID(index), name: replicaNames[index % replicaNames.count],
            status: failed ? "error" : index == 2 ? "started" : "completed",
            trainingProgress: failed ? "12/100" : index == 2 ? "40/100" : "100/100",
            thumbnailVideoURL: "https://cdn.example.com/replicas/\(replicaID(index)).mp4",
            replicaType: index % 3 == 2 ? "system" : "user",
            errorMessage: failed ? "The training video has no face in it" : nil,
            createdAt: Timestamp(date: fetchedAt.addingTimeInterval(-Double(index + 1) * 86_400)))
    }

    static func personaKey(_ number: Int, filter: String = "all", limit: Int = 20) -> ResourceKey {
        ResourceKey(kind: .personas, filter: filter, number: number, limit: limit)
    }

    static func replicaKey(_ number: Int, filter: String = "all", limit: Int = 20) -> ResourceKey {
        ResourceKey(kind: .replicas, filter: filter, number: number, limit: limit)
    }

    static func personaPage(_ key: ResourceKey = personaKey(1), total: Int = 5) -> ResourcePage {
        resourcePage(key, total: total) { PersonaResource.row(persona($0)) }
    }

    static func replicaPage(_ key: ResourceKey = replicaKey(1), total: Int = 5) -> ResourcePage {
        resourcePage(key, total: total) { ReplicaResource.row(replica($0)) }
    }

    private static func resourcePage(_ key: ResourceKey, total: Int, row: (Int) -> ResourceRow) -> ResourcePage {
        let start = (key.number - 1) * key.limit
        let end = min(total, key.number * key.limit)
        let items = start < end ? (start..<end).map(row) : []
        return ResourcePage(items: items, page: key.number, limit: key.limit, filter: key.filter, totalCount: total, fetchedAt: fetchedAt)
    }
}
