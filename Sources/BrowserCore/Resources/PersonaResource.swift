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
        pane.append(.field("Replica", .reference(.replicas, id: persona.defaultReplicaID)))
        pane += PaneItem.times(created: persona.createdAt, updated: persona.updatedAt)
        pane += section("Greeting", text: persona.greeting)
        pane += section("Layers", fields([("LLM", persona.llmModel ?? ""), ("TTS", persona.ttsEngine ?? ""),
                                          ("Pronunciation", persona.pronunciationDictionaryID ?? ""), ("STT", persona.sttEngine ?? ""),
                                          ("Perception", persona.perceptionModel ?? "")]))
        pane += section("Conversational flow", fields([("Turns", persona.turnDetectionModel ?? ""), ("Patience", persona.turnTakingPatience ?? ""),
                                                       ("Interrupts", persona.interruptibility ?? "")]))
        pane += section("Documents", links(.documents, ids: persona.documentIDs, tags: persona.documentTags))
        pane += section("Guardrails", links(.guardrails, ids: persona.guardrailIDs, tags: persona.guardrailTags))
        pane += section("Objectives", links(.objectives, ids: persona.objectivesID.map { [$0] } ?? [], tags: []))
        pane += section("Tools", links(.tools, ids: persona.toolIDs, tags: []))
        pane += section("System prompt", text: persona.systemPrompt) + section("Context", text: persona.context)
        return ResourceRow(
            id: persona.id, name: persona.name,
            cells: [.text(persona.name), .text(persona.id), .reference(.replicas, id: persona.defaultReplicaID),
                    .text(persona.llmModel ?? ""), .text(persona.personaType), .time(persona.createdAt)],
            pane: pane)
    }

    /// The items of a kind the persona is wired to, by id and by tag, each a link.
    private static func links(_ kind: ResourceKind, ids: [String], tags: [String]) -> [PaneItem] {
        ids.filter { !$0.isEmpty }.map { .field(kind.descriptor.singular.capitalized, .reference(kind, id: $0)) }
            + tags.filter { !$0.isEmpty }.map { .field("Tag", .tag(kind, $0)) }
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
