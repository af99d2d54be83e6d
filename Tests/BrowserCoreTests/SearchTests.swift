import BrowserCore
import TavusAPI
import Testing

@Suite("Search")
struct SearchTests {
    @Test func slashOpensThePrompt() {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(.char("/")).isEmpty)
        #expect(browser.state.prompt == .search(""))
        #expect(browser.footer.hasPrefix(" /"))
    }

    @Test func typingFiltersByNameCaseInsensitively() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        #expect(browser.type("CAFÉ").isEmpty)
        #expect(browser.state.prompt == .search("CAFÉ"))
        #expect(browser.rows.map(\.name) == ["Café chat with Zoë"])
        #expect(browser.footer.contains("/CAFÉ"))
        #expect(browser.screen.contains("Café chat with Zoë"))
        #expect(!browser.screen.contains(Sample.name(0)))
    }

    @Test func typingFiltersByID() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type(Sample.id(7).uppercased())
        #expect(browser.rows.map(\.id) == [Sample.id(7)])
    }

    @Test(arguments: [("東京", 1), ("田中", 13), ("한국어", 9), ("🚀", 2), ("ελληνικά", 11), ("zoë", 3)])
    func searchFindsEveryScript(_ query: String, _ index: Int) {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type(query)
        #expect(browser.rows.map(\.id) == [Sample.id(index)])
    }

    @Test func enterKeepsTheSearch() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("東京")
        #expect(browser.press(.enter).isEmpty)
        #expect(browser.state.prompt == nil)
        #expect(browser.state.search == "東京")
        #expect(browser.rows.map(\.id) == [Sample.id(1)])
        #expect(browser.state.message == .info("1 matches for “東京” in 1 loaded pages (no index)"))
        browser.press(.down)
        #expect(browser.rows.count == 1, "moving does not clear the search")
        #expect(browser.press(.enter) == [.loadDetail(id: Sample.id(1))])
    }

    @Test func escapeInThePromptClearsTheSearch() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("café")
        #expect(browser.press(.escape).isEmpty)
        #expect(browser.state.prompt == nil)
        #expect(browser.state.search == "")
        #expect(browser.rows.count == 20)
    }

    @Test func escapeInTheListClearsAKeptSearch() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("call")
        browser.press(.enter)
        #expect(browser.rows.count == 2)
        browser.press(.down)
        #expect(browser.press(.escape).isEmpty)
        #expect(browser.state.search == "")
        #expect(browser.rows.count == 20)
        #expect(browser.state.selection == 0)
    }

    @Test func slashAgainEditsTheKeptSearch() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("caf")
        browser.press(.enter)
        browser.press(.char("/"))
        #expect(browser.state.prompt == .search("caf"))
        browser.press(.backspace)
        #expect(browser.state.prompt == .search("ca"))
    }

    @Test func backspaceOnAnEmptySearchClosesThePrompt() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("x")
        browser.press(.backspace)
        #expect(browser.state.prompt == .search(""))
        browser.press(.backspace)
        #expect(browser.state.prompt == nil)
    }

    @Test func boundKeysAreTextInThePrompt() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        #expect(browser.type("qnfE?").isEmpty)
        #expect(browser.state.prompt == .search("qnfE?"))
        #expect(!browser.state.quitting)
        #expect(browser.state.pageNumber == 1)
        #expect(browser.state.filter == .all)
    }

    @Test func controlCharactersTypedAreMadeVisible() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("a\u{1B}b")
        #expect(browser.state.prompt == .search("a␛b"))
    }

    @Test func ctrlCInThePromptCancelsTheSearch() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("sales")
        #expect(browser.press(.control("c")) == [])
        #expect(browser.state.prompt == nil)
        #expect(browser.state.search == "")
        #expect(!browser.state.quitting)
    }

    @Test func searchCoversEveryLoadedPage() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("n"))
        browser.answer(total: 95)
        #expect(browser.state.loadedRows.keys.sorted() == [1, 2])
        browser.press(.char("/"))
        browser.type("weekly SYNC")
        #expect(browser.rows.map(\.id) == [Sample.id(14), Sample.id(34)])
    }

    @Test func typingResetsTheSelectionAndClosesThePane() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, .down)
        browser.press(.char("/"))
        browser.type("c")
        #expect(browser.state.selection == 0)
        #expect(browser.state.scroll == 0)
        #expect(browser.state.detail == nil)
    }

    /// Pages 1 and 2 loaded and the kept search “call”, which matches two rows on each.
    static func searchingTwoPages() -> Browser {
        var browser = Browser.showing(page: 1)
        browser.press(.char("n"))
        browser.answer(total: 95)
        browser.press(.char("/"))
        browser.type("call")
        browser.press(.enter)
        return browser
    }

    @Test func aPageLoadedBehindASearchKeepsTheSelectionInTheMatches() {
        var browser = Self.searchingTwoPages()
        #expect(browser.rows.map(\.id) == [Sample.id(2), Sample.id(18), Sample.id(22), Sample.id(38)])
        browser.press(.end)
        #expect(browser.state.selection == 3)
        // Page 1 again, not the page the user is on, as a late or revalidated answer would bring it.
        let renamed = Sample.page((0..<20).map { Sample.conversation($0, name: "renamed \($0)") }, number: 1, total: 95)
        browser.send(.pageLoaded(.all(1), renamed, fromCache: false, requestID: 1))
        #expect(browser.state.page?.page == 2)
        #expect(browser.rows.map(\.id) == [Sample.id(22), Sample.id(38)])
        #expect(browser.state.selection == 1)
        #expect(browser.selectedID == Sample.id(38))
    }

    @Test func reloadingDuringASearchKeepsTheSelectionInTheMatches() {
        var browser = Self.searchingTwoPages()
        browser.press(.end)
        browser.press(.char("r"))
        #expect(browser.rows.isEmpty, "the loaded rows were dropped with the cache")
        #expect(browser.state.selection == 0)
        #expect(browser.state.scroll == 0)
        browser.answer(total: 95)
        #expect(browser.rows.map(\.id) == [Sample.id(22), Sample.id(38)])
        #expect(browser.state.selection == 0)
    }

    @Test func noMatchesSaysSo() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        browser.type("zzz")
        browser.press(.enter)
        #expect(browser.rows.isEmpty)
        #expect(browser.state.selection == 0)
        #expect(browser.screen.contains("No matches for “zzz” in 1 loaded pages"))
        #expect(browser.press(.enter).isEmpty)
    }
}
