import BrowserCore
import TavusAPI
import Testing

extension Browser {
    /// Runs a `:` command as the user types it.
    @discardableResult
    mutating func command(_ text: String) -> [Effect] {
        press(.char(":"))
        type(text)
        return press(.enter)
    }

    /// The resource page the top screen is waiting for, and the id of that request.
    var resourceLoading: (key: ResourceKey, requestID: Int)? {
        state.views.last?.loading.map { ($0.key, $0.requestID) }
    }

    /// Answers the resource page under way with a page of sample personas or replicas.
    @discardableResult
    mutating func answerResource(total: Int = 5, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        guard let (key, requestID) = resourceLoading else {
            Issue.record("No resource page is loading", sourceLocation: sourceLocation)
            return []
        }
        let page = key.kind == .personas ? Sample.personaPage(key, total: total) : Sample.replicaPage(key, total: total)
        return send(.resourcePageLoaded(key, page, fromCache: false, requestID: requestID))
    }

    /// A browser showing the first page of a resource view over page 1 of the conversations.
    static func showingView(_ kind: ResourceKind, total: Int = 5, size: TerminalSize = TerminalSize(rows: 30, columns: 100)) -> Browser {
        var browser = Browser.showing(page: 1, size: size)
        browser.command(kind.rawValue)
        browser.answerResource(total: total)
        return browser
    }
}
