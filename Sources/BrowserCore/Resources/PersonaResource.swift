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
            + [.field("Type", .text(persona.personaType)), .field("Replica", .replica(id: persona.defaultReplicaID))]
            + PaneItem.times(created: persona.createdAt, updated: persona.updatedAt)
        pane += [
            .heading("Layers"),
            .field("LLM", .text(persona.llmModel ?? "")),
            .field("TTS", .text(persona.ttsEngine ?? "")),
            .field("STT", .text(persona.sttEngine ?? "")),
            .field("Perception", .text(persona.perceptionModel ?? "")),
            .heading("Documents"),
        ]
        pane += persona.documentIDs.isEmpty ? [.field("IDs", .text(""))] : persona.documentIDs.map { .field("ID", .text($0)) }
        if !persona.documentTags.isEmpty { pane.append(.field("Tags", .text(persona.documentTags.joined(separator: ", ")))) }
        pane += [.heading("System prompt"), .text(persona.systemPrompt), .heading("Context"), .text(persona.context)]
        return ResourceRow(
            id: persona.id, name: persona.name,
            cells: [.text(persona.name), .text(persona.id), .replica(id: persona.defaultReplicaID),
                    .text(persona.llmModel ?? ""), .text(persona.personaType), .time(persona.createdAt)],
            pane: pane)
    }
}

extension ResourceKind {
    public static let personas = PersonaResource.descriptor.kind
}
