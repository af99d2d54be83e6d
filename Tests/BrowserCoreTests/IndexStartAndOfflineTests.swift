import BrowserCore
import Foundation
import TavusAPI
import Testing

@Suite("The index at launch, offline, and when the API cannot be reached")
struct IndexStartAndOfflineTests {
    static let now = Date(timeIntervalSince1970: 1_795_176_000)
    static let unreachable = TavusError.transport(.connectionRefused, detail: "127.0.0.1:9")

    @Test func withAnIndexTheLaunchAsksForItsCopyOfThePageBesideTheAPI() {
        #expect(Browser(hasIndex: true).effects == [.loadIndexPage(.all(1)), .loadPage(.all(1), requestID: 1)])
        #expect(Browser().effects == [.loadPage(.all(1), requestID: 1)])
        #expect(Browser(hasIndex: true, isOffline: true).effects == [.loadPage(.all(1), requestID: 1)],
                "offline, the API's page comes from the index anyway")
    }

    @Test func theIndexsPageIsDrawnAtOnceMarkedAndThenReplacedByTheAPIs() {
        var browser = Browser(hasIndex: true)
        let copy = Sample.page([Sample.conversation(1, name: "Kept from last time")])
        browser.send(.indexPageLoaded(.all(1), copy))
        #expect(browser.rows.map(\.name) == ["Kept from last time"])
        #expect(browser.header.contains("from the index · revalidating…"))
        #expect(browser.footer.contains("loading page 1…"), "the API is still being asked")
        browser.answer(total: 95)
        #expect(browser.rows.count == 20)
        #expect(!browser.header.contains("from the index"))
        browser.send(.indexPageLoaded(.all(1), copy))
        #expect(browser.rows.count == 20, "a copy that comes after the API's page is dropped")
    }

    @Test func whenTheAPICannotBeReachedTheIndexIsShownInstead() {
        var browser = Browser(hasIndex: true)
        browser.send(.indexCoverage(IndexCoverage(indexed: 400, total: 400, syncedAt: Self.now.addingTimeInterval(-300)), now: Self.now))
        #expect(browser.fail(Self.unreachable) == [.loadIndexPage(.all(1))])
        browser.send(.indexPageLoaded(.all(1), Sample.page(.all(1), total: 400)))
        #expect(browser.rows.count == 20)
        #expect(browser.footer.contains("The API cannot be reached (Connection refused: 127.0.0.1:9): showing the index; r tries again"))
        #expect(browser.header.contains("offline · synced 5 min ago"))
        browser.press(.char("r"))
        browser.answer(total: 400)
        #expect(!browser.header.contains("offline"), "the API's page ends it")
    }

    @Test func anAnswerOfTheAPIIsNotReplacedByTheIndexAndOtherFailuresAreNotFallenBackOn() {
        var browser = Browser(hasIndex: true)
        #expect(browser.fail(.unauthorized(message: "Invalid access token")).isEmpty, "a refused key is not the network")
        var plain = Browser()
        #expect(plain.fail(Self.unreachable).isEmpty, "no index, nothing to fall back on")
    }

    @Test func offlineEndRefusesAtOnceSayingWhy() {
        var browser = Browser(hasIndex: true, isOffline: true)
        browser.answer(total: 95)
        let active = try? #require(browser.rows.firstIndex { $0.status == .active })
        for _ in 0..<(active ?? 0) { browser.press(.char("j")) }
        #expect(browser.press(.char("E")).isEmpty)
        #expect(browser.state.prompt == nil, "no y/n question")
        #expect(browser.footer.contains("Offline: ending a call needs the API"))
    }

    @Test func offlineTheHeaderSaysSoAndWhenTheIndexWasSynced() {
        var browser = Browser(hasIndex: true, isOffline: true)
        browser.answer(total: 95)
        #expect(browser.header.contains("offline · never synced"))
        browser.send(.indexCoverage(IndexCoverage(indexed: 95, total: 95, syncedAt: Self.now.addingTimeInterval(-7_200)), now: Self.now))
        #expect(browser.header.contains("offline · synced 2 h ago"))
        #expect(!browser.header.contains("indexed 95"), "offline, the coverage gives way to when it was synced")
        browser.press(.char("S"))
        #expect(browser.effects.isEmpty)
        #expect(browser.footer.contains("Offline: a sync needs the API"))
    }

    @Test func theSearchPromptCountsTheHitsOfTheTextTyped() {
        var browser = Browser(hasIndex: true)
        browser.answer(total: 95)
        browser.press(.char("/"))
        browser.type("ref")
        #expect(!browser.footer.contains("match"), "no answer yet")
        browser.send(.indexResults(IndexResults(query: "ref", hits: [IndexHit(conversation: Sample.conversation(2))])))
        #expect(browser.footer.contains("/ref█") && browser.footer.hasSuffix("1 match "))
        browser.type("u")
        #expect(!browser.footer.contains("match"), "the count of “ref” is not that of “refu”")
        browser.send(.indexResults(IndexResults(query: "refu", hits: [])))
        #expect(browser.footer.hasSuffix("no matches "))
        let many = (0..<IndexResults.limit).map { IndexHit(conversation: Sample.conversation($0)) }
        browser.type("n")
        browser.send(.indexResults(IndexResults(query: "refun", hits: many)))
        #expect(browser.footer.hasSuffix("the first 200 matches "))
    }
}

