import Foundation
import TavusModels

/// A conversation the local index found for a search, with the transcript line that matched.
public struct IndexHit: Sendable, Hashable {
    public var conversation: Conversation
    /// The matching turn around the match, as `role: text`, the matched words between
    /// `IndexHit.highlightStart` and `IndexHit.highlightEnd`; nil when only other fields matched.
    public var snippet: String?
    /// The matching turn's whole text (`role: text`), which the pane scrolls to.
    public var match: String?
    /// The names the index holds for the conversation's persona and replica.
    public var personaName: String?
    public var replicaName: String?

    /// What the query's words matched when no turn of the transcript did, in a user's words:
    /// `its name`, `its id`, `its persona, Sales Coach Rhea`, `its replica, …`, else the
    /// shutdown reason (the one other field the index searches).
    public func matchedField(for query: String) -> String {
        let text = query.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("persona:") && !$0.hasPrefix("replica:") }.joined(separator: " ")
        let words = text.split { !($0.isLetter || $0.isNumber) }.map { Self.fold(String($0)) }
        func holds(_ text: String?) -> Bool {
            guard let text, !words.isEmpty else { return false }
            let folded = Self.fold(text)
            return words.allSatisfy { folded.contains($0) }
        }
        if holds(conversation.name) { return "matched in its name" }
        if holds(conversation.id) { return "matched in its id" }
        if holds(personaName) { return "matched in its persona, \(personaName ?? "")" }
        if holds(replicaName) { return "matched in its replica, \(replicaName ?? "")" }
        return "matched in its shutdown reason"
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    public static let highlightStart: Character = "\u{E000}"
    public static let highlightEnd: Character = "\u{E001}"

    public init(conversation: Conversation, snippet: String? = nil, match: String? = nil,
                personaName: String? = nil, replicaName: String? = nil) {
        self.conversation = conversation
        self.snippet = snippet
        self.match = match
        self.personaName = personaName
        self.replicaName = replicaName
    }
}

/// The answer of the index to the search typed so far.
public struct IndexResults: Sendable, Hashable {
    /// The most hits one search shows.
    public static let limit = 200

    public var query: String
    public var hits: [IndexHit]

    public init(query: String, hits: [IndexHit]) {
        self.query = query
        self.hits = hits
    }
}

/// How much of the account the index holds, for the header.
public struct IndexCoverage: Sendable, Hashable {
    /// Conversations in the index.
    public var indexed: Int
    /// The account's count, as the last unfiltered list page said.
    public var total: Int?
    /// When the last complete sync ended.
    public var syncedAt: Date?
    /// Pages fetched but not stored, which the next sync fills.
    public var gaps: Int

    public init(indexed: Int, total: Int?, syncedAt: Date?, gaps: Int = 0) {
        self.indexed = indexed
        self.total = total
        self.syncedAt = syncedAt
        self.gaps = gaps
    }
}

/// A sync under way in the background (`S`, `--sync`).
public struct SyncProgress: Sendable, Hashable {
    /// `conversations` while the list pages are walked, then `records`.
    public var phase: String
    public var done: Int
    public var total: Int

    public init(phase: String, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}
