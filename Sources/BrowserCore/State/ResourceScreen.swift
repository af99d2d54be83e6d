import TavusModels

/// A screen of the stack above the conversations: a resource's list with its pane, or one
/// record opened from a link (`P`, `R`). Each keeps its own page, selection and scroll, so
/// Esc returns to exactly where the user was.
public struct ResourceScreen: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// The kind's list, as `:personas` shows it.
        case list
        /// One record, opened by id from a link.
        case record(id: String)
    }

    /// The pane of a record: the row once it is known, or why it is not.
    public struct Pane: Sendable, Hashable {
        public var id: String
        public var row: ResourceRow?
        public var failure: String?
        /// The pane's window on its lines.
        public var viewport = Viewport()
        public var scroll: Int { viewport.scroll }
        /// The link Tab has selected, by its place among the row's links.
        public var link: Int?

        public init(id: String, row: ResourceRow? = nil) {
            self.id = id
            self.row = row
        }
    }

    public var kind: ResourceKind
    public var content: Content
    public var filter: String = "all"
    /// The items with this tag only: the list a tag's link opens.
    public var tag: String?
    public var pageNumber: Int = 1
    /// The page on screen. It stays while another loads or after an error.
    public var page: ResourcePage?
    public var pageFromCache = false
    public var loading: PageLoading<ResourceKey>?
    /// The selected row and the first shown.
    public var cursor = TableCursor()
    public var selection: Int { cursor.selection }
    public var scroll: Int { cursor.scroll }
    public var pane: Pane?


    public init(kind: ResourceKind, content: Content = .list) {
        self.kind = kind
        self.content = content
        if case .record(let id) = content { pane = Pane(id: id) }
    }

    public var descriptor: ResourceDescriptor { kind.descriptor }

    public var isRecord: Bool {
        if case .record = content { return true }
        return false
    }

    public func wantedKey(limit: Int) -> ResourceKey {
        ResourceKey(kind: kind, filter: filter, number: pageNumber, limit: limit, tag: tag)
    }

    /// The rows shown: the page of the current filter.
    public var rows: [ResourceRow] {
        guard let page, page.filter == filter else { return [] }
        return page.items
    }

    public var selectedRow: ResourceRow? {
        rows.indices.contains(selection) ? rows[selection] : nil
    }

    /// Known pages for the current filter (1 until a page has come).
    public var pageCount: Int {
        guard let page, page.filter == filter else { return 1 }
        return page.pageCount
    }
}
