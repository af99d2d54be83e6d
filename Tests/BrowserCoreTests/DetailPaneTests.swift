import BrowserCore
import TavusAPI
import Testing

/// The pane's title on screen: `Conversation  FIRST-LAST/TOTAL` when the content scrolls.
struct PaneTitle {
    var first: Int
    var last: Int
    var total: Int

    init?(_ frame: Frame) {
        guard let line = frame.lines.first(where: { $0.contains("Conversation  ") }),
              let match = line.firstMatch(of: /Conversation  (\d+)-(\d+)\/(\d+)/),
              let first = Int(match.1), let last = Int(match.2), let total = Int(match.3) else { return nil }
        self.first = first
        self.last = last
        self.total = total
    }
}

@Suite("Detail pane: open, close, load")
struct DetailOpenCloseTests {
    @Test func enterOpensTheSelectedConversation() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, .down)
        #expect(browser.press(.enter) == [.loadDetail(id: Sample.id(2))])
        #expect(browser.state.detail?.conversation == browser.rows[2])
        #expect(browser.state.detail?.verbose == .loading)
        #expect(browser.state.detail?.scroll == 0)
        #expect(browser.screen.contains("Loading events…"))
        #expect(browser.screen.contains(Sample.name(2)))
    }

    @Test func enterOnAnEmptyListOpensNothing() {
        var browser = Browser.showing(page: 1, total: 0)
        #expect(browser.press(.enter).isEmpty)
        #expect(browser.state.detail == nil)
    }

    @Test(arguments: [Key.escape, .enter])
    func escapeAndEnterCloseThePane(_ key: Key) {
        var browser = Browser.showing(page: 1)
        browser.press(.down)
        browser.press(.enter)
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.detail == nil)
        #expect(browser.state.selection == 1)
        #expect(!browser.screen.contains("Loading events…"))
    }

    @Test func detailLoadedFillsThePane() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 60, columns: 100))
        browser.press(.enter)
        let conversation = browser.rows[0]
        let detail = Sample.verboseDetail(for: conversation)
        #expect(browser.send(.detailLoaded(id: conversation.id, detail)).isEmpty)
        #expect(browser.state.detail?.verbose == .loaded(detail))
        let screen = browser.screen
        #expect(screen.contains(Sample.shutdownReason))
        #expect(screen.contains("Perception analysis"))
        #expect(screen.contains("Transcript  12 turns"))
        #expect(screen.contains("Duration   4m 38s"))
        #expect(screen.contains("Recording  ready"))
        #expect(screen.contains("00:01 assistant"))
    }

    @Test func detailForAnotherConversationIsIgnored() {
        var browser = Browser.showing(page: 1)
        browser.press(.enter)
        let other = Sample.conversation(7)
        browser.send(.detailLoaded(id: other.id, Sample.verboseDetail(for: other)))
        #expect(browser.state.detail?.verbose == .loading)
        browser.send(.detailFailed(id: other.id, .http(status: 500, message: nil)))
        #expect(browser.state.detail?.verbose == .loading)
    }

    @Test func detailFailedSaysWhy() {
        var browser = Browser.showing(page: 1)
        browser.press(.enter)
        let error = TavusError.http(status: 404, message: "Conversation not found")
        #expect(browser.send(.detailFailed(id: Sample.id(0), error)).isEmpty)
        #expect(browser.state.detail?.verbose == .failed("HTTP 404 Not Found: Conversation not found"))
        #expect(browser.screen.contains("Events could not be loaded: HTTP 404 Not Found: Conversation not found"))
    }

    @Test func detailWithoutEventsSaysSo() {
        var browser = Browser.showing(page: 1)
        browser.press(.enter)
        browser.send(.detailLoaded(id: Sample.id(0), ConversationDetail(conversation: browser.rows[0], events: [])))
        #expect(browser.screen.contains("No events recorded for this conversation"))
    }

    @Test func aReloadedPageRefreshesTheOpenConversation() {
        var browser = Browser.showing(page: 1)
        browser.press(.enter)
        browser.press(.char("r"))
        var page = Sample.page(.all(1), total: 95)
        page.items[0].name = "Renamed meanwhile"
        page.items[0].status = .ended
        browser.answer(page)
        #expect(browser.state.detail?.conversation.name == "Renamed meanwhile")
        #expect(browser.state.detail?.conversation.status == .ended)
    }

    @Test func narrowScreensPutThePaneOverTheList() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 24, columns: 80))
        browser.press(.down)
        browser.press(.enter)
        let screen = browser.screen
        #expect(screen.lines[1].hasPrefix("┌"))
        #expect(screen.lines[22].hasPrefix("└"))
        #expect(!screen.contains(Sample.id(5)), "the list is covered")
    }

    @Test func wideScreensPutThePaneBesideTheList() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 140))
        browser.press(.down)
        browser.press(.enter)
        let screen = browser.screen
        // The pane gets its 80 columns and the list the 60 it needs beside it.
        #expect(screen[1, 60].text == "┌")
        #expect(screen[1, 139].text == "┐")
        #expect(screen.lines[2 + 5].hasPrefix(" " + Sample.id(5).prefix(7)), "the list is still there")
        #expect(screen.lines[2 + 1].hasPrefix("▶" + Sample.id(1).prefix(7)))
        #expect(screen.lines[29].contains("Esc close"), "the caption is whole")
    }

    @Test(arguments: [120, 139])
    func belowThatThePaneCoversTheList(columns: Int) {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: columns))
        browser.press(.down)
        browser.press(.enter)
        let screen = browser.screen
        #expect(screen.lines[1].hasPrefix("┌"))
        #expect(!screen.contains(Sample.id(5)), "the list is covered")
    }

    @Test func aNarrowPaneLeavesOutWholeCaptionsNeverPartOfOne() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 20, columns: 40))
        browser.press(.enter)
        let bottom = browser.screen.lines[18]
        #expect(bottom.contains("o open · y copy URL"))
        #expect(!bottom.contains("Esc"))
        #expect(!bottom.contains("…"))
    }
}

