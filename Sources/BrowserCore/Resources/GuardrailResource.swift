import TavusModels

/// Guardrails: `GET /v2/guardrails?legacy=false`, filtered by `type`; the pane shows the rule
/// itself and where a breach is reported.
public enum GuardrailResource {
    static let descriptor = ResourceDescriptor(
        Guardrail.self, title: "guardrails", singular: "guardrail", aliases: ["guardrail", "rails"], filters: ["all", "user", "system"],
        columns: [.init("NAME", width: 0), .init("MODALITY", width: 9, shownFrom: 40), .init("TAGS", width: 24, shownFrom: 80), .init("UPDATED (UTC)", width: 16, shownFrom: 110)],
        paneTitle: "Guardrail", row: row)

    public static func row(_ guardrail: Guardrail) -> ResourceRow {
        let tags = guardrail.tags.joined(separator: ", ")
        return ResourceRow(
            id: guardrail.id, name: guardrail.name,
            cells: [.text(guardrail.name), .text(guardrail.modality), .text(tags), .time(guardrail.updatedAt)],
            pane: PaneItem.identity(guardrail.name, id: guardrail.id)
                + [.field("Modality", .text(guardrail.modality)), .field("Tags", .text(tags)), .field("Callback", .link(guardrail.callbackURL))]
                + PaneItem.times(created: guardrail.createdAt, updated: guardrail.updatedAt)
                + [.heading("Prompt"), .text(guardrail.prompt)])
    }
}

extension ResourceKind {
    public static let guardrails = GuardrailResource.descriptor.kind
}
