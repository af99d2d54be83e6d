import BrowserCore
import Foundation
import TavusAPI

/// Where a kind's rows come from: its list endpoint and its own record, as its model declares
/// them, its items made into rows by the kind's entry. The data half of a kind; its
/// `ResourceDescriptor` is the screens' half.
struct ResourceSource: Sendable {
    typealias PageFetch = @Sendable (TavusClient, ResourceKey, _ onRetry: @escaping @Sendable (RetryNotice) -> Void)
        async throws(TavusError) -> ResourcePage
    typealias RecordFetch = @Sendable (NameDirectory, String) async throws(TavusError) -> ResourceRow

    var fetchPage: PageFetch
    var fetchRecord: RecordFetch

    static func of(_ kind: ResourceKind) -> ResourceSource {
        let lister = kind.descriptor.lister
        return ResourceSource(fetchPage: pages(of: lister), fetchRecord: heldRecords[kind] ?? records(of: lister))
    }

    /// The kinds whose records the name directory holds: read through it, so one already looked
    /// up for its name costs no request.
    private static let heldRecords: [ResourceKind: RecordFetch] = [
        .personas: { directory, id throws(TavusError) in PersonaResource.row(try await directory.persona(id: id)) },
        .replicas: { directory, id throws(TavusError) in ReplicaResource.row(try await directory.replica(id: id)) },
    ]

    private static func pages<Lister: ResourceLister>(of lister: Lister) -> PageFetch {
        { client, key, onRetry throws(TavusError) in
            try await client.list(Lister.Item.self, page: key.number, limit: key.limit, filter: key.filter, onRetry: onRetry)
                .map(lister.row)
        }
    }

    private static func records<Lister: ResourceLister>(of lister: Lister) -> RecordFetch {
        { directory, id throws(TavusError) in lister.row(try await directory.client.record(Lister.Item.self, id: id)) }
    }
}
