import BrowserCore
import Testing

@Suite("Frame")
struct FrameTests {
    @Test func newFrameIsBlank() {
        let frame = Frame(rows: 2, columns: 3)
        #expect(frame.cells.count == 6)
        #expect(frame.cells.allSatisfy { $0 == .blank })
        #expect(frame.lines == ["   ", "   "])
        #expect(frame.text == "   \n   ")
    }

    @Test func negativeSizesGiveAnEmptyFrame() {
        let frame = Frame(rows: -1, columns: 5)
        #expect(frame.rows == 0)
        #expect(frame.cells.isEmpty)
        #expect(frame.lines.isEmpty)
    }

    @Test func putWritesOneCellPerCharacterAndReturnsTheNextColumn() {
        var frame = Frame(rows: 1, columns: 6)
        let end = frame.put("abc", row: 0, column: 1, style: .bold)
        #expect(end == 4)
        #expect(frame.lines == [" abc  "])
        #expect(frame[0, 1].text == "a")
        #expect(frame[0, 1].style == .bold)
        #expect(frame[0, 0].style == .normal)
    }

    @Test func wideCharacterFillsACellAndAContinuation() {
        var frame = Frame(rows: 1, columns: 6)
        let end = frame.put("東京", row: 0, column: 0, style: .normal)
        #expect(end == 4)
        #expect(frame[0, 0].text == "東")
        #expect(frame[0, 1].isContinuation)
        #expect(frame[0, 1].text == "")
        #expect(frame[0, 2].text == "京")
        #expect(frame[0, 3].isContinuation)
        #expect(!frame[0, 4].isContinuation)
        #expect(frame.lines == ["東京  "])
        #expect(TerminalText.width(frame.lines[0]) == 6)
    }

    @Test func emojiIsWideToo() {
        var frame = Frame(rows: 1, columns: 4)
        frame.put("😀x", row: 0, column: 0, style: .normal)
        #expect(frame[0, 0].text == "😀")
        #expect(frame[0, 1].isContinuation)
        #expect(frame[0, 2].text == "x")
    }

    @Test func combiningMarkJoinsItsLetterInOneCell() {
        var frame = Frame(rows: 1, columns: 4)
        let end = frame.put("e\u{301}x", row: 0, column: 0, style: .normal)
        #expect(end == 2)
        #expect(frame[0, 0].text == "e\u{301}")
        #expect(frame[0, 1].text == "x")
    }

    @Test func overwritingTheSecondHalfOfAWideCharacterBlanksTheFirst() {
        var frame = Frame(rows: 1, columns: 4)
        frame.put("東", row: 0, column: 0, style: .title)
        frame.put("x", row: 0, column: 1, style: .normal)
        #expect(frame[0, 0].text == " ")
        #expect(frame[0, 0].style == .title, "the blanked half keeps its style")
        #expect(frame[0, 1].text == "x")
        #expect(frame.lines == [" x  "])
    }

    @Test func overwritingTheFirstHalfOfAWideCharacterBlanksTheSecond() {
        var frame = Frame(rows: 1, columns: 4)
        frame.put("東", row: 0, column: 1, style: .normal)
        frame.put("y", row: 0, column: 1, style: .normal)
        #expect(frame[0, 1].text == "y")
        #expect(frame[0, 2] == .blank)
        #expect(frame.lines == [" y  "])
    }

    @Test func wideCharacterOverTwoWideHalvesBlanksBothNeighbours() {
        var frame = Frame(rows: 1, columns: 6)
        frame.put("東京", row: 0, column: 0, style: .normal)
        frame.put("大", row: 0, column: 1, style: .normal)
        #expect(frame.lines == [" 大   "])
        #expect(frame[0, 2].isContinuation)
        #expect(frame[0, 3] == .blank)
        #expect(FrameChecks.firstBrokenWideCell(in: frame) == nil)
    }

