import TavusAPI

/// Case-insensitive matching of a search text against names and ids.
public enum SearchMatcher {
    public static func matches(_ query: String, in pages: [Int: [Conversation]]) -> [Conversation] {
        let needle = query.lowercased()
        var seen = Set<String>()
        var result: [Conversation] = []
        for number in pages.keys.sorted() {
            for conversation in pages[number]! where matches(needle, conversation) && seen.insert(conversation.id).inserted {
                result.append(conversation)
            }
        }
        return result
    }

    static func matches(_ lowercasedNeedle: String, _ conversation: Conversation) -> Bool {
        conversation.name.lowercased().contains(lowercasedNeedle) || conversation.id.lowercased().contains(lowercasedNeedle)
    }
}
