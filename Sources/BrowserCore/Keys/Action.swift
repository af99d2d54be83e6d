/// What a key does. The key map binds keys to actions; `update` carries actions out.
public enum Action: Sendable, Hashable {
    case nextPage, previousPage, firstPage, lastPage
    case cycleFilter
    case moveDown, moveUp, moveToTop, moveToBottom
    case openDetail, closeDetail
    case scrollDown, scrollUp, scrollPageDown, scrollPageUp, scrollTop, scrollBottom
    case nextConversation, previousConversation
    case toggleExpand
    case openURL, copyURL, copyID
    case reload, toggleWatch
    case search, jumpToPage
    case endConversation
    case cancel
    case toggleHelp
    case quit
    /// Ctrl-C: cancels what is under way (a prompt, a load), and otherwise quits.
    case interrupt
}

/// Where the keys are read: the list, or the detail pane over or beside it.
public enum KeyContext: Sendable, Hashable, CaseIterable {
    case list
    case detail

    public var title: String {
        switch self {
        case .list: "List"
        case .detail: "Detail pane"
        }
    }
}
