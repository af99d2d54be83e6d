import Testing
@testable import BrowserCore

@Suite("What comes with an Esc in one read")
struct EscapeSequenceTests {
    private func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Reads as the terminal layer does: a sequence until it is complete or nothing is waiting;
    /// anything else after the Esc is left to be read.
    private func read(_ text: String) -> (Key?, rest: String) {
        var taken: [UInt32] = []
        var waiting = codes(text)[...]
        guard let first = waiting.first, EscapeSequence.starts(with: first) else { return (.escape, text) }
        while taken.count < EscapeSequence.longest, !EscapeSequence.isComplete(taken), let next = waiting.popFirst() {
            taken.append(next)
        }
        return (EscapeSequence.key(after: taken), String(String.UnicodeScalarView(waiting.compactMap(Unicode.Scalar.init))))
    }

    @Test func escAloneIsEsc() {
        #expect(read("").0 == .escape)
    }

    @Test func cursorKeysSentAsSequencesAreThoseKeys() {
        #expect(read("[H").0 == .home)
        #expect(read("OH").0 == .home)
        #expect(read("[F").0 == .end)
        #expect(read("[A").0 == .up)
        #expect(read("OB").0 == .down)
    }

    @Test func otherSequencesAreDroppedWholeAndWhatFollowsIsKept() {
        for (sequence, rest) in [("[I", "j"), ("[O", "q"), ("[200~", "x"), ("[1;5C", "n"), ("]11;rgb:0000/0000/0000\u{7}", "p"),
                                 ("]0;title\u{1B}\\", "k")] {
            let (key, left) = read(sequence + rest)
            #expect(key == nil, "\(sequence)")
            #expect(left == rest, "\(sequence)")
        }
    }

    @Test func anEscThenAKeyIsBothKeys() {
        for text in ["q", "S", "j", "1", "é"] {
            let (key, left) = read(text)
            #expect(key == .escape)
            #expect(left == text, "the key after the Esc is read next")
        }
    }

    @Test func anEndlessSequenceStopsAtTheLongest() {
        let (key, left) = read("[" + String(repeating: "1", count: 200))
        #expect(key == nil)
        #expect(left.count == 201 - EscapeSequence.longest)
    }
}