    @Test func clearingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(rows: 1, columns: 4)
        frame.put("東京", row: 0, column: 0, style: .normal)
        frame.clear(row: 0, column: 1, height: 1, width: 2, style: .selected)
        #expect(frame.lines == ["    "])
        #expect(frame[0, 0] == .blank)
        #expect(frame[0, 1].style == .selected)
        #expect(frame[0, 3] == .blank)
        #expect(FrameChecks.firstBrokenWideCell(in: frame) == nil)
    }

    @Test func textIsClippedAtTheLimit() {
        var frame = Frame(rows: 1, columns: 8)
        let end = frame.put("abcdef", row: 0, column: 1, style: .normal, limit: 3)
        #expect(end == 4)
        #expect(frame.lines == [" abc    "])
    }

    @Test func wideCharacterThatCrossesTheLimitIsLeftOut() {
        var frame = Frame(rows: 1, columns: 8)
        let end = frame.put("a東", row: 0, column: 0, style: .normal, limit: 2)
        #expect(end == 1)
        #expect(frame.lines == ["a       "])
    }

    @Test func nothingIsWrittenWithAZeroOrNegativeLimit() {
        var frame = Frame(rows: 1, columns: 4)
        #expect(frame.put("abc", row: 0, column: 1, style: .normal, limit: 0) == 1)
        #expect(frame.put("abc", row: 0, column: 1, style: .normal, limit: -5) == 1)
        #expect(frame.lines == ["    "])
    }

    @Test func textIsClippedAtTheFrameEdge() {
        var frame = Frame(rows: 1, columns: 5)
        #expect(frame.put("abcdefg", row: 0, column: 2, style: .normal) == 5)
        #expect(frame.lines == ["  abc"])
        #expect(frame.put("xyz", row: 0, column: 0, style: .normal, limit: 100) == 3)
        #expect(frame.lines == ["xyzbc"])
    }

    @Test func wideCharacterDoesNotHangOverTheRightEdge() {
        var frame = Frame(rows: 1, columns: 3)
        #expect(frame.put("a東京", row: 0, column: 0, style: .normal) == 3)
        #expect(frame.lines == ["a東"])
        var narrow = Frame(rows: 1, columns: 2)
        #expect(narrow.put("a東", row: 0, column: 0, style: .normal) == 1)
        #expect(narrow.lines == ["a "])
    }

    @Test func writesOutsideTheFrameAreIgnored() {
        var frame = Frame(rows: 2, columns: 3)
        #expect(frame.put("abc", row: 2, column: 0, style: .normal) == 0)
        #expect(frame.put("abc", row: -1, column: 0, style: .normal) == 0)
        #expect(frame.put("abc", row: 0, column: 3, style: .normal) == 3)
        #expect(frame.lines == ["   ", "   "])
    }

    @Test func textStartingLeftOfTheFrameShowsOnlyWhatIsInside() {
        var frame = Frame(rows: 1, columns: 4)
        #expect(frame.put("abcdef", row: 0, column: -2, style: .normal) == 4)
        #expect(frame.lines == ["cdef"])
    }

    @Test func aCombiningMarkWhoseLetterFellLeftOfTheFrameIsDropped() {
        var frame = Frame(rows: 2, columns: 4)
        #expect(frame.put("e\u{301}x", row: 0, column: -1, style: .normal) == 1)
        #expect(frame.lines == ["x   ", "    "])
        #expect(frame.put("ab\u{301}c", row: 1, column: -1, style: .normal) == 2)
        #expect(frame.lines == ["x   ", "b\u{301}c  "])
    }

    @Test func paintChangesStylesOnly() {
        var frame = Frame(rows: 1, columns: 5)
        frame.put("hello", row: 0, column: 0, style: .normal)
        frame.paint(row: 0, column: 3, count: 10, style: .match)
        #expect(frame.lines == ["hello"])
        #expect(frame.cells.map(\.style) == [.normal, .normal, .normal, .match, .match])
    }

    @Test func clearIsClippedToTheFrame() {
        var frame = Frame(rows: 2, columns: 3)
        frame.put("abc", row: 0, column: 0, style: .normal)
        frame.put("def", row: 1, column: 0, style: .normal)
        frame.clear(row: -1, column: 1, height: 2, width: 10, style: .header)
        #expect(frame.lines == ["a  ", "def"])
        #expect(frame[0, 2].style == .header)
        #expect(frame[1, 2].style == .normal)
    }

    @Test func linesJoinCellsRowByRow() {
        var frame = Frame(rows: 3, columns: 4)
        frame.put("東京", row: 0, column: 0, style: .normal)
        frame.put("ab", row: 1, column: 2, style: .normal)
        frame.put("😀", row: 2, column: 1, style: .normal)
        #expect(frame.lines == ["東京", "  ab", " 😀 "])
        #expect(frame.lines.allSatisfy { TerminalText.width($0) == 4 })
        #expect(frame.text == "東京\n  ab\n 😀 ")
    }
}
