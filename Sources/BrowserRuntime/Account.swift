import Foundation
import BrowserCore
import TavusAPI

/// What the browser keeps of one account (one profile): its conversations and records, the
/// names and records of its personas and replicas, and a page store for every other resource.
public struct Account: Sendable {
    public let fetcher: ConversationFetcher
    public let names: NameDirectory
    public let resources: [ResourceKind: PageStore<ResourceKey, ResourcePage>]

    public init(fetcher: ConversationFetcher) {
        self.fetcher = fetcher
        names = NameDirectory(client: fetcher.client)
        let client = fetcher.client
        var resources: [ResourceKind: PageStore<ResourceKey, ResourcePage>] = [:]
        for kind in ResourceKind.allCases {
            resources[kind] = PageStore(capacity: fetcher.capacity, staleAfter: fetcher.staleAfter) { key, onRetry throws(TavusError) in
                try await ResourceSource.of(kind).fetchPage(client, key, onRetry)
            }
        }
        self.resources = resources
    }

    func store(_ kind: ResourceKind) -> PageStore<ResourceKey, ResourcePage> {
        resources[kind]!
    }

    /// Forgets every cached page and record (a reload).
    func invalidate() async {
        await fetcher.invalidate()
        for store in resources.values { await store.invalidate() }
    }
}

/// Opens the account of a named profile, away from the screen's thread (a key command may
/// take seconds): the account, and the browser's options and filter for it; or why not.
public typealias AccountOpener = @Sendable (String) -> Result<(Account, BrowserState.Options, StatusFilter), AccountOpeningFailure>

public struct AccountOpeningFailure: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The accounts opened in a run, by profile name, with the options they were opened with;
/// filled from a background thread, read on the screen's.
final class AccountShelf: @unchecked Sendable {
    typealias Opened = (account: Account, options: BrowserState.Options, filter: StatusFilter)
    private let lock = NSLock()
    private var opened: [String: Opened] = [:]

    subscript(name: String) -> Opened? {
        get { lock.withLock { opened[name] } }
        set { lock.withLock { opened[name] = newValue } }
    }
}
