import BrowserCore
import TavusAPI
import Testing

@Suite("Paging: next, previous, first, last")
struct PagingTests {
    @Test(arguments: [Key.char("n"), .right, .pageDown])
    func nextPageAsksForTheNextPage(_ key: Key) {
        var browser = Browser.showing(page: 1, total: 95)
        let id = browser.state.nextRequestID
        #expect(browser.press(key) == [.loadPage(.all(2), requestID: id)])
        #expect(browser.state.nextRequestID == id + 1)
        #expect(browser.state.pageNumber == 2)
        #expect(browser.state.loading?.key == .all(2))
        #expect(browser.state.loading?.requestID == id)
        #expect(browser.state.page?.page == 1, "the shown page stays until the next one comes")
        #expect(browser.header.contains("page 2/5"))
        #expect(browser.footer.contains("loading page 2…"))
    }

    @Test func everyRequestGetsAFreshID() {
        var browser = Browser.showing(page: 1, total: 95)
        var ids: [Int] = [1]
        for key in [Key.char("n"), .char("n"), .char("p"), .char("G"), .char("g")] {
            let effects = browser.press(key)
            #expect(effects.count == 1)
            ids += effects.compactMap(\.requestID)
        }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        #expect(browser.state.loading?.requestID == ids.last)
    }

    @Test(arguments: [Key.char("n"), .right, .pageDown])
    func nextPageOnTheLastPageOnlySaysSo(_ key: Key) {
        var browser = Browser.showing(page: 5, total: 95)
        #expect(browser.state.page?.items.count == 15)
        let before = browser.state.nextRequestID
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.message == .info("This is the last page"))
        #expect(browser.state.pageNumber == 5)
        #expect(browser.state.loading == nil)
        #expect(browser.state.nextRequestID == before)
        #expect(browser.footer.contains("This is the last page"))
    }

    @Test func nextPageBeforeAnyPageCameDoesNothing() {
        var browser = Browser()
        #expect(browser.press(.char("n")).isEmpty)
        #expect(browser.state.pageNumber == 1)
    }

    @Test(arguments: [Key.char("p"), .left, .pageUp])
    func previousPageAsksForThePreviousPage(_ key: Key) {
        var browser = Browser.showing(page: 3, total: 95)
        let id = browser.state.nextRequestID
        #expect(browser.press(key) == [.loadPage(.all(2), requestID: id)])
        #expect(browser.state.pageNumber == 2)
        #expect(browser.state.loading?.key == .all(2))
    }

    @Test(arguments: [Key.char("p"), .left, .pageUp])
    func previousPageOnTheFirstPageOnlySaysSo(_ key: Key) {
        var browser = Browser.showing(page: 1, total: 95)
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.message == .info("This is the first page"))
        #expect(browser.state.pageNumber == 1)
        #expect(browser.state.loading == nil)
    }

    @Test func gGoesToTheFirstPage() {
        var browser = Browser.showing(page: 4, total: 95)
        browser.press(.down, .down)
        let id = browser.state.nextRequestID
        #expect(browser.press(.char("g")) == [.loadPage(.all(1), requestID: id)])
        #expect(browser.state.pageNumber == 1)
        #expect(browser.state.selection == 0)
        browser.answer(total: 95)
        #expect(browser.press(.char("g")).isEmpty, "already on the first page")
    }

    @Test func capitalGGoesToTheLastPage() {
        var browser = Browser.showing(page: 1, total: 95)
        let id = browser.state.nextRequestID
        #expect(browser.press(.char("G")) == [.loadPage(.all(5), requestID: id)])
        #expect(browser.state.pageNumber == 5)
        browser.answer(total: 95)
        #expect(browser.press(.char("G")).isEmpty, "already on the last page")
        var fresh = Browser()
        #expect(fresh.press(.char("G")).isEmpty, "no page yet, so no last page")
    }

    @Test func movingToAnotherPageResetsTheSelection() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.down, times: 5)
        browser.press(.char("n"))
        #expect(browser.state.selection == 0)
        #expect(browser.state.scroll == 0)
        browser.answer(total: 95)
        #expect(browser.selectedID == Sample.id(20))
    }
}

