import TavusModels

/// Tools: `GET /v2/tools`, filtered by `type`; the pane shows what the LLM is told (its
/// description and parameters) and how a call is delivered. Header values and auth hold the
/// customer's secrets: only their names show, each value masked.
public enum ToolResource {
    static let descriptor = ResourceDescriptor(
        Tool.self, title: "tools", singular: "tool", aliases: ["tool", "functions"], filters: ["all", "user", "system"],
        columns: [.init("NAME", width: 0), .init("TYPE", width: 6, shownFrom: 40), .init("TRIGGER", width: 8, shownFrom: 70), .init("DELIVERY", width: 60, shownFrom: 90)],
        paneTitle: "Tool", row: row)

    public static func row(_ tool: Tool) -> ResourceRow {
        let type = tool.isSystemTool ? "system" : "user"
        var pane = PaneItem.identity(tool.name, id: tool.id) + [.field("Type", .text(type)), .field("Trigger", .text(tool.triggerType))]
        pane += PaneItem.times(created: tool.createdAt, updated: tool.updatedAt)
        pane += [.heading("Description"), .text(tool.description),
                 .heading("Delivery"), .field("Type", .text(tool.deliveryType.replacingOccurrences(of: "_", with: " ")))]
        if tool.deliveryType == "api" {
            pane += [.field("Method", .text(tool.method ?? "")), .field("URL", .link(tool.url)), .field("Timeout", .text(tool.timeout.map { "\($0) s" } ?? ""))]
            pane += tool.headerNames.map { .field("Header", .text("\($0): \(Tool.mask)")) }
            if let auth = tool.authType { pane.append(.field("Auth", .text("\(auth) \(Tool.mask)"))) }
        }
        pane += [.heading("Parameters"), tool.parameters == .null ? .text("") : .preformatted(tool.parameters.prettyText())]
        return ResourceRow(
            id: tool.id, name: tool.name,
            cells: [.text(tool.name), .text(type), .text(tool.triggerType), .text(tool.delivery)],
            pane: pane)
    }
}

extension ResourceKind {
    public static let tools = ToolResource.descriptor.kind
}
