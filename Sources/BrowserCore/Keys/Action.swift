/// What a key does. The key map binds keys to actions; `update` carries actions out.
public enum Action: Sendable, Hashable {
    case nextPage, previousPage, firstPage, lastPage
    case cycleFilter
    case moveDown, moveUp, moveToTop, moveToBottom
    case openDetail, closeDetail
    case scrollDown, scrollUp, scrollPageDown, scrollPageUp, scrollTop, scrollBottom
    case nextItem, previousItem
    case toggleExpand
    case openURL, copyURL, copyID
    case reload, toggleWatch
    case search, command
    /// Sync the local index in the background.
    case sync
    case endConversation
    /// From a conversation's pane: its persona, its replica.
    case openPersona, openReplica
    /// In a pane: select the next or previous link (a document, a tool, a tag), open the selected one.
    case nextLink, previousLink, openLink
    /// From a persona's or replica's pane: its conversations, as the index lists them.
    case listItsConversations
    /// Esc on a screen above the conversations: close its pane, or go back to the one below.
    case back
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
    /// The list of a resource view (`:personas`, `:replicas`).
    case resourceList
    /// The pane of a persona or replica.
    case resourcePane

    public var title: String {
        switch self {
        case .list: "List"
        case .detail: "Detail pane"
        case .resourceList: "Persona and replica lists"
        case .resourcePane: "Persona and replica panes"
        }
    }
}
