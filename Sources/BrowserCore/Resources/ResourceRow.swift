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

    /// The items the row names by id, in its cells and its pane, by kind: those whose names
    /// its pane shows.
    public var referencedIDs: [ResourceKind: [String]] {
        Self.references(in: cells + pane.compactMap(\.cell))
    }

    /// The items the row's cells name by id: those whose names the table shows.
    public var cellReferences: [ResourceKind: [String]] {
        Self.references(in: cells)
    }

    private static func references(in cells: [ResourceCell]) -> [ResourceKind: [String]] {
        var ids: [ResourceKind: [String]] = [:]
        for cell in cells {
            if case .reference(let kind, let id?) = cell, !id.isEmpty, ids[kind]?.contains(id) != true { ids[kind, default: []].append(id) }
        }
        return ids
    }

    /// The pane's links, top to bottom: what Tab moves between and Enter opens.
    public var links: [ResourceLink] {
        pane.compactMap { $0.cell?.link }
    }
}

/// Where a pane's link leads: another item's record, or the list of a kind's items with a tag.
public enum ResourceLink: Sendable, Hashable {
    case record(ResourceKind, id: String)
    case tagged(ResourceKind, tag: String)
}

/// A value in a table cell or a pane field.
public enum ResourceCell: Sendable, Hashable {
    case text(String)
    /// Another item of the account, by id: shown by name once it is known and by id until then.
    /// In a pane it is a link to the item's record.
    case reference(ResourceKind, id: String?)
    /// A tag of a kind's items (a persona's `document_tags`); in a pane, a link to the list of
    /// the items that have it.
    case tag(ResourceKind, String)
    /// A state that is highlighted when it is a failure.
    case state(String, isFailure: Bool)
    case time(Timestamp)
    case link(String?)

    var link: ResourceLink? {
        switch self {
        case .reference(let kind, let id?) where !id.isEmpty: .record(kind, id: id)
        case .tag(let kind, let tag) where !tag.isEmpty: .tagged(kind, tag: tag)
        default: nil
        }
    }
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
