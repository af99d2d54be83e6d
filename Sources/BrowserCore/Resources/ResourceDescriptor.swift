import TavusModels

/// Everything the screens know of one kind of resource, in one place: its names, filter,
/// columns, pane and actions. Where its rows come from is its `ResourceSource`, in the data
/// layer, which the screens never see.
public struct ResourceDescriptor: Sendable {
    /// A column of the table: its heading, its width, and the list width from which it shows.
    /// The column of width 0 takes what the others leave (at least 10).
    public struct Column: Sendable, Hashable {
        public var title: String
        public var width: Int
        public var shownFrom: Int

        public init(_ title: String, width: Int, shownFrom: Int = 0) {
            self.title = title
            self.width = width
            self.shownFrom = shownFrom
        }
    }

    public let kind: ResourceKind
    /// The kind's model, where it is listed and how (its data half), and how its items make rows.
    public let lister: any ResourceLister
    /// `personas`: where its items are listed, and what their names are known under.
    public let collection: String
    /// `personas`: the view's name, first of the names `:` takes.
    public var title: String
    /// `persona`: one of them, in the header's path.
    public var singular: String
    /// The other names `:` takes, like `pals`.
    public var aliases: [String]
    /// The values of the filter the list endpoint offers, as `f` cycles them; `all` sends none.
    public var filters: [String]
    public var columns: [Column]
    /// The pane's title.
    public var paneTitle: String
    /// What the URL is, for the pane's captions and messages (`thumbnail video`); nil when
    /// the items have none.
    public var urlName: String?
    /// Whether an item's pane needs its own record (`GET …/{id}`), the list's items lacking
    /// fields the pane shows; the row is shown until it comes.
    public var paneFetchesRecord: Bool
    /// The search filter that lists the conversations of an item (`persona`, `replica`), for
    /// `c` in its pane; nil when conversations are not listed by this kind.
    public var conversationFilter: String?

    /// The entry of a kind whose items are `Item`, each made into a row by `row`.
    init<Item: ListedResource>(
        _ item: Item.Type, title: String, singular: String, aliases: [String], filters: [String], columns: [Column],
        paneTitle: String, urlName: String? = nil, paneFetchesRecord: Bool = false, conversationFilter: String? = nil,
        row: @escaping @Sendable (Item) -> ResourceRow
    ) {
        kind = ResourceKind(rawValue: title)
        lister = Lister(make: row)
        collection = Item.collection
        self.title = title
        self.singular = singular
        self.aliases = aliases
        self.filters = filters
        self.columns = columns
        self.paneTitle = paneTitle
        self.urlName = urlName
        self.paneFetchesRecord = paneFetchesRecord
        self.conversationFilter = conversationFilter
    }
}

/// How a kind's items make rows, its model type kept: the data layer lists `Item` and hands
/// each item to `row`.
public protocol ResourceLister: Sendable {
    associatedtype Item: ListedResource
    func row(_ item: Item) -> ResourceRow
}

extension ResourceLister {
    public var itemType: any ListedResource.Type { Item.self }
}

private struct Lister<Item: ListedResource>: ResourceLister {
    let make: @Sendable (Item) -> ResourceRow

    func row(_ item: Item) -> ResourceRow { make(item) }
}
