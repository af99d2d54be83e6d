import BrowserCore
import Foundation
import TavusAPI
import Testing

/// Drives `update` the way the event loop does: one state, events in, effects out.
struct Browser {
    private(set) var state: BrowserState
    /// The effects of the last call to `send`, `press`, `type` or `answer`.
    private(set) var effects: [Effect]

    init(
        size: TerminalSize = TerminalSize(rows: 30, columns: 100), limit: Int = 20, filter: StatusFilter = .all,
        watchInterval: Double? = nil, isDemo: Bool = false, sourceLabel: String = "tavusapi.com", hasIndex: Bool = false,
        isOffline: Bool = false
    ) {
        let options = BrowserState.Options(limit: limit, isDemo: isDemo, sourceLabel: sourceLabel, watchInterval: watchInterval,
                                           hasIndex: hasIndex, isOffline: isOffline)
        (state, effects) = start(BrowserState(options: options, filter: filter, size: size))
    }

    /// A browser showing page `number` of a list with `total` conversations, nothing loading.
    static func showing(
        page number: Int = 1, total: Int = 95, size: TerminalSize = TerminalSize(rows: 30, columns: 100),
        limit: Int = 20, filter: StatusFilter = .all, watchInterval: Double? = nil
    ) -> Browser {
        var browser = Browser(size: size, limit: limit, filter: filter, watchInterval: watchInterval)
        if number != 1 {
            browser.answer(total: total)
            browser.press(.char(":"))
            browser.type(String(number))
            browser.press(.enter)
        }
        browser.answer(total: total)
        return browser
    }

    /// A browser showing exactly these rows as page 1.
    static func showing(_ items: [Conversation], size: TerminalSize = TerminalSize(rows: 30, columns: 100),
                        watchInterval: Double? = nil) -> Browser {
        var browser = Browser(size: size, watchInterval: watchInterval)
        browser.answer(Sample.page(items, limit: browser.state.options.limit))
        return browser
    }

    @discardableResult
    mutating func send(_ event: BrowserEvent) -> [Effect] {
        (state, effects) = update(state, event)
        return effects
    }

    /// Sends the keys one by one; the effects of all of them.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var all: [Effect] = []
        for key in keys { all += send(.key(key)) }
        effects = all
        return all
    }

    @discardableResult
    mutating func press(_ key: Key, times: Int) -> [Effect] {
        var all: [Effect] = []
        for _ in 0..<times { all += send(.key(key)) }
        effects = all
        return all
    }

    /// Types text one character at a time.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var all: [Effect] = []
        for character in text { all += send(.key(.char(character))) }
        effects = all
        return all
    }

    /// Answers the load under way with `page`, as the runner would.
    @discardableResult
    mutating func answer(_ page: ConversationPage, fromCache: Bool = false,
                         sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        guard let loading = state.loading else {
            Issue.record("No page is loading", sourceLocation: sourceLocation)
            return []
        }
        return send(.pageLoaded(loading.key, page, fromCache: fromCache, requestID: loading.requestID))
    }

    /// Answers the load under way with the sample page for its key.
    @discardableResult
    mutating func answer(total: Int, fromCache: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        guard let loading = state.loading else {
            Issue.record("No page is loading", sourceLocation: sourceLocation)
            return []
        }
        return send(.pageLoaded(loading.key, Sample.page(loading.key, total: total), fromCache: fromCache,
                                requestID: loading.requestID))
    }

    /// Fails the load under way.
    @discardableResult
    mutating func fail(_ error: TavusError, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        guard let loading = state.loading else {
            Issue.record("No page is loading", sourceLocation: sourceLocation)
            return []
        }
        return send(.pageFailed(loading.key, error, requestID: loading.requestID))
    }

    /// Opens the detail pane on the selected row and answers it with a verbose detail.
    mutating func openDetailWithVerbose() {
        press(.enter)
        if let conversation = state.detail?.conversation {
            send(.detailLoaded(id: conversation.id, Sample.verboseDetail(for: conversation)))
        }
    }

    var screen: Frame { render(state) }
    var footer: String { screen.lines.last ?? "" }
    var header: String { screen.lines.first ?? "" }
    var rows: [Conversation] { state.visibleRows }
    var selectedID: String? { state.selectedConversation?.id }
}

extension PageKey {
    static func all(_ number: Int, limit: Int = 20) -> PageKey { PageKey(status: .all, number: number, limit: limit) }
}

extension Effect {
    var requestID: Int? {
        switch self {
        case .loadPage(_, let id), .reloadPage(_, let id): id
        default: nil
        }
    }
}
