import TavusModels

/// The detail pane: the conversation as its row showed it, and the verbose answer as it comes.
public struct DetailState: Sendable, Hashable {
    public enum Verbose: Sendable, Hashable {
        case loading
        case loaded(ConversationDetail)
        case failed(String)
    }

    public var conversation: Conversation
    public var verbose: Verbose
    /// The pane's window on its lines.
    public var viewport = Viewport()
    public var scroll: Int { viewport.scroll }
    /// Whether the long system prompt and tool calls and results are shown whole (`x`).
    public var expanded: Bool
    /// The record shown is not final yet (still being processed): it is read again a while later.
    public var completing = false
    /// The transcript turn a search hit matched (`role: text`): the pane scrolls to it when
    /// the record comes.
    public var focus: String?

    public init(conversation: Conversation, verbose: Verbose = .loading, expanded: Bool = false) {
        self.conversation = conversation
        self.verbose = verbose
        self.expanded = expanded
    }
}