@Suite("c in a persona's or replica's pane")
struct ItsConversationsTests {
    static func paneOpen(_ kind: ResourceKind, hasIndex: Bool) -> Browser {
        var browser = Browser(hasIndex: hasIndex)
        browser.answer(total: 95)
        browser.command(kind.rawValue)
        browser.answerResource(total: 5)
        browser.press(.enter)
        return browser
    }

    @Test func escAfterCGoesBackOneScreenToThePaneAsItWas() throws {
        var browser = Self.paneOpen(.personas, hasIndex: true)
        browser.press(.escape)
        browser.press(.char("j"))
        browser.press(.char("j"))
        browser.press(.enter)
        let before = browser.state.views
        browser.press(.char("c"))
        #expect(browser.state.views.isEmpty)
        browser.press(.escape)
        #expect(browser.state.views == before, "the personas view, its selection and its pane")
        #expect(browser.state.search.isEmpty && browser.state.keyContext == .resourcePane)
        browser.press(.escape)
        #expect(browser.state.views.last?.pane == nil && browser.state.keyContext == .resourceList)
        browser.press(.escape)
        #expect(browser.state.views.isEmpty && browser.state.keyContext == .list, "then back to the conversations")
    }

    @Test(arguments: [(ResourceKind.personas, "persona"), (.replicas, "replica")])
    func cListsItsConversationsFromTheIndex(_ kind: ResourceKind, _ field: String) throws {
        var browser = Self.paneOpen(kind, hasIndex: true)
        let id = try #require(browser.state.views.last?.pane?.id)
        #expect(browser.footer.contains("c conversations"))
        #expect(browser.press(.char("c")) == [.searchIndex("\(field):\(id)", status: .all)])
        #expect(browser.state.views.isEmpty && browser.state.keyContext == .list)
        #expect(browser.screen.contains("Searching the index…"))
        browser.send(.indexResults(IndexResults(query: "\(field):\(id)", hits: [
            IndexHit(conversation: Sample.conversation(4), snippet: "user: Hi, I'd like to practise", match: "user: Hi, I'd like to practise"),
        ])))
        #expect(browser.rows.map(\.id) == [Sample.id(4)])
        #expect(browser.screen.contains("↳ user: Hi, I'd like to practise"))
        #expect(browser.footer.contains("1 match for “\(field):\(id)” in the index"))
        browser.press(.escape)
        #expect(browser.rows.count == 20, "Esc gives the page back")
    }

    @Test func withoutAnIndexCSaysWhatItNeeds() {
        var browser = Self.paneOpen(.personas, hasIndex: false)
        #expect(browser.press(.char("c")).isEmpty)
        #expect(browser.state.message?.text.hasPrefix("Listing its conversations needs the index") == true)
        #expect(browser.state.keyContext == .resourcePane)
    }
}

@Suite("Paging while the API cannot be reached")
struct UnreachablePagingTests {
    @Test func nAndPGoOnThroughTheIndexAndAPageItLacksLeavesTheOneShown() {
        var browser = Browser(hasIndex: true)
        browser.answer(total: 95)
        browser.press(.char("n"))
        #expect(browser.fail(IndexStartAndOfflineTests.unreachable) == [.loadIndexPage(.all(2))])
        browser.send(.indexPageLoaded(.all(2), Sample.page(.all(2), total: 95)))
        #expect(browser.header.contains("page 2/5") && browser.header.contains("offline · never synced"))
        #expect(browser.rows.first?.id == Sample.id(20))
        browser.press(.char("n"))
        browser.fail(IndexStartAndOfflineTests.unreachable)
        browser.send(.indexPageLoaded(.all(3), nil))
        #expect(browser.state.pageNumber == 2, "the index has no page 3: page 2 stays")
        #expect(browser.rows.first?.id == Sample.id(20))
        #expect(browser.footer.contains("Connection refused"))
    }
}
