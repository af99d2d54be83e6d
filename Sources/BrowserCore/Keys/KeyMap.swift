/// One line of the key map: the keys, what they do, where, and how the help and footer name them.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    /// How the help overlay writes the keys, e.g. `n → PgDn`.
    public var label: String
    public var action: Action
    public var summary: String
    public var contexts: Set<KeyContext>
    /// The short hint in the footer, e.g. `n/p page`; nil to leave it out of the footer.
    public var hint: String?
}

/// The single table of keys. `update` looks actions up here and the help overlay and footer
/// are drawn from it, so they cannot disagree.
public enum KeyMap {
    private static let conversations: Set<KeyContext> = [.list, .detail]
    private static let lists: Set<KeyContext> = [.list, .resourceList]
    private static let panes: Set<KeyContext> = [.detail, .resourcePane]
    private static let everywhere = Set(KeyContext.allCases)

    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("n"), .right, .pageDown], label: "n → PgDn", action: .nextPage,
                   summary: "next page", contexts: lists, hint: "n/p page"),
        KeyBinding(keys: [.char("p"), .left, .pageUp], label: "p ← PgUp", action: .previousPage,
                   summary: "previous page", contexts: lists, hint: nil),
        KeyBinding(keys: [.char("g")], label: "g", action: .firstPage, summary: "first page", contexts: lists, hint: nil),
        KeyBinding(keys: [.char("G")], label: "G", action: .lastPage, summary: "last page", contexts: lists, hint: nil),
        KeyBinding(keys: [.char(":")], label: ":", action: .command,
                   summary: "page N, or a view (:personas, …)", contexts: lists, hint: ": view"),
        KeyBinding(keys: [.char(":")], label: ":", action: .command,
                   summary: "a view (:personas, …), :conversations", contexts: panes, hint: nil),
        KeyBinding(keys: [.char("f")], label: "f", action: .cycleFilter,
                   summary: "filter: all → active → ended", contexts: [.list], hint: "f filter"),
        KeyBinding(keys: [.char("f")], label: "f", action: .cycleFilter,
                   summary: "filter by type: all → user → system", contexts: [.resourceList], hint: "f filter"),
        KeyBinding(keys: [.down, .char("j")], label: "↓ j", action: .moveDown, summary: "select next row", contexts: lists, hint: nil),
        KeyBinding(keys: [.up, .char("k")], label: "↑ k", action: .moveUp, summary: "select previous row", contexts: lists, hint: nil),
        KeyBinding(keys: [.home], label: "Home", action: .moveToTop, summary: "select first row", contexts: lists, hint: nil),
        KeyBinding(keys: [.end], label: "End", action: .moveToBottom, summary: "select last row", contexts: lists, hint: nil),
        KeyBinding(keys: [.enter], label: "Enter", action: .openDetail, summary: "open the detail pane", contexts: lists, hint: "⏎ details"),
        KeyBinding(keys: [.char("/")], label: "/", action: .search, summary: "search the index (or loaded pages)", contexts: [.list], hint: "/ search"),
        KeyBinding(keys: [.char("S")], label: "S", action: .sync, summary: "sync the index in the background", contexts: everywhere, hint: nil),
        KeyBinding(keys: [.escape], label: "Esc", action: .cancel, summary: "stop a load or the sync, clear search", contexts: [.list], hint: nil),
        KeyBinding(keys: [.escape], label: "Esc", action: .back, summary: "back to the screen before", contexts: [.resourceList], hint: "Esc back"),

        KeyBinding(keys: [.down], label: "↓", action: .scrollDown, summary: "scroll down", contexts: panes, hint: "↑↓ scroll"),
        KeyBinding(keys: [.up], label: "↑", action: .scrollUp, summary: "scroll up", contexts: panes, hint: nil),
        KeyBinding(keys: [.pageDown], label: "PgDn", action: .scrollPageDown, summary: "scroll a page down", contexts: panes, hint: nil),
        KeyBinding(keys: [.pageUp], label: "PgUp", action: .scrollPageUp, summary: "scroll a page up", contexts: panes, hint: nil),
        KeyBinding(keys: [.char("g"), .home], label: "g Home", action: .scrollTop, summary: "scroll to the top", contexts: panes, hint: nil),
        KeyBinding(keys: [.char("G"), .end], label: "G End", action: .scrollBottom, summary: "scroll to the end", contexts: panes, hint: nil),
        KeyBinding(keys: [.char("j")], label: "j", action: .nextItem, summary: "next row's pane", contexts: panes, hint: nil),
        KeyBinding(keys: [.char("k")], label: "k", action: .previousItem, summary: "previous row's pane", contexts: panes, hint: nil),
        KeyBinding(keys: [.char("o")], label: "o", action: .openURL, summary: "open the URL in the browser", contexts: panes, hint: "o open"),
        KeyBinding(keys: [.char("P")], label: "P", action: .openPersona, summary: "open its persona", contexts: [.detail], hint: "P persona"),
        KeyBinding(keys: [.char("R")], label: "R", action: .openReplica, summary: "open its replica", contexts: [.detail], hint: "R replica"),
        KeyBinding(keys: [.char("R")], label: "R", action: .openReplica, summary: "open the replica it names", contexts: [.resourcePane], hint: nil),
        KeyBinding(keys: [.tab], label: "Tab", action: .nextLink, summary: "select the next link", contexts: [.resourcePane], hint: "Tab link"),
        KeyBinding(keys: [.backTab], label: "⇧Tab", action: .previousLink, summary: "select the previous link", contexts: [.resourcePane], hint: nil),
        KeyBinding(keys: [.enter], label: "Enter", action: .openLink, summary: "open the selected link", contexts: [.resourcePane], hint: nil),
        KeyBinding(keys: [.char("x")], label: "x", action: .toggleExpand, summary: "expand or fold prompts and tools",
                   contexts: [.detail], hint: nil),
        KeyBinding(keys: [.escape, .enter], label: "Esc", action: .closeDetail, summary: "close the pane", contexts: [.detail], hint: "Esc close"),
        KeyBinding(keys: [.escape], label: "Esc", action: .back, summary: "close the pane, or back", contexts: [.resourcePane], hint: "Esc back"),
        KeyBinding(keys: [.char("c")], label: "c", action: .listItsConversations, summary: "its conversations, from the index",
                   contexts: [.resourcePane], hint: "c conversations"),

        KeyBinding(keys: [.char("y")], label: "y", action: .copyURL, summary: "copy the URL to the clipboard", contexts: everywhere, hint: nil),
        KeyBinding(keys: [.char("Y")], label: "Y", action: .copyID, summary: "copy the id to the clipboard", contexts: everywhere, hint: nil),
        KeyBinding(keys: [.char("E")], label: "E", action: .endConversation, summary: "end an active call (asks first)", contexts: conversations, hint: nil),
        KeyBinding(keys: [.char("r")], label: "r", action: .reload, summary: "reload (drops the cache)", contexts: everywhere, hint: nil),
        KeyBinding(keys: [.char("w")], label: "w", action: .toggleWatch, summary: "pause or resume --watch", contexts: conversations, hint: nil),
        KeyBinding(keys: [.char("?")], label: "?", action: .toggleHelp, summary: "show or hide this help", contexts: everywhere, hint: "? help"),
        KeyBinding(keys: [.char("q")], label: "q", action: .quit, summary: "quit", contexts: everywhere, hint: "q quit"),
        KeyBinding(keys: [.control("c")], label: "Ctrl-C", action: .interrupt,
                   summary: "cancel a load or prompt; quit", contexts: everywhere, hint: nil),
    ]

    private static let table: [KeyContext: [Key: Action]] = {
        var table: [KeyContext: [Key: Action]] = [:]
        for binding in bindings {
            for context in binding.contexts {
                for key in binding.keys where table[context, default: [:]][key] == nil {
                    table[context, default: [:]][key] = binding.action
                }
            }
        }
        return table
    }()

    public static func action(for key: Key, in context: KeyContext) -> Action? {
        table[context]?[key]
    }

    /// The footer hints of a context, in table order, leaving out those of `unavailable` actions.
    public static func hints(for context: KeyContext, unavailable: Set<Action> = []) -> [String] {
        bindings.filter { $0.contexts.contains(context) && !unavailable.contains($0.action) }.compactMap(\.hint)
    }
}
