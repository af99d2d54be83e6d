import Foundation
import BrowserCore
import TavusAPI

/// Carries out what `update` asks for. Called on the screen's thread; network work runs in
/// tasks whose results come back through `post`.
public final class EffectRunner {
    private var account: Account
    private var fetcher: ConversationFetcher { account.fetcher }
    private var names: NameDirectory { account.names }
    /// The accounts opened so far, by profile name; each keeps its caches for the run.
    private let accounts = AccountShelf()
    private let openAccount: AccountOpener?
    /// The profile of the account in use, if any.
    private var profile: String?
    private let recordRefresh: Duration
    private let post: @Sendable (BrowserEvent) -> Void
    private let emit: (String) -> Void
    private let openURL: @Sendable (String) -> String?
    /// The last cache invalidation: loads started after it wait for it, so they never race it.
    private var barrier = Task<Void, Never> {}
    /// The record the pane asked for last, and when; an older one still waiting is cancelled.
    private var recordLoad: Task<Void, Never>?
    private var lastRecordRequest = ContinuousClock.now - .seconds(60)
    /// The local index of the account on screen, if it has one.
    private var index: (any BrowserIndex)? { account.index }
    /// The account's turn on screen: answers to loads of an earlier turn are dropped.
    private var turn: Int
    /// The search of the index under way; a newer text cancels it.
    private var indexSearch: Task<Void, Never>?

    /// How long the selection must rest before the pane asks for a record it does not have, when
    /// the records are asked for in quick succession (holding `j`): the first goes at once.
    public static let recordSettle = Duration.milliseconds(150)
    /// How often a pane on a record that is not final yet reads it again.
    public static let recordRefreshInterval = Duration.seconds(10)

    /// `post` hands an event to the screen's loop from any thread; `emit` writes straight to the
    /// terminal (on the screen's thread); `openURL` starts a browser and waits briefly for its verdict.
    /// `profile` names the account `fetcher` belongs to, with the options the browser started
    /// with, and `openAccount` opens another for `:profile NAME`.
    public convenience init(
        fetcher: ConversationFetcher,
        profile: (name: String, options: BrowserState.Options, filter: StatusFilter)? = nil,
        openAccount: AccountOpener? = nil,
        index: (any BrowserIndex)? = nil,
        recordRefresh: Duration = EffectRunner.recordRefreshInterval,
        post: @escaping @Sendable (BrowserEvent) -> Void,
        emit: @escaping (String) -> Void,
        openURL: @escaping @Sendable (String) -> String? = URLOpener.open
    ) {
        self.init(account: Account(fetcher: fetcher, index: index), profile: profile, openAccount: openAccount,
                  recordRefresh: recordRefresh, post: post, emit: emit, openURL: openURL)
    }

    /// `account` is the one on screen first; its answers reach `post` through its link.
    public init(
        account: Account,
        profile: (name: String, options: BrowserState.Options, filter: StatusFilter)? = nil,
        openAccount: AccountOpener? = nil,
        recordRefresh: Duration = EffectRunner.recordRefreshInterval,
        post: @escaping @Sendable (BrowserEvent) -> Void,
        emit: @escaping (String) -> Void,
        openURL: @escaping @Sendable (String) -> String? = URLOpener.open
    ) {
        self.account = account
        self.profile = profile?.name
        if let profile { accounts[profile.name] = (account, profile.options, profile.filter) }
        self.openAccount = openAccount
        self.recordRefresh = recordRefresh
        self.post = post
        self.emit = emit
        self.openURL = openURL
        turn = account.link.show(on: post)
    }

