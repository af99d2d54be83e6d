import BrowserCore
import TavusAPI
import Testing

@Suite("Selection: keys")
struct SelectionKeyTests {
    @Test(arguments: [Key.down, .char("j")])
    func downSelectsTheNextRow(_ key: Key) {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.selection == 1)
        #expect(browser.selectedID == Sample.id(1))
    }

    @Test(arguments: [Key.up, .char("k")])
    func upSelectsThePreviousRow(_ key: Key) {
        var browser = Browser.showing(page: 1)
        browser.press(.down, times: 3)
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.selection == 2)
    }

    @Test func selectionStopsAtBothEnds() {
        var browser = Browser.showing(page: 1)
        browser.press(.up, .char("k"))
        #expect(browser.state.selection == 0)
        browser.press(.down, times: 30)
        #expect(browser.state.selection == 19)
        browser.press(.char("j"))
        #expect(browser.state.selection == 19)
    }

    @Test func homeAndEndSelectTheFirstAndLastRow() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, times: 4)
        #expect(browser.press(.end).isEmpty)
        #expect(browser.state.selection == 19)
        #expect(browser.press(.home).isEmpty)
        #expect(browser.state.selection == 0)
    }

    @Test func movingOnAnEmptyListDoesNothing() {
        var browser = Browser.showing(page: 1, total: 0)
        browser.press(.down, .end, .up, .home)
        #expect(browser.state.selection == 0)
        #expect(browser.state.scroll == 0)
    }

    @Test func theSelectedRowIsMarked() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, .down)
        let lines = browser.screen.lines
        #expect(lines[2 + 2].hasPrefix("▶" + Sample.id(2)))
        #expect(lines[2 + 1].hasPrefix(" " + Sample.id(1)))
        #expect(browser.screen[4, 5].style == .selected)
    }

    @Test func scrollingKeepsTheSelectionVisibleInAShortTerminal() {
        // 8 rows: header, column headings, 5 list rows, footer.
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 8, columns: 80))
        func expectSelectionOnScreen(sourceLocation: SourceLocation = #_sourceLocation) {
            let state = browser.state
            #expect(state.scroll <= state.selection && state.selection < state.scroll + 5, sourceLocation: sourceLocation)
            let line = browser.screen.lines[2 + state.selection - state.scroll]
            #expect(line.hasPrefix("▶" + Sample.id(state.selection)), sourceLocation: sourceLocation)
        }
        browser.press(.down, times: 7)
        #expect(browser.state.selection == 7)
        #expect(browser.state.scroll == 3)
        expectSelectionOnScreen()
        browser.press(.up, times: 5)
        #expect(browser.state.selection == 2)
        #expect(browser.state.scroll == 2)
        expectSelectionOnScreen()
        browser.press(.end)
        #expect(browser.state.scroll == 15)
        expectSelectionOnScreen()
        browser.press(.home)
        #expect(browser.state.scroll == 0)
        expectSelectionOnScreen()
    }
}

@Suite("Selection: resize")
struct ResizeTests {
    @Test func resizeChangesTheSizeAndKeepsTheSelectionVisible() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, times: 15)
        #expect(browser.state.scroll == 0)
        #expect(browser.send(.resize(TerminalSize(rows: 10, columns: 60))).isEmpty)
        #expect(browser.state.size == TerminalSize(rows: 10, columns: 60))
        #expect(browser.state.selection == 15)
        #expect(browser.state.scroll == 9)
        #expect(browser.screen.rows == 10)
        #expect(browser.screen.columns == 60)
        #expect(browser.screen.lines[2 + 15 - 9].hasPrefix("▶"))
        browser.send(.resize(TerminalSize(rows: 40, columns: 120)))
        #expect(browser.state.scroll == 0)
        #expect(browser.state.selection == 15)
    }

    @Test func resizeClampsTheDetailScroll() throws {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 24, columns: 80))
        browser.openDetailWithVerbose()
        browser.press(.end)
        let deep = try #require(browser.state.detail?.scroll)
        #expect(deep > 0)
        browser.send(.resize(TerminalSize(rows: 200, columns: 80)))
        #expect(browser.state.detail?.scroll == 0, "everything fits now")
    }

    @Test func aTinyTerminalStillHoldsState() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, times: 3)
        browser.send(.resize(TerminalSize(rows: 1, columns: 1)))
        #expect(browser.state.selection == 3)
        #expect(browser.state.scroll == 3)
        browser.send(.resize(TerminalSize(rows: 30, columns: 100)))
        #expect(browser.state.scroll == 0)
    }
}

