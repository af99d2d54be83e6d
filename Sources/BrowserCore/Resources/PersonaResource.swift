import TavusModels

/// Personas (PALs): `GET /v2/personas`, filtered by `persona_type`; the list's items are whole,
/// and one opened from a link is read through the name directory, so a persona already
/// looked up for its name costs no request.
public enum PersonaResource {
    static let descriptor = ResourceDescriptor(
        Persona.self, title: "personas", singular: "persona", aliases: ["pals", "persona", "pal"], filters: ["all", "user", "system"],
        columns: [.init("NAME", width: 0), .init("ID", width: 14, shownFrom: 50), .init("DEFAULT REPLICA", width: 24, shownFrom: 90),
                  .init("LLM", width: 16, shownFrom: 110), .init("TYPE", width: 6, shownFrom: 70), .init("CREATED (UTC)", width: 16, shownFrom: 130)],
        paneTitle: "Persona", conversationFilter: "persona", row: row)

    public static func row(_ persona: Persona) -> ResourceRow {
        var pane = PaneItem.identity(persona.name, id: persona.id)
        pane += fields([("Type", persona.personaType), ("State", persona.isDraft.map { $0 ? "draft" : "live" } ?? ""),
                        ("Pipeline", persona.pipelineMode)])
        pane.append(.field("Replica", .replica(id: persona.defaultReplicaID)))
        pane += PaneItem.times(created: persona.createdAt, updated: persona.updatedAt)
        pane += section("Greeting", text: persona.greeting)
        pane += section("Layers", fields([("LLM", persona.llmModel ?? ""), ("TTS", persona.ttsEngine ?? ""),
                                          ("Pronunciation", persona.pronunciationDictionaryID ?? ""), ("STT", persona.sttEngine ?? ""),
                                          ("Perception", persona.perceptionModel ?? "")]))
        pane += section("Conversational flow", fields([("Turns", persona.turnDetectionModel ?? ""), ("Patience", persona.turnTakingPatience ?? ""),
                                                       ("Interrupts", persona.interruptibility ?? "")]))
        pane += section("Documents", persona.documentIDs.map { .field("ID", .text($0)) } + fields([("Tags", persona.documentTags.joined(separator: ", "))]))
        pane += section("Guardrails", persona.guardrailIDs.map { .field("ID", .text($0)) } + fields([("Tags", persona.guardrailTags.joined(separator: ", "))]))
        pane += section("Objectives", fields([("ID", persona.objectivesID ?? "")]))
        pane += section("Tools", persona.toolIDs.map { .field("ID", .text($0)) })
        pane += section("System prompt", text: persona.systemPrompt) + section("Context", text: persona.context)
        return ResourceRow(
            id: persona.id, name: persona.name,
            cells: [.text(persona.name), .text(persona.id), .replica(id: persona.defaultReplicaID),
                    .text(persona.llmModel ?? ""), .text(persona.personaType), .time(persona.createdAt)],
            pane: pane)
    }

    /// The fields that have a value.
    private static func fields(_ pairs: [(String, String)]) -> [PaneItem] {
        pairs.filter { !$0.1.isEmpty }.map { .field($0.0, .text($0.1)) }
    }

    /// A section with its title, left out when it has nothing.
    private static func section(_ title: String, _ items: [PaneItem]) -> [PaneItem] {
        items.isEmpty ? [] : [.heading(title)] + items
    }

    private static func section(_ title: String, text: String) -> [PaneItem] {
        text.isEmpty ? [] : [.heading(title), .text(text)]
    }
}

extension ResourceKind {
    public static let personas = PersonaResource.descriptor.kind
}
