import Foundation
import TavusAPI

/// Everything the browser knows of one kind of resource, in one place: its names, endpoint
/// and decoding (through `fetchPage`), filter, columns, pane and actions. The screens are
/// drawn from it, so a new resource is a model and one entry in `ResourceRegistry`.
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

    public typealias PageFetch = @Sendable (TavusClient, ResourceKey, _ onRetry: @escaping @Sendable (RetryNotice) -> Void)
        async throws(TavusError) -> ResourcePage
    public typealias RecordFetch = @Sendable (NameDirectory, String) async throws(TavusError) -> ResourceRow

    public var kind: ResourceKind
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
    public var fetchPage: PageFetch
    public var fetchRecord: RecordFetch

    /// The page fetch of a resource listed at `GET /v2/COLLECTION`, filtered by `parameter`
    /// (no filter for `all`), its items decoded as `Item` and made into rows by `row`.
    public static func listFetch<Item: Decodable & Sendable & Hashable>(
        _ collection: String, filteredBy parameter: String, row: @escaping @Sendable (Item) -> ResourceRow
    ) -> PageFetch {
        { client, key, onRetry throws(TavusError) in
            let query = key.filter == "all" ? [] : [URLQueryItem(name: parameter, value: key.filter)]
            let page: ListPage<Item, String> = try await client.list(
                collection, page: key.number, limit: key.limit, filter: key.filter, query: query, onRetry: onRetry)
            return page.map(row)
        }
    }
}
