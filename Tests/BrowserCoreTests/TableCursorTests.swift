import BrowserCore
import Testing

@Suite("The table's cursor: a selection and scroll always in bounds")
struct TableCursorTests {
    @Test func movingStopsAtEitherEndAndScrollsJustEnough() {
        var cursor = TableCursor()
        cursor.move(by: 7, rows: 20, height: 5)
        #expect(cursor.selection == 7 && cursor.scroll == 3, "the selected row is the last shown")
        cursor.move(by: -5, rows: 20, height: 5)
        #expect(cursor.selection == 2 && cursor.scroll == 2, "the selected row is the first shown")
        cursor.move(by: Int.max, rows: 20, height: 5)
        #expect(cursor.selection == 19 && cursor.scroll == 15)
        cursor.move(by: Int.min, rows: 20, height: 5)
        #expect(cursor.selection == 0 && cursor.scroll == 0)
    }

    @Test func withNoRowsNothingMoves() {
        var cursor = TableCursor()
        cursor.move(by: 3, rows: 0, height: 5)
        #expect(cursor == TableCursor())
    }

    @Test func clampingFollowsRowsThatWentAndAScreenThatGrew() {
        var cursor = TableCursor()
        cursor.select(18, rows: 20, height: 5)
        cursor.clamp(rows: 10, height: 5)
        #expect(cursor.selection == 9 && cursor.scroll == 5)
        cursor.clamp(rows: 10, height: 30)
        #expect(cursor.selection == 9 && cursor.scroll == 0, "no blank space under the last row")
        cursor.clamp(rows: 0, height: 5)
        #expect(cursor.selection == 0 && cursor.scroll == 0)
    }

    @Test func aHeightBelowOneCountsAsOne() {
        var cursor = TableCursor()
        cursor.select(4, rows: 10, height: 0)
        #expect(cursor.selection == 4 && cursor.scroll == 4)
    }

    @Test func resetGoesBackToTheFirstRow() {
        var cursor = TableCursor()
        cursor.select(9, rows: 10, height: 3)
        cursor.reset()
        #expect(cursor == TableCursor())
    }
}
