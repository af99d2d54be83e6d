import BrowserCore
import Foundation
import TavusAPI
import Testing

@Suite("Page events: loading")
struct PageLoadedTests {
    @Test func startAsksForTheFirstPage() {
        let browser = Browser(limit: 25, filter: .ended)
        #expect(browser.effects == [.loadPage(PageKey(status: .ended, number: 1, limit: 25), requestID: 1)])
        #expect(browser.state.loading?.requestID == 1)
        #expect(browser.state.nextRequestID == 2)
        #expect(browser.screen.contains("Loading conversations…"))
        #expect(browser.footer.contains("loading page 1…"))
        #expect(browser.header.contains("page 1 "))
    }

    @Test func theWantedPageIsShownAndItsNeighboursPrefetched() {
        var browser = Browser()
        let page = Sample.page(.all(1), total: 95)
        #expect(browser.answer(page) == [.prefetch(.all(2))])
        #expect(browser.state.page == page)
        #expect(browser.state.loading == nil)
        #expect(!browser.state.pageFromCache)
        #expect(browser.rows.count == 20)
        #expect(browser.header.contains("page 1/5"))
        #expect(browser.header.contains("95 total"))
        #expect(browser.footer.contains("loaded · 14:02:11 UTC"))
    }

    @Test func aMiddlePagePrefetchesBothNeighbours() {
        var browser = Browser.showing(page: 1)
        browser.press(.char(":"))
        browser.type("3")
        browser.press(.enter)
        #expect(browser.answer(total: 95) == [.prefetch(.all(4)), .prefetch(.all(2))])
    }

