import TavusModels

/// Objectives: `GET /v2/objectives`, a set of steps each; the pane walks them in order, with
/// how each is confirmed, what it records and what comes after it.
public enum ObjectivesResource {
    static let descriptor = ResourceDescriptor(
        Objectives.self, title: "objectives", singular: "objectives", aliases: ["objective", "goals"], filters: ["all"],
        columns: [.init("NAME", width: 0), .init("OBJECTIVES", width: 10, shownFrom: 40),
                  .init("ID", width: 14, shownFrom: 70), .init("UPDATED (UTC)", width: 16, shownFrom: 100)],
        paneTitle: "Objectives", row: row)

    public static func row(_ set: Objectives) -> ResourceRow {
        var pane = PaneItem.identity(set.name, id: set.id) + PaneItem.times(created: set.createdAt, updated: set.updatedAt)
        for (number, objective) in set.objectives.enumerated() {
            pane.append(.heading("\(number + 1). \(objective.name)"))
            pane.append(.text(objective.prompt))
            pane.append(.field("Confirm", .text(objective.confirmationMode)))
            pane.append(.field("Modality", .text(objective.modality)))
            if !objective.outputVariables.isEmpty { pane.append(.field("Records", .text(objective.outputVariables.joined(separator: ", ")))) }
            pane.append(.field("Then", .text(objective.nextRequired.isEmpty ? "the end" : objective.nextRequired.joined(separator: ", "))))
            for next in objective.nextConditional { pane.append(.field("Or", .text("\(next.objective) when \(next.condition)"))) }
        }
        return ResourceRow(
            id: set.id, name: set.name,
            cells: [.text(set.name), .text(String(set.objectives.count)), .text(set.id), .time(set.updatedAt)],
            pane: pane)
    }
}

extension ResourceKind {
    public static let objectives = ObjectivesResource.descriptor.kind
}
