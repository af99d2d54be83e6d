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
    typealias NameLookup = @Sendable (NameDirectory, [String]) async -> NameDirectory.Lookup

    var fetchPage: PageFetch
    var fetchRecord: RecordFetch
    /// The names of items of the kind that other rows refer to.
    var lookUpNames: NameLookup

    static func of(_ kind: ResourceKind) -> ResourceSource {
        let lister = kind.descriptor.lister
        return ResourceSource(fetchPage: pages(of: lister), fetchRecord: heldRecords[kind] ?? records(of: lister),
                              lookUpNames: batchedNames[kind] ?? names(of: lister))
    }

    /// The kinds whose names are looked up in batches (replicas) or from their list (personas).
    private static let batchedNames: [ResourceKind: NameLookup] = [
        .personas: { directory, ids in await directory.lookUp(personaIDs: ids, replicaIDs: []) },
        .replicas: { directory, ids in await directory.lookUp(personaIDs: [], replicaIDs: ids) },
    ]

    /// The kinds whose records the name directory holds: read through it, so one already looked
    /// up for its name costs no request.
    private static let heldRecords: [ResourceKind: RecordFetch] = [
        .personas: { directory, id throws(TavusError) in PersonaResource.row(try await directory.persona(id: id)) },
        .replicas: { directory, id throws(TavusError) in ReplicaResource.row(try await directory.replica(id: id)) },
    ]

    private static func pages<Lister: ResourceLister>(of lister: Lister) -> PageFetch {
        { client, key, onRetry throws(TavusError) in
            try await client.list(Lister.Item.self, page: key.number, limit: key.limit, filter: key.filter, tag: key.tag, onRetry: onRetry)
                .map(lister.row)
        }
    }

    private static func records<Lister: ResourceLister>(of lister: Lister) -> RecordFetch {
        { directory, id throws(TavusError) in lister.row(try await directory.record(Lister.Item.self, id: id)) }
    }

    private static func names<Lister: ResourceLister>(of lister: Lister) -> NameLookup {
        { directory, ids in await directory.lookUp(Lister.Item.self, ids: ids) }
    }
}