@Suite("Detail pane: scrolling and moving")
struct DetailScrollTests {
    /// 80×24: the pane's body is 20 lines high and the verbose sample is longer.
    static func openPane() -> Browser {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 24, columns: 80))
        browser.openDetailWithVerbose()
        return browser
    }

    @Test func theContentIsLongerThanThePane() throws {
        let browser = Self.openPane()
        let title = try #require(PaneTitle(browser.screen))
        #expect(title.first == 1)
        #expect(title.last == 20)
        #expect(title.total > 40)
    }

    @Test(arguments: [Key.char("G"), .end])
    func endScrollsToTheLastLine(_ key: Key) throws {
        var browser = Self.openPane()
        let total = try #require(PaneTitle(browser.screen)).total
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.detail?.scroll == total - 20)
        let title = try #require(PaneTitle(browser.screen))
        #expect(title.first == total - 19)
        #expect(title.last == total)
        #expect(browser.screen.contains("Good luck with the call."))
    }

    @Test(arguments: [Key.char("g"), .home])
    func homeScrollsToTheTop(_ key: Key) {
        var browser = Self.openPane()
        browser.press(.end)
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.detail?.scroll == 0)
    }

    @Test func arrowsScrollOneLineAndStopAtTheEnds() throws {
        var browser = Self.openPane()
        let maxScroll = try #require(PaneTitle(browser.screen)).total - 20
        browser.press(.up)
        #expect(browser.state.detail?.scroll == 0)
        browser.press(.down)
        #expect(browser.state.detail?.scroll == 1)
        browser.press(.down, .down)
        #expect(browser.state.detail?.scroll == 3)
        browser.press(.up)
        #expect(browser.state.detail?.scroll == 2)
        browser.press(.down, times: maxScroll + 10)
        #expect(browser.state.detail?.scroll == maxScroll)
        #expect(browser.state.selection == 0, "the list selection does not move")
    }

    @Test func pageKeysScrollAPageLessOneLine() throws {
        var browser = Self.openPane()
        let maxScroll = try #require(PaneTitle(browser.screen)).total - 20
        browser.press(.pageDown)
        #expect(browser.state.detail?.scroll == min(19, maxScroll))
        browser.press(.pageDown, times: 5)
        #expect(browser.state.detail?.scroll == maxScroll)
        browser.press(.pageUp)
        #expect(browser.state.detail?.scroll == maxScroll - 19)
        browser.press(.pageUp, times: 5)
        #expect(browser.state.detail?.scroll == 0)
        #expect(browser.state.pageNumber == 1, "PgDn in the pane is not next page")
    }

    @Test func shortContentDoesNotScroll() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 60, columns: 100))
        browser.press(.enter)
        browser.press(.down, .pageDown, .end)
        #expect(browser.state.detail?.scroll == 0)
    }

    @Test func jOpensTheNextConversation() {
        var browser = Self.openPane()
        #expect(browser.press(.char("j")) == [.loadDetail(id: Sample.id(1))])
        #expect(browser.state.selection == 1)
        #expect(browser.state.detail?.conversation.id == Sample.id(1))
        #expect(browser.state.detail?.verbose == .loading)
        #expect(browser.state.detail?.scroll == 0)
    }

    @Test func kOpensThePreviousConversation() {
        var browser = Self.openPane()
        browser.press(.char("j"), .char("j"))
        #expect(browser.press(.char("k")) == [.loadDetail(id: Sample.id(1))])
        #expect(browser.state.selection == 1)
        #expect(browser.state.detail?.conversation.id == Sample.id(1))
    }

    @Test func jAndKStopAtTheEndsOfThePage() {
        var browser = Self.openPane()
        #expect(browser.press(.char("k")).isEmpty)
        #expect(browser.state.detail?.conversation.id == Sample.id(0))
        browser.press(.char("j"), times: 19)
        #expect(browser.state.detail?.conversation.id == Sample.id(19))
        #expect(browser.press(.char("j")).isEmpty)
        #expect(browser.state.detail?.conversation.id == Sample.id(19))
    }
}