@Suite("Paging: :N in the command prompt")
struct JumpPromptTests {
    @Test func colonOpensThePrompt() {
        var browser = Browser.showing(page: 1, total: 95)
        #expect(browser.press(.char(":")).isEmpty)
        #expect(browser.state.prompt == .command(""))
        #expect(browser.footer.hasPrefix(" :"))
    }

    @Test func digitsEnterAndGo() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char(":"))
        browser.type("3")
        #expect(browser.state.prompt == .command("3"))
        #expect(browser.footer.hasPrefix(" :3"))
        let id = browser.state.nextRequestID
        #expect(browser.press(.enter) == [.loadPage(.all(3), requestID: id)])
        #expect(browser.state.prompt == nil)
        #expect(browser.state.pageNumber == 3)
    }

    @Test func keysInThePromptAreTextNotCommands() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char(":"))
        #expect(browser.type("4xn-é東 ").isEmpty)
        #expect(browser.state.prompt == .command("4xn-é東 "))
        #expect(browser.state.pageNumber == 1, "n in the prompt is not next page")
        #expect(browser.press(.enter).isEmpty)
        #expect(browser.state.message?.text.hasPrefix("Unknown command “4xn-é東 ”") == true)
    }

    @Test func aNumberTooLongForAPageAsksForNothing() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char(":"))
        browser.type("12345678901234567890")
        #expect(browser.press(.enter).isEmpty)
        #expect(browser.state.message == .warning("No page 123456789012: too far"))
    }

    @Test func backspaceEditsAndClosesWhenEmpty() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char(":"))
        browser.type("42")
        browser.press(.backspace)
        #expect(browser.state.prompt == .command("4"))
        browser.press(.backspace)
        #expect(browser.state.prompt == .command(""))
        browser.press(.backspace)
        #expect(browser.state.prompt == nil)
    }

    @Test func escapeCancels() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char(":"))
        browser.type("3")
        #expect(browser.press(.escape).isEmpty)
        #expect(browser.state.prompt == nil)
        #expect(browser.state.pageNumber == 1)
    }

    @Test func aNumberPastTheEndIsClampedToTheLastPage() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char(":"))
        browser.type("99")
        let id = browser.state.nextRequestID
        #expect(browser.press(.enter) == [.loadPage(.all(5), requestID: id)])
        #expect(browser.state.pageNumber == 5)
        #expect(browser.state.message == .info("There are 5 pages; showing the last"))
    }

    @Test func zeroEmptyAndTheCurrentPageAskForNothing() {
        var browser = Browser.showing(page: 2, total: 95)
        for digits in ["0", "", "2", "000"] {
            browser.press(.char(":"))
            browser.type(digits)
            #expect(browser.press(.enter).isEmpty, "“\(digits)”")
            #expect(browser.state.prompt == nil)
            #expect(browser.state.pageNumber == 2)
        }
    }
}

@Suite("Paging: the status filter")
struct FilterTests {
    @Test func fCyclesAllActiveEndedAndReloadsPageOne() {
        var browser = Browser.showing(page: 3, total: 95)
        var seen: [StatusFilter] = [browser.state.filter]
        for _ in 0..<3 {
            let id = browser.state.nextRequestID
            let effects = browser.press(.char("f"))
            let filter = browser.state.filter
            seen.append(filter)
            #expect(effects == [.loadPage(PageKey(status: filter, number: 1, limit: 20), requestID: id)])
            #expect(browser.state.pageNumber == 1)
            #expect(browser.state.selection == 0)
            #expect(browser.state.loadedRows.isEmpty)
            #expect(browser.header.contains("filter: \(filter.rawValue)"))
            browser.answer(total: 30)
            #expect(browser.state.page?.status == filter)
        }
        #expect(seen == [.all, .active, .ended, .all])
    }

    @Test func theOldFiltersRowsAreNotShownWhileTheNewOneLoads() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char("f"))
        #expect(browser.rows.isEmpty)
        #expect(browser.screen.contains("Loading conversations…"))
        browser.answer(total: 7)
        #expect(browser.rows.count == 7)
        #expect(browser.rows.allSatisfy { $0.status == .active })
        #expect(browser.header.contains("7 total"))
    }
}