    public func perform(_ effect: Effect) {
        switch effect {
        case .loadPage(let key, let requestID): load(key, requestID: requestID, reload: false)
        case .reloadPage(let key, let requestID): load(key, requestID: requestID, reload: true)
        case .prefetch(let key): prefetch(key)
        case .cancelLoad(let key): cancel(key)
        case .invalidateCache: invalidate()
        case .loadDetail(let id, let fresh): loadDetail(id, fresh: fresh)
        case .openURL(let url): open(url)
        case .copyToClipboard(let text): emit(Clipboard.osc52(text))
        case .endConversation(let id): end(id)
        case .loadResourcePage(let key, let requestID, let reload): loadResource(key, requestID: requestID, reload: reload)
        case .prefetchResource(let key): prefetchResource(key)
        case .cancelResourceLoad(let key):
            let store = account.store(key.kind)
            Task { await store.cancel(key) }
        case .loadRecord(let kind, let id): loadRecord(kind, id: id)
        case .lookUpNames(let ids):
            let names = self.names
            inTurn { post in await EffectRunner.lookUpNames(ids, names: names, post: post) }
        case .switchProfile(let name): switchProfile(name)
        case .useAccount(let name): useAccount(name)
        case .searchIndex(let text, let status): searchIndex(text, status: status)
        case .startSync: sync()
        case .loadIndexPage(let key): loadIndexPage(key)
        case .cancelSync: _ = account.link.cancelSync()
        case .quit:
            recordLoad?.cancel()
            indexSearch?.cancel()
        }
    }

    /// A cached page is shown at once; when it is older than `staleAfter` it is fetched again
    /// behind it, and the fresh page replaces it when it comes.
    private func load(_ key: PageKey, requestID: Int, reload: Bool) {
        let fetcher = self.fetcher
        let names = self.names
        let barrier = self.barrier
        inTurn { post in
            await barrier.value
            guard let page = await EffectRunner.show(key, requestID: requestID, reload: reload, fetcher: fetcher, post: post) else { return }
            await EffectRunner.lookUpNames(in: page, names: names, post: post)
        }
    }

    /// Shows the page, cached or fetched; returns what was shown last.
    private static func show(
        _ key: PageKey, requestID: Int, reload: Bool,
        fetcher: ConversationFetcher, post: @escaping @Sendable (BrowserEvent) -> Void
    ) async -> ConversationPage? {
        let cached = reload ? nil : await fetcher.cached(key)
        guard let cached else {
            return await fetch(key, requestID: requestID, reload: reload, fetcher: fetcher, post: post)
        }
        post(.pageLoaded(key, cached, fromCache: true, requestID: requestID))
        if fetcher.isStale(cached) {
            post(.revalidating(key))
            return await fetch(key, requestID: requestID, reload: true, fetcher: fetcher, post: post) ?? cached
        }
        return cached
    }

    /// The names of the personas and replicas a shown page refers to, for those not asked yet.
    private static func lookUpNames(in page: ConversationPage, names: NameDirectory, post: @Sendable (BrowserEvent) -> Void) async {
        let lookup = await names.lookUp(personaIDs: page.items.compactMap(\.personaID), replicaIDs: page.items.compactMap(\.replicaID))
        if !lookup.names.isEmpty || lookup.failure != nil { post(.namesFound(lookup.names, failure: lookup.failure)) }
    }

    private func prefetch(_ key: PageKey) {
        let fetcher = self.fetcher
        let barrier = self.barrier
        Task {
            await barrier.value
            await fetcher.prefetch(number: key.number, limit: key.limit, status: key.status)
        }
    }

    private func cancel(_ key: PageKey) {
        let fetcher = self.fetcher
        Task { await fetcher.cancel(number: key.number, limit: key.limit, status: key.status) }
    }

    private func invalidate() {
        let account = self.account
        turn = account.link.nextTurn()
        let previous = barrier
        barrier = Task {
            await previous.value
            await account.invalidate()
        }
    }

    /// The pane's record: after any invalidation asked for before it, replacing a record request
    /// that is still waiting, and, while records are asked for in quick succession, only once
    /// the selection has rested. A record that is not final is due to be read again a while
    /// later, unless another record is asked for first.
    private func loadDetail(_ id: String, fresh: Bool) {
        let fetcher = self.fetcher
        let post = turnPost
        let refresh = recordRefresh
        let barrier = self.barrier
        let now = ContinuousClock.now
        let settle = now - lastRecordRequest < Self.recordSettle ? Self.recordSettle : .zero
        lastRecordRequest = now
        recordLoad?.cancel()
        recordLoad = Task {
            await barrier.value
            if settle > .zero, await fetcher.cachedDetail(id: id) == nil || fresh {
                do { try await Task.sleep(for: settle) } catch { return }
            }
            do throws(TavusError) {
                let detail = try await fetcher.detail(id: id, fresh: fresh)
                guard !Task.isCancelled else { return }
                post(.detailLoaded(id: id, detail))
                guard !detail.isFinal(now: Date()) else { return }
                post(.detailIncomplete(id: id))
                do { try await Task.sleep(for: refresh) } catch { return }
                post(.detailRefreshDue(id: id))
            } catch {
                if error != .cancelled { post(.detailFailed(id: id, error)) }
            }
        }
    }

