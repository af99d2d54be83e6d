import TavusModels

/// One item of a resource, as the table and the pane show it: made by its kind's registry
/// entry from the API's model, so the screens need not know the model.
public struct ResourceRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// One per column of its kind, in the same order.
    public var cells: [ResourceCell]
    /// The pane's content, top to bottom.
    public var pane: [PaneItem]
    /// What `o` opens and `y` copies, if the item has a URL.
    public var url: String?

    public init(id: String, name: String, cells: [ResourceCell], pane: [PaneItem], url: String? = nil) {
        self.id = id
        self.name = name
        self.cells = cells
        self.pane = pane
        self.url = url
    }

    /// The replicas the row names by id, whose names are worth looking up.
    public var replicaIDs: [String] {
        (cells + pane.compactMap(\.cell)).compactMap { cell in
            if case .replica(let id?) = cell { return id }
            return nil
        }
    }
}

/// A value in a table cell or a pane field.
public enum ResourceCell: Sendable, Hashable {
    case text(String)
    /// A replica, shown by name once it is known and by id until then.
    case replica(id: String?)
    /// A state that is highlighted when it is a failure.
    case state(String, isFailure: Bool)
    case time(Timestamp)
    case link(String?)
}

/// One part of a pane.
public enum PaneItem: Sendable, Hashable {
    case field(String, ResourceCell)
    /// A section title.
    case heading(String)
    /// Free text, wrapped, its line breaks kept: a system prompt, a context.
    case text(String)
    /// Text laid out as it is, each line kept with its leading spaces and cut at the width
    /// rather than between words: JSON, code.
    case preformatted(String)

    /// What every pane opens with: the item's name and id.
    static func identity(_ name: String, id: String) -> [PaneItem] {
        [.field("Name", .text(name)), .field("ID", .text(id))]
    }

    /// When the item was made and last changed.
    static func times(created: Timestamp, updated: Timestamp) -> [PaneItem] {
        [.field("Created", .time(created)), .field("Updated", .time(updated))]
    }

    var cell: ResourceCell? {
        if case .field(_, let cell) = self { return cell }
        return nil
    }
}
