import Foundation
import BrowserCore
import TavusAPI

/// What the browser keeps of one account (one profile): its conversations and records, the
/// names and records of its personas and replicas, a page store for every other resource, its
/// own index, and its link to the screen, through which alone its answers reach it.
public struct Account: Sendable {
    public let fetcher: ConversationFetcher
    public let names: NameDirectory
    public let resources: [ResourceKind: PageStore<ResourceKey, ResourcePage>]
    public let index: (any BrowserIndex)?
    public let link: AccountLink

    /// `link`: the one the account's index already tells through, if it has one.
    public init(fetcher: ConversationFetcher, index: (any BrowserIndex)? = nil, link: AccountLink = AccountLink()) {
        self.fetcher = fetcher
        self.index = index
        self.link = link
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

/// How an account's answers reach the screen: only while the account is on it, and a load's
/// answer only during the turn it was asked in. A turn ends when another account takes the
/// screen, or when the account's caches are invalidated (`r`); an answer to a load of an ended
/// turn is dropped here, by construction, whatever key it carries. Things that outlive a turn
/// (the sync, the index's coverage) post untagged and show whenever the account is on screen.
public final class AccountLink: @unchecked Sendable {
    private let lock = NSLock()
    private var screen: (@Sendable (BrowserEvent) -> Void)?
    private var turn = 0
    private var loads: [Int: Task<Void, Never>] = [:]
    private var nextLoad = 0
    /// The sync under way, if any, and how far it has come.
    private var sync: (task: Task<Void, Never>?, progress: SyncProgress)?

    public init() {}

    /// Posts while the account is on screen.
    @Sendable public func post(_ event: BrowserEvent) {
        lock.withLock { screen?(event) }
    }

    /// Posts while the account is on screen and `turn` has not ended.
    func post(_ event: BrowserEvent, turn: Int) {
        lock.withLock { if self.turn == turn { screen?(event) } }
    }

    /// The account takes the screen: a new turn.
    func show(on screen: @escaping @Sendable (BrowserEvent) -> Void) -> Int {
        lock.withLock {
            self.screen = screen
            turn += 1
            return turn
        }
    }

    /// Another account takes the screen: `event` (the switch) is posted last of this account's
    /// events, and the loads of the turn are cancelled.
    func hide(posting event: BrowserEvent) {
        let cancelled = lock.withLock { () -> [Task<Void, Never>] in
            screen?(event)
            screen = nil
            turn += 1
            defer { loads.removeAll() }
            return Array(loads.values)
        }
        cancelled.forEach { $0.cancel() }
    }

    /// A new turn on the same screen (after an invalidation): the loads of the last one are
    /// cancelled and their answers dropped.
    func nextTurn() -> Int {
        let (now, cancelled) = lock.withLock { () -> (Int, [Task<Void, Never>]) in
            turn += 1
            defer { loads.removeAll() }
            return (turn, Array(loads.values))
        }
        cancelled.forEach { $0.cancel() }
        return now
    }

    /// Runs a load of the current turn; its answers go through `post(_:turn:)` with the turn given.
    func load(_ work: @escaping @Sendable (_ turn: Int) async -> Void) {
        lock.withLock {
            let id = nextLoad
            nextLoad += 1
            let turn = self.turn
            loads[id] = Task { [weak self] in
                await work(turn)
                self?.finished(id)
            }
        }
    }

    private func finished(_ id: Int) {
        lock.withLock { _ = loads.removeValue(forKey: id) }
    }

    /// The sync under way, or nil.
    var syncProgress: SyncProgress? { lock.withLock { sync?.progress } }

    /// Starts `work` as the account's one sync, unless one runs; whether it started.
    func startSync(_ work: @escaping @Sendable () async -> Void) -> Bool {
        lock.withLock {
            guard sync == nil else { return false }
            sync = (nil, SyncProgress(phase: "conversations", done: 0, total: 0))
            sync?.task = Task { [weak self] in
                await work()
                self?.lock.withLock { self?.sync = nil }
            }
            return true
        }
    }

    func syncMoved(_ progress: SyncProgress) {
        lock.withLock { if sync != nil { sync?.progress = progress } }
    }

    /// Cancels the sync under way; whether there was one.
    func cancelSync() -> Bool {
        let task = lock.withLock { sync?.task }
        task?.cancel()
        return task != nil
    }
}
