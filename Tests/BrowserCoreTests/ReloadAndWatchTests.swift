import BrowserCore
import TavusAPI
import Testing

@Suite("Reload")
struct ReloadTests {
    @Test func rDropsTheCacheAndFetchesThePageAgain() {
        var browser = Browser.showing(page: 2)
        let id = browser.state.nextRequestID
        #expect(browser.press(.char("r")) == [.invalidateCache, .reloadPage(.all(2), requestID: id)])
        #expect(browser.state.loading?.key == .all(2))
        #expect(browser.state.loading?.requestID == id)
        #expect(browser.state.page?.page == 2, "the page stays on screen meanwhile")
    }

    @Test func rInThePaneReloadsTheDetailToo() {
        var browser = Browser.showing(page: 1)
        browser.press(.down)
        browser.openDetailWithVerbose()
        let id = browser.state.nextRequestID
        #expect(browser.press(.char("r")) == [.invalidateCache, .reloadPage(.all(1), requestID: id), .loadDetail(id: Sample.id(1), fresh: true)])
        #expect(browser.state.detail?.verbose == .loading)
    }

    @Test func theReloadedPageKeepsTheSelectedConversation() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, times: 5)
        browser.press(.char("r"))
        var page = Sample.page(.all(1), total: 96)
        page.items.insert(Sample.conversation(500, name: "Brand new call"), at: 0)
        page.items.removeLast()
        browser.answer(page)
        #expect(browser.state.selection == 6)
        #expect(browser.selectedID == Sample.id(5))
        #expect(browser.header.contains("96 total"))
    }

    @Test func theReloadedPageClampsTheSelectionWhenRowsWentAway() {
        var browser = Browser.showing(page: 1)
        browser.press(.end)
        browser.press(.char("r"))
        browser.answer(Sample.page(.all(1), total: 4))
        #expect(browser.state.selection == 3)
    }

    @Test func aPageFromTheCacheSaysSo() {
        var browser = Browser()
        browser.answer(Sample.page(.all(1), total: 95), fromCache: true)
        #expect(browser.state.pageFromCache)
        #expect(browser.footer.contains("cached · 14:02:11 UTC"))
        browser.press(.char("r"))
        browser.answer(total: 95)
        #expect(!browser.state.pageFromCache)
        #expect(browser.footer.contains("loaded · 14:02:11 UTC"))
    }
}

@Suite("Watch")
struct WatchTests {
    @Test func wWithoutAnIntervalExplains() {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(.char("w")).isEmpty)
        #expect(browser.state.message == .info("Start with --watch SECONDS to refresh on an interval"))
        #expect(!browser.state.watchPaused)
        #expect(!browser.state.isWatching)
    }

    @Test func wPausesAndResumes() {
        var browser = Browser.showing(page: 1, watchInterval: 5)
        #expect(browser.state.isWatching)
        #expect(browser.footer.contains("watch 5 s"))
        #expect(browser.press(.char("w")).isEmpty)
        #expect(browser.state.watchPaused)
        #expect(browser.state.message == .info("Watch paused"))
        #expect(browser.footer.contains("watch paused"))
        #expect(browser.press(.char("w")).isEmpty)
        #expect(!browser.state.watchPaused)
        #expect(browser.state.message == .info("Watching: refresh every 5 s"))
    }

    @Test func aTickReloadsTheCurrentPageWhenWatching() {
        var browser = Browser.showing(page: 2, watchInterval: 2.5)
        let id = browser.state.nextRequestID
        #expect(browser.send(.watchTick) == [.reloadPage(.all(2), requestID: id)])
        #expect(browser.state.nextRequestID == id + 1)
        var page = Sample.page(.all(2), total: 95)
        page.items[0].name = "Updated by the watch"
        browser.send(.pageLoaded(.all(2), page, fromCache: false, requestID: id))
        #expect(browser.rows[0].name == "Updated by the watch")
    }

    @Test func aTickDoesNothingWithoutAnInterval() {
        var browser = Browser.showing(page: 1)
        let before = browser.state
        #expect(browser.send(.watchTick).isEmpty)
        #expect(browser.state == before)
    }

    @Test func aTickDoesNothingWhilePaused() {
        var browser = Browser.showing(page: 1, watchInterval: 5)
        browser.press(.char("w"))
        #expect(browser.send(.watchTick).isEmpty)
    }

    @Test func aTickDoesNothingWhileAPageLoads() {
        var browser = Browser.showing(page: 1, watchInterval: 5)
        browser.press(.char("n"))
        #expect(browser.send(.watchTick).isEmpty)
    }

    @Test func aTickDoesNothingWhileAPromptIsOpen() {
        var browser = Browser.showing(page: 1, watchInterval: 5)
        browser.press(.char("/"))
        #expect(browser.send(.watchTick).isEmpty)
        browser.press(.escape, .char(":"))
        #expect(browser.send(.watchTick).isEmpty)
    }
}