    /// A resource's page, like a conversation page: cached at once, revalidated when stale;
    /// then the names of the replicas its rows refer to.
    private func loadResource(_ key: ResourceKey, requestID: Int, reload: Bool) {
        let store = account.store(key.kind)
        let names = self.names
        let barrier = self.barrier
        inTurn { post in
            await barrier.value
            var shown: ResourcePage?
            if !reload, let cached = await store.cached(key) {
                post(.resourcePageLoaded(key, cached, fromCache: true, requestID: requestID))
                shown = cached
            }
            if shown == nil || store.isStale(shown!) {
                do throws(TavusError) {
                    let onRetry: @Sendable (RetryNotice) -> Void = { post(.resourceRetrying(key, $0, requestID: requestID)) }
                    let page = reload ? try await store.reload(key, onRetry: onRetry) : try await store.page(key, onRetry: onRetry)
                    post(.resourcePageLoaded(key, page, fromCache: false, requestID: requestID))
                    shown = page
                } catch {
                    post(.resourcePageFailed(key, error, requestID: requestID))
                }
            }
            guard let shown else { return }
            await EffectRunner.lookUpNames(shown.items.map(\.cellReferences), names: names, post: post)
        }
    }

    private func prefetchResource(_ key: ResourceKey) {
        let store = account.store(key.kind)
        let barrier = self.barrier
        Task {
            await barrier.value
            await store.prefetch(key)
        }
    }

    /// One record for a screen opened from a link, through the name directory that may hold it.
    private func loadRecord(_ kind: ResourceKind, id: String) {
        let names = self.names
        let barrier = self.barrier
        inTurn { post in
            await barrier.value
            do throws(TavusError) {
                let row = try await ResourceSource.of(kind).fetchRecord(names, id)
                post(.recordLoaded(kind, id: id, row))
                await EffectRunner.lookUpNames(row.referencedIDs, names: names, post: post)
            } catch {
                post(.recordFailed(kind, id: id, error))
            }
        }
    }

    /// The names of the items rows refer to (a persona's replica, documents and tools), kind by kind.
    private static func lookUpNames(_ rows: [[ResourceKind: [String]]], names: NameDirectory, post: @Sendable (BrowserEvent) -> Void) async {
        var ids: [ResourceKind: [String]] = [:]
        for row in rows {
            for (kind, referenced) in row { ids[kind, default: []] += referenced }
        }
        await lookUpNames(ids, names: names, post: post)
    }