    @Test func theLastPagePrefetchesOnlyThePreviousOne() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("G"))
        #expect(browser.answer(total: 95) == [.prefetch(.all(4))])
    }

    @Test func aSinglePagePrefetchesNothing() {
        var browser = Browser()
        #expect(browser.answer(total: 7).isEmpty)
        #expect(browser.header.contains("page 1/1"))
    }

    @Test func prefetchKeepsTheFilterAndLimit() {
        var browser = Browser(limit: 10, filter: .active)
        #expect(browser.answer(total: 35) == [.prefetch(PageKey(status: .active, number: 2, limit: 10))])
    }

    @Test func aResponseForAPageTheUserLeftIsNotShown() throws {
        var browser = Browser.showing(page: 1)
        let toTwo = browser.press(.char("n"))
        let toThree = browser.press(.char("n"))
        let stale = try #require(toTwo.first?.requestID)
        let wanted = try #require(toThree.first?.requestID)
        #expect(browser.send(.pageLoaded(.all(2), Sample.page(.all(2), total: 95), fromCache: false, requestID: stale)).isEmpty)
        #expect(browser.state.page?.page == 1)
        #expect(browser.state.pageNumber == 3)
        #expect(browser.state.loading?.requestID == wanted)
        #expect(browser.rows.first?.id == Sample.id(0))
        browser.answer(total: 95)
        #expect(browser.state.page?.page == 3)
        #expect(browser.rows.first?.id == Sample.id(40))
    }

    @Test func aResponseForAFilterTheUserLeftIsNotShown() throws {
        var browser = Browser.showing(page: 1)
        browser.press(.char("r"))
        let reloadID = try #require(browser.state.loading).requestID
        browser.press(.char("f"))
        let page = Sample.page(.all(1), total: 95)
        #expect(browser.send(.pageLoaded(.all(1), page, fromCache: false, requestID: reloadID)).isEmpty)
        #expect(browser.state.filter == .active)
        #expect(browser.state.loading?.key == PageKey(status: .active, number: 1, limit: 20))
        #expect(browser.rows.isEmpty)
        #expect(browser.state.loadedRows.isEmpty, "rows of another filter are not searched")
    }

    @Test func aPageWithAnotherLimitIsNotShown() {
        var browser = Browser(limit: 20)
        let other = PageKey(status: .all, number: 1, limit: 50)
        browser.send(.pageLoaded(other, Sample.page(other, total: 95), fromCache: false, requestID: 1))
        #expect(browser.state.page == nil)
        #expect(browser.state.loadedRows.isEmpty)
    }

    @Test func anEmptyPagePastTheEndGoesToTheLastPage() {
        var browser = Browser.showing(page: 1, total: 95)
        browser.press(.char("G"))
        #expect(browser.state.pageNumber == 5)
        let id = browser.state.nextRequestID
        let gone = ConversationPage(items: [], page: 5, limit: 20, status: .all, totalCount: 45, fetchedAt: Sample.fetchedAt)
        #expect(browser.answer(gone) == [.loadPage(.all(3), requestID: id)])
        #expect(browser.state.pageNumber == 3)
        #expect(browser.state.message == .info("Page 5 no longer exists; showing page 3, the last"))
        #expect(browser.state.page?.page == 1, "the old page stays until page 3 comes")
        browser.answer(total: 45)
        #expect(browser.state.page?.page == 3)
        #expect(browser.rows.count == 5)
    }

    @Test func anEmptyResultShowsTheEmptyState() {
        var browser = Browser()
        browser.answer(total: 0)
        #expect(browser.rows.isEmpty)
        #expect(browser.state.selection == 0)
        #expect(browser.screen.contains("No conversations yet"))
        #expect(browser.header.contains("page 1/1"))
        #expect(browser.header.contains("0 total"))
    }

    @Test func anEmptyFilteredResultNamesTheFilter() {
        var browser = Browser(filter: .active)
        browser.answer(total: 0)
        #expect(browser.screen.contains("No active conversations"))
    }

    @Test func aNewPageClearsAnErrorMessage() throws {
        var browser = Browser.showing(page: 1, watchInterval: 5)
        browser.press(.char("n"))
        browser.fail(.transport(.timeout, detail: ""))
        #expect(browser.state.message == .error("Timed out"))
        let tick = browser.send(.watchTick)
        #expect(tick == [.reloadPage(.all(1), requestID: browser.state.nextRequestID - 1)])
        browser.send(.pageLoaded(.all(1), Sample.page(.all(1), total: 95), fromCache: false, requestID: try #require(tick.first?.requestID)))
        #expect(browser.state.message == nil)
    }
}

@Suite("Page events: failures and retries")
struct PageFailureTests {
    @Test func aFailureShowsTheErrorAndKeepsThePage() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, .down)
        browser.press(.char("n"))
        #expect(browser.state.pageNumber == 2)
        #expect(browser.fail(.unauthorized(message: "Invalid access token")).isEmpty)
        #expect(browser.state.message == .error("401 Unauthorized: Invalid access token"))
        #expect(browser.state.loading == nil)
        #expect(browser.state.page?.page == 1)
        #expect(browser.state.pageNumber == 1, "back to the page on screen")
        #expect(browser.rows.first?.id == Sample.id(0))
        #expect(browser.footer.contains("401 Unauthorized: Invalid access token"))
        #expect(browser.header.contains("page 1/5"))
    }

    @Test func aFailedFilterChangeGoesBackToTheShownFilter() {
        var browser = Browser.showing(page: 2)
        browser.press(.char("f"))
        browser.fail(.http(status: 500, message: "boom"))
        #expect(browser.state.filter == .all)
        #expect(browser.state.pageNumber == 2)
        #expect(browser.rows.count == 20)
        #expect(browser.state.message == .error("HTTP 500 Internal Server Error: boom"))
    }

    @Test func aFailedReloadKeepsThePageAndSelection() {
        var browser = Browser.showing(page: 2)
        browser.press(.down, times: 4)
        browser.press(.char("r"))
        browser.fail(.transport(.connectionRefused, detail: "localhost:8080"))
        #expect(browser.state.pageNumber == 2)
        #expect(browser.state.selection == 4)
        #expect(browser.state.message == .error("Connection refused: localhost:8080"))
    }

    @Test func aFailureOfAnOlderRequestIsIgnored() throws {
        var browser = Browser.showing(page: 1)
        let old = try #require(browser.press(.char("n")).first?.requestID)
        browser.press(.char("n"))
        let before = browser.state
        #expect(browser.send(.pageFailed(.all(2), .http(status: 503, message: nil), requestID: old)).isEmpty)
        #expect(browser.state == before)
    }

    @Test func aCancelledLoadShowsNothing() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("n"))
        #expect(browser.fail(.cancelled).isEmpty)
        #expect(browser.state.message == nil)
        #expect(browser.state.loading == nil)
        #expect(browser.state.page?.page == 1)
        #expect(browser.state.pageNumber == 1, "the header names the page on screen")
        #expect(!browser.footer.contains("Cancelled"))
    }

    @Test func aFailureBeforeAnyPageShowsTheError() {
        var browser = Browser()
        browser.fail(.transport(.nameResolution, detail: "tavusapi.com"))
        #expect(browser.state.message == .error("Host not found: tavusapi.com"))
        #expect(browser.screen.contains("No conversations loaded"))
        #expect(browser.footer.contains("Host not found: tavusapi.com"))
    }

    @Test func escapeCancelsTheLoad() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("n"))
        #expect(browser.press(.escape) == [.cancelLoad(.all(2))])
        #expect(browser.state.loading == nil)
        #expect(browser.state.pageNumber == 1)
        #expect(browser.state.message == .info("Load cancelled"))
    }

    @Test func retryingShowsTheAttemptInTheFooter() throws {
        var browser = Browser.showing(page: 1)
        browser.press(.char("n"))
        let loading = try #require(browser.state.loading)
        let notice = RetryNotice(attempt: 2, maxAttempts: 4, delay: 0.6, error: .http(status: 503, message: nil))
        #expect(browser.send(.retrying(loading.key, notice, requestID: loading.requestID)).isEmpty)
        #expect(browser.state.loading?.retry == notice)
        #expect(browser.footer.contains("retrying (2/4)…"))
        let third = RetryNotice(attempt: 3, maxAttempts: 4, delay: 1.2, error: .transport(.timeout, detail: ""))
        browser.send(.retrying(loading.key, third, requestID: loading.requestID))
        #expect(browser.footer.contains("retrying (3/4)…"))
    }

    @Test func retryingForAnotherRequestIsIgnored() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("n"))
        let notice = RetryNotice(attempt: 2, maxAttempts: 4, delay: 0.6, error: .http(status: 503, message: nil))
        browser.send(.retrying(.all(2), notice, requestID: 1))
        #expect(browser.state.loading?.retry == nil)
        #expect(browser.footer.contains("loading page 2…"))
    }
}

