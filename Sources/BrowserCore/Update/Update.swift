import TavusModels

/// The browser's one state transition: an event in, the new state and the effects out.
/// Pure: no I/O, no clock, no randomness, so every behaviour is a unit test.
public func update(_ state: BrowserState, _ event: BrowserEvent) -> (BrowserState, [Effect]) {
    var transition = Transition(state: state)
    transition.apply(event)
    return (transition.state, transition.effects)
}

/// The first transition: asks for the first page (with an index, its copy is drawn while the
/// API is asked), and with `sync` starts a sync of the index.
public func start(_ state: BrowserState, sync: Bool = false) -> (BrowserState, [Effect]) {
    var transition = Transition(state: state)
    if state.options.hasIndex, !state.options.isOffline { transition.effects.append(.loadIndexPage(state.wantedKey)) }
    transition.requestWantedPage(reload: false)
    if sync { transition.startSync() }
    return (transition.state, transition.effects)
}

/// The working copy of one transition: the state being changed and the effects asked for.
struct Transition {
    var state: BrowserState
    var effects: [Effect] = []

    mutating func apply(_ event: BrowserEvent) {
        guard !state.quitting else { return }
        switch event {
        case .key(let key):
            handleKey(key)
        case .resize(let size):
            state.size = size
            clampSelection()
            clampDetailScroll()
            clampViewSelection()
            scrollViewPane(by: 0)
        case .pageLoaded(let key, let page, let fromCache, let requestID):
            pageLoaded(key, page, fromCache: fromCache, requestID: requestID)
        case .pageFailed(let key, let error, let requestID):
            pageFailed(key, error, requestID: requestID)
        case .revalidating(let key):
            if key == state.wantedKey, state.page?.page == key.number { state.revalidating = true }
        case .retrying(_, let notice, let requestID):
            if state.loading?.requestID == requestID {
                state.loading?.retry = notice
                state.message = .warning(notice.error.description)
            }
        case .detailLoaded(let id, let detail):
            guard state.detail?.conversation.id == id else { break }
            state.detail?.verbose = .loaded(detail)
            state.detail?.completing = false
            // The record is newer than the row the pane was opened from: its status wins.
            if detail.conversation.id == id { state.detail?.conversation = detail.conversation }
            scrollToFocus()
        case .detailIncomplete(let id):
            if state.detail?.conversation.id == id { state.detail?.completing = true }
        case .detailRefreshDue(let id):
            // Read again only while the pane is on screen; coming back to it reads it again too.
            if state.views.isEmpty, state.detail?.conversation.id == id { effects.append(.loadDetail(id: id, fresh: true)) }
        case .resourcePageLoaded(let key, let page, let fromCache, let requestID):
            resourcePageLoaded(key, page, fromCache: fromCache, requestID: requestID)
        case .resourcePageFailed(let key, let error, let requestID):
            resourcePageFailed(key, error, requestID: requestID)
        case .resourceRetrying(_, let notice, let requestID):
            resourceRetrying(notice, requestID: requestID)
        case .recordLoaded(let kind, let id, let row):
            recordLoaded(kind, id: id, row)
        case .recordFailed(let kind, let id, let error):
            recordFailed(kind, id: id, error)
        case .profileSwitched(let name, let options, let filter):
            var options = options
            options.watchInterval = state.options.watchInterval
            let nextRequestID = state.nextRequestID
            state = BrowserState(options: options, filter: filter, size: state.size)
            state.nextRequestID = nextRequestID
            state.message = .info("Profile \(TerminalText.sanitize(name))")
            effects.append(.useAccount(name))
            requestWantedPage(reload: false)
        case .profileFailed(let message):
            state.message = .error(message)
        case .detailFailed(let id, let error):
            if state.detail?.conversation.id == id { state.detail?.verbose = .failed(error.description) }
        case .conversationEnded(let id):
            conversationEnded(id)
        case .endFailed(_, let error):
            state.message = .error("Could not end the call: \(error.description)")
        case .namesFound(let names, let failure):
            state.names.merge(names)
            if let failure, failure != .cancelled, !state.nameFailureReported {
                state.nameFailureReported = true
                if state.message == nil { state.message = .warning("Names not found, showing ids: \(failure.description)") }
            }
        case .urlOpenResult(let url, let failure):
            state.message = failure.map { .warning($0) } ?? .info("Opened \(url)")
        case .indexResults(let results):
            indexResultsCame(results)
        case .indexPageLoaded(let key, let page):
            indexPageLoaded(key, page)
        case .indexFailed(let reason):
            indexFailed(reason)
        case .indexCoverage(let coverage, let now):
            state.coverage = coverage
            state.coverageTold = now
        case .syncProgress(let progress):
            if state.sync != nil { state.sync = progress }
        case .syncUnderWay(let progress):
            state.sync = progress
        case .syncFinished(let summary, let failed):
            syncFinished(summary, failed: failed)
        case .watchTick:
            if state.isWatching, state.loading == nil, state.prompt == nil {
                effects.append(.reloadPage(state.wantedKey, requestID: takeRequestID()))
            }
        }
    }