    private static func lookUpNames(_ ids: [ResourceKind: [String]], names: NameDirectory, post: @Sendable (BrowserEvent) -> Void) async {
        for (kind, referenced) in ids.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let lookup = await ResourceSource.of(kind).lookUpNames(names, referenced)
            if !lookup.names.isEmpty || lookup.failure != nil { post(.namesFound(lookup.names, failure: lookup.failure)) }
        }
    }

    /// `:profile NAME`: the account is opened (or found open) away from the screen's thread.
    /// The account on screen posts the switch as its last event: no answer of its own can
    /// follow it onto the new account's screen.
    private func switchProfile(_ name: String) {
        let post = self.post
        let accounts = self.accounts
        let leaving = account.link
        guard let openAccount else {
            post(.profileFailed("No config file with profiles: see the README's Configuration"))
            return
        }
        Thread.detachNewThread {
            let opened: AccountShelf.Opened
            if let known = accounts[name] {
                opened = known
            } else {
                switch openAccount(name) {
                case .success(let (account, options, filter)):
                    opened = (account, options, filter)
                    accounts[name] = opened
                case .failure(let failure):
                    post(.profileFailed(failure.message))
                    return
                }
            }
            let switched = BrowserEvent.profileSwitched(name: name, options: opened.options, filter: opened.filter)
            if opened.account.link === leaving { post(switched) } else { leaving.hide(posting: switched) }
        }
    }

    /// Talks to the account of `name` from now on; the one left stays on the shelf with its
    /// caches, under its profile's name, for a switch back.
    /// A sync of the account under way is shown again, and what its index covers.
    private func useAccount(_ name: String) {
        guard let next = accounts[name], name != profile else { return }
        recordLoad?.cancel()
        indexSearch?.cancel()
        account = next.account
        profile = name
        barrier = Task {}
        turn = account.link.show(on: post)
        if let progress = account.link.syncProgress { account.link.post(.syncUnderWay(progress)) }
        tellCoverage()
    }

    private func loadIndexPage(_ key: PageKey) {
        guard let index else { return }
        inTurn { post in
            post(.indexPageLoaded(key, await index.page(key)))
        }
    }

    /// Tells the screen what the index covers.
    public func tellCoverage() {
        guard let index else { return }
        let link = account.link
        let post: @Sendable (BrowserEvent) -> Void = { link.post($0) }
        Task {
            do throws(IndexProblem) {
                post(.indexCoverage(try await index.coverage(), now: Date()))
            } catch {
                post(.indexFailed(error.message))
            }
        }
    }

    private func searchIndex(_ text: String, status: StatusFilter) {
        guard let index else { return }
        let post = turnPost
        indexSearch?.cancel()
        indexSearch = Task {
            do throws(IndexProblem) {
                let hits = try await index.search(text, status: status, limit: IndexResults.limit)
                guard !Task.isCancelled else { return }
                post(.indexResults(IndexResults(query: text, hits: hits)))
            } catch {
                if !Task.isCancelled { post(.indexFailed(error.message)) }
            }
        }
    }

    /// The sync runs on its own, one per account, tied to its account: its progress and its
    /// end show while that account is on screen, then what the index covers now. Esc cancels
    /// it (`cancelSync`), which says so itself.
    private func sync() {
        guard let index else { return }
        let link = account.link
        if let progress = link.syncProgress {
            link.post(.syncUnderWay(progress))
            return
        }
        _ = link.startSync {
            let result = await index.sync { progress in
                link.syncMoved(progress)
                link.post(.syncProgress(progress))
            }
            switch result {
            case .success(let summary): link.post(.syncFinished(summary: summary, failed: false))
            case .failure(let problem):
                if !Task.isCancelled { link.post(.syncFinished(summary: "Sync stopped: \(problem.message)", failed: true)) }
            }
            if let coverage = try? await index.coverage() { link.post(.indexCoverage(coverage, now: Date())) }
        }
    }

    private func open(_ url: String) {
        let post = self.post
        let openURL = self.openURL
        Thread.detachNewThread { post(.urlOpenResult(url: url, failure: openURL(url))) }
    }

    private func end(_ id: String) {
        let fetcher = self.fetcher
        let post = turnPost
        Task {
            do throws(TavusError) {
                try await fetcher.client.endConversation(id: id)
                await fetcher.forgetDetail(id: id)
                post(.conversationEnded(id: id))
            } catch {
                post(.endFailed(id: id, error))
            }
        }
    }

    /// Posts to the screen what is asked in this turn; dropped once the turn ended.
    private var turnPost: @Sendable (BrowserEvent) -> Void {
        let link = account.link
        let turn = self.turn
        return { link.post($0, turn: turn) }
    }

    /// A load of this turn: cancelled when the turn ends, its answers posted only during it.
    private func inTurn(_ work: @escaping @Sendable (_ post: @escaping @Sendable (BrowserEvent) -> Void) async -> Void) {
        let link = account.link
        link.load { turn in await work { link.post($0, turn: turn) } }
    }

    private static func fetch(
        _ key: PageKey, requestID: Int, reload: Bool, fetcher: ConversationFetcher, post: @escaping @Sendable (BrowserEvent) -> Void
    ) async -> ConversationPage? {
        let onRetry: @Sendable (RetryNotice) -> Void = { post(.retrying(key, $0, requestID: requestID)) }
        do throws(TavusError) {
            let page = reload
                ? try await fetcher.reload(number: key.number, limit: key.limit, status: key.status, onRetry: onRetry)
                : try await fetcher.page(number: key.number, limit: key.limit, status: key.status, onRetry: onRetry)
            post(.pageLoaded(key, page, fromCache: false, requestID: requestID))
            return page
        } catch {
            post(.pageFailed(key, error, requestID: requestID))
            return nil
        }
    }
}
