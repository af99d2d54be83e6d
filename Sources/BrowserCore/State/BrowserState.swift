import Foundation
import TavusModels

/// The whole state of the browser as one value. `update` changes it; `render` draws it.
public struct BrowserState: Sendable, Hashable {
    /// Fixed for a run.
    public struct Options: Sendable, Hashable {
        public var limit: Int
        public var isDemo: Bool
        /// Where the data comes from, for the header (a host name).
        public var sourceLabel: String
        /// Seconds between refreshes of the current page; nil for no watching.
        public var watchInterval: Double?
        /// Whether the account has a local index: `/` searches it, `S` syncs it.
        public var hasIndex: Bool
        /// `--offline`: everything comes from the index, nothing is sent to the API.
        public var isOffline: Bool

        public init(limit: Int = 20, isDemo: Bool = false, sourceLabel: String = "tavusapi.com", watchInterval: Double? = nil,
                    hasIndex: Bool = false, isOffline: Bool = false) {
            self.limit = max(1, limit)
            self.isDemo = isDemo
            self.sourceLabel = sourceLabel
            self.watchInterval = watchInterval
            self.hasIndex = hasIndex
            self.isOffline = isOffline
        }
    }

    public var options: Options
    public var filter: StatusFilter
    /// The page the user is on (or asked for, while it loads).
    public var pageNumber: Int
    /// The page on screen. It stays while another loads or after an error.
    public var page: ConversationPage?
    public var pageFromCache: Bool = false
    /// The page on screen came from the cache and is being fetched again because it is old.
    public var revalidating: Bool = false
    /// The page on screen is the index's copy: drawn before the API answered, or because it
    /// could not be reached.
    public var pageFromIndex: Bool = false
    /// Why the API could not be reached for the page wanted, while that is so.
    public var unreachable: String?
    /// The selected row of the conversations and the first shown.
    public var cursor = TableCursor()
    public var selection: Int { cursor.selection }
    public var scroll: Int { cursor.scroll }
    public var detail: DetailState?
    /// Screens opened above the conversations (`:personas`, `P`, …), the top one last; empty
    /// while the conversations are on screen.
    public var views: [ResourceScreen] = []
    public var showHelp: Bool = false
    public var loading: PageLoading<PageKey>?
    public var message: StatusMessage?
    public var prompt: Prompt?
    /// The search text kept after Enter in the search prompt; empty for none.
    public var search: String = ""
    /// Where Esc goes back to from a search that `c` in a pane started: the screens, the pane
    /// and the place in the list that were there.
    public var searchReturn: SearchReturn?
    /// Rows of the pages loaded for the current filter, by page number, for search.
    public var loadedRows: [Int: [Conversation]] = [:]
    /// What the index found for the search typed so far (the newest answer; a newer query may
    /// be under way).
    public var indexResults: IndexResults?
    /// How much of the account the index holds, and the time it was told (for `synced … ago`).
    public var coverage: IndexCoverage?
    public var coverageTold: Date?
    /// The background sync, while one runs.
    public var sync: SyncProgress?
    public var watchPaused: Bool = false
    /// Persona and replica names by id, as far as they are known.
    public var names = KnownNames()
    /// Whether a failed name lookup was reported already: one message, not one per page.
    public var nameFailureReported = false
    public var size: TerminalSize
    public var nextRequestID: Int = 1
    public var quitting: Bool = false
    /// Whether the quit came from Ctrl-C, which exits with the status of an interrupt (130).
    public var interrupted: Bool = false

    public init(options: Options, filter: StatusFilter = .all, size: TerminalSize) {
        self.options = options
        self.filter = filter
        self.pageNumber = 1
        self.size = size
    }

    /// The page the user wants now.
    public var wantedKey: PageKey { PageKey(status: filter, number: pageNumber, limit: options.limit) }

    /// Known pages for the current filter (1 until a page has come).
    public var pageCount: Int {
        guard let page, page.status == filter else { return 1 }
        return page.pageCount
    }

    /// The rows the list shows: the page, or the matches of the search in every loaded page.
    public var visibleRows: [Conversation] {
        let query = activeSearch
        guard !query.isEmpty else { return page?.status == filter ? page?.items ?? [] : [] }
        if options.hasIndex { return indexResults?.hits.map(\.conversation) ?? [] }
        return SearchMatcher.matches(query, in: loadedRows)
    }

    /// Whether the list shows the index's hits, each with its matching line under it.
    public var showsIndexHits: Bool { options.hasIndex && !activeSearch.isEmpty && views.isEmpty }

    /// The hit behind a visible row, when the list shows the index's hits.
    public func indexHit(at row: Int) -> IndexHit? {
        guard showsIndexHits, let hits = indexResults?.hits, hits.indices.contains(row) else { return nil }
        return hits[row]
    }

    /// The search being typed, or the one kept.
    public var activeSearch: String {
        if case .search(let text) = prompt { return text }
        return search
    }

    public var selectedConversation: Conversation? {
        let rows = visibleRows
        return rows.indices.contains(selection) ? rows[selection] : nil
    }

    /// Where the keys go now.
    public var keyContext: KeyContext {
        if let top = views.last { return top.pane != nil ? .resourcePane : .resourceList }
        return detail == nil ? .list : .detail
    }

    public var isWatching: Bool { options.watchInterval != nil && !watchPaused }
}

/// The screens and the place in the list to come back to when a search `c` started is cleared.
public struct SearchReturn: Sendable, Hashable {
    public var views: [ResourceScreen]
    public var detail: DetailState?
    public var cursor: TableCursor
}