    mutating func takeRequestID() -> Int {
        defer { state.nextRequestID += 1 }
        return state.nextRequestID
    }

    /// Asks for a page of the current filter; what is on screen stays until it comes.
    mutating func go(toPage number: Int) {
        state.pageNumber = max(1, number)
        state.cursor.reset()
        requestWantedPage(reload: false)
    }

    mutating func requestWantedPage(reload: Bool) {
        let key = state.wantedKey
        let requestID = takeRequestID()
        state.loading = PageLoading(key: key, requestID: requestID)
        effects.append(reload ? .reloadPage(key, requestID: requestID) : .loadPage(key, requestID: requestID))
    }

    mutating func pageLoaded(_ key: PageKey, _ page: ConversationPage, fromCache: Bool, requestID: Int) {
        if key.status == state.filter, key.limit == state.options.limit {
            rememberRows(page.items, page: key.number)
            clampSelection()
        }
        guard key == state.wantedKey else { return }
        if state.loading?.requestID == requestID || state.loading?.key == key { state.loading = nil }

        if page.items.isEmpty, page.totalCount > 0, key.number > page.pageCount {
            state.message = .info("Page \(key.number) no longer exists; showing page \(page.pageCount), the last")
            go(toPage: page.pageCount)
            return
        }
        let selectedID = state.page?.page == key.number && state.page?.status == key.status ? state.selectedConversation?.id : nil
        state.page = page
        state.pageFromCache = fromCache
        state.revalidating = false
        state.pageFromIndex = false
        state.unreachable = nil
        if let selectedID, let index = state.visibleRows.firstIndex(where: { $0.id == selectedID }) {
            select(row: index)
        }
        clampSelection()
        if let open = state.detail, let fresh = page.items.first(where: { $0.id == open.conversation.id }) {
            state.detail?.conversation = fresh
        }
        if state.message?.clearedByAnswers == true { state.message = nil }
        if key.number < page.pageCount { effects.append(.prefetch(PageKey(status: key.status, number: key.number + 1, limit: key.limit))) }
        if key.number > 1 { effects.append(.prefetch(PageKey(status: key.status, number: key.number - 1, limit: key.limit))) }
    }

    mutating func pageFailed(_ key: PageKey, _ error: TavusError, requestID: Int) {
        if key == state.wantedKey { state.revalidating = false }
        guard state.loading?.requestID == requestID else {
            if state.loading == nil, key == state.wantedKey, error != .cancelled {
                state.message = .error("Refresh failed: \(error.description)")
            }
            return
        }
        state.loading = nil
        if error != .cancelled { state.message = .error(error.description) }
        if case .transport = error, state.options.hasIndex, !state.options.isOffline, key == state.wantedKey {
            // The index's copy is asked for; without one, the page on screen stays.
            state.unreachable = error.description
            effects.append(.loadIndexPage(key))
            return
        }
        keepShownPage(instead: key)
    }

    /// The page on screen stays the one wanted, when `key` could not be had.
    mutating func keepShownPage(instead key: PageKey) {
        if let shown = state.page, (shown.page != key.number || shown.status != key.status) {
            state.filter = shown.status
            state.pageNumber = shown.page
            clampSelection()
        }
    }

    mutating func conversationEnded(_ id: String) {
        let name = state.detail?.conversation.id == id ? state.detail!.conversation.name
            : state.visibleRows.first { $0.id == id }?.name ?? id
        state.message = .info("Ended “\(TerminalText.sanitize(name))”")
        effects.append(.invalidateCache)
        requestWantedPage(reload: true)
        if state.detail?.conversation.id == id {
            // Ended, as the API just said; the fresh record confirms it and fills in the rest.
            state.detail?.conversation.status = .ended
            state.detail?.verbose = .loading
            effects.append(.loadDetail(id: id, fresh: true))
        }
    }

    /// Keeps the rows of at most this many pages for search, the nearest to the current one.
    static let searchablePages = 50

    mutating func rememberRows(_ rows: [Conversation], page: Int) {
        state.loadedRows[page] = rows
        guard state.loadedRows.count > Self.searchablePages else { return }
        let current = state.pageNumber
        if let farthest = state.loadedRows.keys.max(by: { abs($0 - current) < abs($1 - current) }) {
            state.loadedRows[farthest] = nil
        }
    }
}