@Suite("Selection: mouse")
struct MouseTests {
    @Test func pressSelectsTheRowUnderIt() {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(.mouse(.press, row: 2 + 3, column: 10)).isEmpty)
        #expect(browser.state.selection == 3)
        #expect(browser.state.detail == nil)
    }

    @Test func pressCountsTheScroll() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 8, columns: 80))
        browser.press(.end)
        #expect(browser.state.scroll == 15)
        browser.press(.mouse(.press, row: 2, column: 0))
        #expect(browser.state.selection == 15)
    }

    @Test func doubleClickOpensTheDetail() {
        var browser = Browser.showing(page: 1)
        let effects = browser.press(.mouse(.doubleClick, row: 2 + 4, column: 30))
        #expect(browser.state.selection == 4)
        #expect(browser.state.detail?.conversation.id == Sample.id(4))
        #expect(effects == [.loadDetail(id: Sample.id(4))])
    }

    @Test(arguments: [0, 1, 29, 2 + 20, -1, 400])
    func pressOutsideTheRowsDoesNothing(_ row: Int) {
        var browser = Browser.showing(page: 1)
        browser.press(.down)
        let before = browser.state
        #expect(browser.press(.mouse(.press, row: row, column: 10)).isEmpty)
        #expect(browser.press(.mouse(.doubleClick, row: row, column: 10)).isEmpty)
        #expect(browser.state == before)
    }

    @Test func pressBelowTheLastRowOfAShortPageDoesNothing() {
        var browser = Browser.showing(page: 5, total: 85)
        #expect(browser.rows.count == 5)
        browser.press(.mouse(.press, row: 2 + 10, column: 5))
        #expect(browser.state.selection == 0)
    }

    @Test func wheelMovesTheSelectionByThree() {
        var browser = Browser.showing(page: 1)
        browser.press(.mouse(.wheelDown, row: 10, column: 10))
        #expect(browser.state.selection == 3)
        browser.press(.mouse(.wheelDown, row: 0, column: 0))
        #expect(browser.state.selection == 6)
        browser.press(.mouse(.wheelUp, row: 10, column: 10))
        #expect(browser.state.selection == 3)
        browser.press(.mouse(.wheelUp, row: 10, column: 10), .mouse(.wheelUp, row: 10, column: 10))
        #expect(browser.state.selection == 0)
        browser.press(.mouse(.wheelDown, row: 10, column: 10), times: 10)
        #expect(browser.state.selection == 19)
    }

    @Test func pressOnTheListBesideTheDetailOpensThatRow() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 140))
        browser.press(.enter)
        let effects = browser.press(.mouse(.press, row: 2 + 5, column: 5))
        #expect(browser.state.selection == 5)
        #expect(browser.state.detail?.conversation.id == Sample.id(5))
        #expect(effects == [.loadDetail(id: Sample.id(5))])
    }

    @Test func pressOnTheDetailOverTheListSelectsNothing() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 100))
        browser.press(.enter)
        #expect(browser.press(.mouse(.press, row: 2 + 5, column: 5)).isEmpty)
        #expect(browser.state.selection == 0)
        #expect(browser.state.detail?.conversation.id == Sample.id(0))
    }

    @Test func wheelOverTheDetailScrollsThePane() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 24, columns: 80))
        browser.openDetailWithVerbose()
        browser.press(.mouse(.wheelDown, row: 10, column: 40))
        #expect(browser.state.detail?.scroll == 3)
        #expect(browser.state.selection == 0)
        browser.press(.mouse(.wheelUp, row: 10, column: 40))
        #expect(browser.state.detail?.scroll == 0)
    }
}
