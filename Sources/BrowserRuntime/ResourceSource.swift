import BrowserCore
import Foundation
import TavusAPI

/// Where a kind's rows come from: its list endpoint, its items made into rows by the kind's
/// renderer, and its own record. The data half of a kind; its `ResourceDescriptor` is the
/// screens' half.
struct ResourceSource: Sendable {
    typealias PageFetch = @Sendable (TavusClient, ResourceKey, _ onRetry: @escaping @Sendable (RetryNotice) -> Void)
        async throws(TavusError) -> ResourcePage
    typealias RecordFetch = @Sendable (NameDirectory, String) async throws(TavusError) -> ResourceRow

    var fetchPage: PageFetch
    var fetchRecord: RecordFetch

    static func of(_ kind: ResourceKind) -> ResourceSource {
        switch kind {
        case .personas:
            ResourceSource(fetchPage: list("personas", filteredBy: "persona_type", row: PersonaResource.row),
                           fetchRecord: { directory, id throws(TavusError) in PersonaResource.row(try await directory.persona(id: id)) })
        case .replicas:
            ResourceSource(fetchPage: list("replicas", filteredBy: "replica_type", row: ReplicaResource.row),
                           fetchRecord: { directory, id throws(TavusError) in ReplicaResource.row(try await directory.replica(id: id)) })
        }
    }

    /// The page fetch of a resource listed at `GET /v2/COLLECTION`, filtered by `parameter`
    /// (no filter for `all`), its items decoded as `Item` and made into rows by `row`.
    static func list<Item: Decodable & Sendable & Hashable>(
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
