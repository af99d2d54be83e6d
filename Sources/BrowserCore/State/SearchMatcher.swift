import TavusModels

/// Case-insensitive matching of a search text against names and ids, as they are shown
/// (sanitized). The list's highlight uses `range(of:in:)` too, so a row matches exactly when
/// something in it is marked.
public enum SearchMatcher {
    public static func matches(_ query: String, in pages: [Int: [Conversation]]) -> [Conversation] {
        var seen = Set<String>()
        var result: [Conversation] = []
        for number in pages.keys.sorted() {
            for conversation in pages[number]! where matches(query, conversation) && seen.insert(conversation.id).inserted {
                result.append(conversation)
            }
        }
        return result
    }

    static func matches(_ query: String, _ conversation: Conversation) -> Bool {
        range(of: query, in: TerminalText.sanitize(conversation.name)) != nil
            || range(of: query, in: TerminalText.sanitize(conversation.id)) != nil
    }

    /// Where `query` stands in a shown text, ignoring case; nil for an empty query.
    public static func range(of query: String, in shown: String) -> Range<String.Index>? {
        guard !query.isEmpty else { return nil }
        return shown.range(of: query, options: .caseInsensitive)
    }
}