@Suite("Page events: revalidation")
struct RevalidationTests {
    @Test func aStaleCachedPageSaysItIsBeingRevalidated() throws {
        var browser = Browser()
        let loading = try #require(browser.state.loading)
        browser.answer(Sample.page(.all(1), total: 95), fromCache: true)
        #expect(browser.send(.revalidating(.all(1))).isEmpty)
        #expect(browser.state.revalidating)
        #expect(browser.footer.contains("cached · revalidating…"))
        var fresh = Sample.page(.all(1), total: 96)
        fresh.items[0].name = "Fresh"
        browser.send(.pageLoaded(.all(1), fresh, fromCache: false, requestID: loading.requestID))
        #expect(!browser.state.revalidating)
        #expect(browser.rows[0].name == "Fresh")
        #expect(browser.footer.contains("loaded · 14:02:11 UTC"))
    }

    @Test func revalidatingAnotherPageIsIgnored() {
        var browser = Browser.showing(page: 1)
        browser.send(.revalidating(.all(2)))
        #expect(!browser.state.revalidating)
        browser.send(.revalidating(PageKey(status: .ended, number: 1, limit: 20)))
        #expect(!browser.state.revalidating)
    }

    @Test func aFailedRevalidationEndsIt() throws {
        var browser = Browser()
        let loading = try #require(browser.state.loading)
        browser.answer(Sample.page(.all(1), total: 95), fromCache: true)
        browser.send(.revalidating(.all(1)))
        browser.send(.pageFailed(.all(1), .transport(.timeout, detail: ""), requestID: loading.requestID))
        #expect(!browser.state.revalidating)
        #expect(browser.state.page?.page == 1)
    }
}
