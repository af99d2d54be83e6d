import Foundation

/// The transcript turn of a hit that holds the most words of the query (the last as the start
/// of a word), compared as the full-text table compares them: by words of letters and digits,
/// without case or accents. Its snippet is the part around the first match, with every
/// matched word between `SearchHit.highlightStart` and `highlightEnd`.
enum TurnMatch {
    struct Turn: Equatable {
        var position: Int
        var role: String
        var content: String
    }

    struct Best: Equatable {
        var position: Int
        /// `role: content`.
        var match: String
        /// `role: …part around the match…`.
        var snippet: String
    }

    /// Words kept before the first match, and in all.
    static let wordsBefore = 6
    static let wordsInSnippet = 24

    /// The turn with the most query words in it, the earliest of those; nil when none has one.
    static func best(in turns: [Turn], words: [String]) -> Best? {
        let wanted = words.map { fold($0) }
        guard let last = wanted.last else { return nil }
        let whole = Set(wanted.dropLast())
        var best: (turn: Turn, count: Int)?
        for turn in turns where mayHold(turn.content, any: wanted) {
            let tokens = tokenRanges(turn.content).map { fold(turn.content[$0]) }
            let found = Set(tokens.filter { whole.contains($0) })
            let count = found.count + (tokens.contains { $0.hasPrefix(last) } ? 1 : 0)
            if count > 0, count > (best?.count ?? 0) { best = (turn, count) }
        }
        guard let turn = best?.turn else { return nil }
        return Best(position: turn.position, match: "\(turn.role): \(turn.content)",
                    snippet: "\(turn.role): \(snippet(turn.content, whole: whole, prefix: last))")
    }

    /// The first turn, as the start of a conversation listed without words to match.
    static func opening(of turns: [Turn]) -> Best? {
        guard let turn = turns.first else { return nil }
        let ranges = tokenRanges(turn.content)
        let cut = ranges.count > wordsInSnippet ? String(turn.content[..<ranges[wordsInSnippet].lowerBound]) + "…" : turn.content
        return Best(position: turn.position, match: "\(turn.role): \(turn.content)", snippet: "\(turn.role): \(cut)")
    }

    /// The words of `text` around its first match, matches marked, `…` where it was cut.
    static func snippet(_ text: String, whole: Set<String>, prefix: String) -> String {
        let ranges = tokenRanges(text)
        func matches(_ range: Range<String.Index>) -> Bool {
            let token = fold(text[range])
            return whole.contains(token) || token.hasPrefix(prefix)
        }
        let first = ranges.firstIndex(where: matches) ?? 0
        let from = max(0, first - wordsBefore)
        let to = min(ranges.count, from + wordsInSnippet)
        guard from < to else { return text }
        var out = from > 0 ? "…" : ""
        var cursor = ranges[from].lowerBound
        for range in ranges[from..<to] {
            out += text[cursor..<range.lowerBound]
            out += matches(range) ? "\(SearchHit.highlightStart)\(text[range])\(SearchHit.highlightEnd)" : String(text[range])
            cursor = range.upperBound
        }
        out += to < ranges.count ? String(text[cursor..<ranges[to].lowerBound]) + "…" : String(text[cursor...])
        return out
    }

    /// False when `text` surely holds none of the folded `words`: an ASCII text, lowered,
    /// contains none of them. (Any other text may, by its accents.)
    static func mayHold(_ text: String, any words: [String]) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        let lowered = text.lowercased()
        return words.contains { lowered.contains($0) }
    }

    /// The runs of letters and digits in `text`.
    static func tokenRanges(_ text: String) -> [Range<String.Index>] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokenRanges(text) }
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isWord = text[index].isLetter || text[index].isNumber
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let start { ranges.append(start..<text.endIndex) }
        return ranges
    }

    /// The same runs for an ASCII text, read as bytes.
    private static func asciiTokenRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        let utf8 = text.utf8
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let isWord = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let start { ranges.append(start..<utf8.endIndex) }
        return ranges
    }

    static func fold<Text: StringProtocol>(_ word: Text) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
