import BrowserCore
import Foundation
import TavusAPI
import Testing

@Suite("Searching the index, syncing it")
struct IndexSearchTests {
    static let hitOnPage40 = Sample.conversation(790, name: "Pricing call with Dana")

    /// A browser with an index, showing page 1 of 95 conversations.
    static func indexed(size: TerminalSize = TerminalSize(rows: 30, columns: 100)) -> Browser {
        var browser = Browser(size: size, hasIndex: true)
        browser.answer(total: 95)
        return browser
    }

    static func results(_ query: String) -> IndexResults {
        IndexResults(query: query, hits: [
            IndexHit(conversation: hitOnPage40, snippet: "user: …over the contract, mostly from \u{E000}support\u{E001} hours…",
                     match: "user: Roughly forty thousand dollars over the contract, mostly from support hours we don't bill.",
                     personaName: "Sales Coach Rhea"),
            IndexHit(conversation: Sample.conversation(3)),
        ])
    }

    @Test func everyKeyTypedAsksTheIndex() {
        var browser = Self.indexed()
        browser.press(.char("/"))
        #expect(browser.type("su") == [.searchIndex("s", status: .all), .searchIndex("su", status: .all)])
        #expect(browser.press(.backspace) == [.searchIndex("s", status: .all)])
        #expect(browser.press(.backspace).isEmpty, "no text, no search")
        #expect(browser.state.indexResults == nil)
    }

    @Test func withoutAnIndexTheLoadedPagesAreSearchedAndTheMessageSaysSo() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("/"))
        #expect(browser.type("café").isEmpty)
        browser.press(.enter)
        #expect(browser.state.message?.text.hasSuffix("in 1 loaded pages (no index)") == true)
    }

    @Test func hitsReplaceTheRowsEachWithItsMatchingLineUnderIt() {
        var browser = Self.indexed()
        browser.press(.char("/"))
        browser.type("support")
        #expect(browser.screen.contains("Searching the index…"))
        browser.send(.indexResults(Self.results("support")))
        #expect(browser.rows.map(\.id) == [Self.hitOnPage40.id, Sample.id(3)])
        let lines = browser.screen.lines
        let row = lines.firstIndex { $0.contains("Pricing call with Dana") }!
        #expect(lines[row + 1].contains("↳ user: …over the contract, mostly from support hours…"))
        #expect(lines[row + 3].contains("↳ matched in its shutdown reason"), "no turn and no other field holds “support”")
        let match = lines[row + 1].range(of: "support")!
        let column = lines[row + 1].distance(from: lines[row + 1].startIndex, to: match.lowerBound)
        #expect(browser.screen[row + 1, column].style == .match, "the matched word is highlighted")
        #expect(browser.screen[row + 1, column - 2].style == .dim)
        #expect(browser.state.names.personas[Self.hitOnPage40.personaID!] == "Sales Coach Rhea")
    }

    @Test func anAnswerForAnOlderTextIsDropped() {
        var browser = Self.indexed()
        browser.press(.char("/"))
        browser.type("supp")
        browser.send(.indexResults(Self.results("sup")))
        #expect(browser.state.indexResults == nil)
        #expect(browser.rows.isEmpty)
    }

    @Test func enterKeepsTheHitsAndCountsThem() {
        var browser = Self.indexed()
        browser.press(.char("/"))
        browser.type("support")
        browser.send(.indexResults(Self.results("support")))
        browser.press(.enter)
        #expect(browser.state.message == .info("2 matches for “support” in the index"))
        #expect(browser.rows.count == 2)
        browser.press(.escape)
        #expect(browser.state.indexResults == nil)
        #expect(browser.rows.count == 20, "Esc gives the page back")
    }

    @Test func enterOnAHitOpensItsPaneAtTheMatchingTurn() {
        var browser = Self.indexed(size: TerminalSize(rows: 12, columns: 80))
        browser.press(.char("/"))
        browser.type("support")
        browser.send(.indexResults(Self.results("support")))
        browser.press(.enter)
        #expect(browser.press(.enter) == [.loadDetail(id: Self.hitOnPage40.id)])
        browser.send(.detailLoaded(id: Self.hitOnPage40.id, Sample.verboseDetail(for: Self.hitOnPage40)))
        #expect(browser.state.detail!.scroll > 0)
        let body = browser.screen.lines[2]
        #expect(body.contains("user") && body.contains("Roughly forty thousand"), "the turn is the pane's first line")
    }

    @Test func selectionScrollsByTwoLineRows() {
        var browser = Self.indexed(size: TerminalSize(rows: 10, columns: 100))
        browser.press(.char("/"))
        browser.type("a")
        let hits = (0..<10).map { IndexHit(conversation: Sample.conversation($0), snippet: "user: \u{E000}a\u{E001}") }
        browser.send(.indexResults(IndexResults(query: "a", hits: hits)))
        browser.press(.enter)
        browser.press(.down, times: 4)
        #expect(browser.state.selection == 4)
        #expect(browser.state.scroll == 2, "7 list lines hold 3 hits")
        #expect(browser.screen.lines.contains { $0.contains("▶" + Sample.id(4).prefix(8)) || $0.contains("▶" + Sample.id(4)) })
    }

    @Test func theHeaderSaysWhatTheIndexCovers() {
        var browser = Self.indexed(size: TerminalSize(rows: 30, columns: 140))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        browser.send(.indexCoverage(IndexCoverage(indexed: 9_812, total: 10_000, syncedAt: now.addingTimeInterval(-300)), now: now))
        #expect(browser.header.contains("indexed 9,812 of 10,000 · synced 5 min ago"))
        browser.send(.indexCoverage(IndexCoverage(indexed: 20, total: nil, syncedAt: nil), now: now))
        #expect(browser.header.contains("indexed 20 · never synced (S)"))
        var narrow = Self.indexed(size: TerminalSize(rows: 30, columns: 80))
        narrow.send(.indexCoverage(IndexCoverage(indexed: 9_812, total: 10_000, syncedAt: nil), now: now))
        #expect(!narrow.header.contains("indexed"), "a narrow header leaves it out")
        #expect(narrow.header.contains("95 total"))
    }

    @Test func syncRunsOnceWithItsProgressInTheFooter() {
        var browser = Self.indexed()
        #expect(browser.press(.char("S")) == [.startSync])
        #expect(browser.press(.char("S")).isEmpty)
        #expect(browser.state.message == .info("A sync is under way"))
        browser.send(.syncProgress(SyncProgress(phase: "conversations", done: 1_200, total: 10_000)))
        #expect(browser.footer.contains("syncing 1,200/10,000 conversations"))
        browser.send(.syncFinished(summary: "Synced: 10,000 conversations", failed: false))
        #expect(browser.state.sync == nil)
        #expect(browser.state.message == .info("Synced: 10,000 conversations"))
        #expect(!browser.footer.contains("syncing"))
    }

    @Test func escStopsTheSyncAndSaysTheNextOneCompletesIt() {
        var browser = Self.indexed()
        browser.press(.char("S"))
        browser.send(.syncProgress(SyncProgress(phase: "conversations", done: 1_200, total: 10_000)))
        #expect(browser.press(.escape) == [.cancelSync])
        #expect(browser.state.sync == nil)
        #expect(browser.state.message == .info("Sync cancelled: what it stored is kept, and the next sync (S) completes it"))
        #expect(!browser.footer.contains("syncing"))
        #expect(browser.press(.escape).isEmpty, "nothing more to stop")
    }

    @Test func aSyncUnderWayShowsAgainAfterAProfileSwitchBack() {
        var browser = Self.indexed()
        browser.send(.syncUnderWay(SyncProgress(phase: "records", done: 40, total: 90)))
        #expect(browser.footer.contains("syncing 40/90 records"))
        #expect(browser.press(.char("S")).isEmpty, "no second sync")
    }

    @Test func theSyncStartsAtLaunchWhenAskedFor() {
        let (state, effects) = start(BrowserState(options: BrowserState.Options(hasIndex: true), size: TerminalSize(rows: 24, columns: 80)),
                                     sync: true)
        #expect(effects.contains(.startSync))
        #expect(state.sync != nil)
    }

    @Test func withoutAnIndexThereIsNothingToSync() {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(.char("S")).isEmpty)
        #expect(browser.state.message?.kind == .warning)
    }

    @Test func anIndexThatFailsIsLeftAndTheLoadedPagesSearched() {
        var browser = Self.indexed()
        browser.press(.char("/"))
        browser.type("café")
        browser.send(.indexFailed("the index /x cannot be used: the disk is full"))
        #expect(!browser.state.options.hasIndex)
        #expect(browser.state.message?.text == "Going on without the index: the index /x cannot be used: the disk is full")
        #expect(browser.rows.map(\.name) == ["Café chat with Zoë"])
        #expect(browser.type("s").isEmpty, "no more searches of the index")
    }

    @Test func whyTheIndexIsMissingOutlastsThePagesThatComeAndGoesWithAKey() {
        var browser = Browser(hasIndex: false)
        browser.send(.indexFailed("the folder /c is a symbolic link, which is not followed"))
        browser.answer(total: 95)
        #expect(browser.state.message?.text == "Going on without the index: the folder /c is a symbolic link, which is not followed")
        browser.press(.char("n"))
        #expect(browser.state.message == nil)
    }
}

@Suite("What a hit matched when no turn did, in a user's words")
struct MatchedFieldTests {
    private func hit(name: String = "Renewal call", persona: String? = "Sales Coach Rhea", replica: String? = "Anna") -> IndexHit {
        var conversation = Sample.conversation(1)
        conversation.name = name
        return IndexHit(conversation: conversation, personaName: persona, replicaName: replica)
    }

    @Test func theFieldThatHoldsEveryWordIsNamed() {
        #expect(hit().matchedField(for: "renewal") == "matched in its name")
        #expect(hit(name: "Café chat").matchedField(for: "cafe CHAT") == "matched in its name", "without case or accents")
        #expect(hit().matchedField(for: String(Sample.conversation(1).id.prefix(6))) == "matched in its id")
        #expect(hit().matchedField(for: "coach rhea") == "matched in its persona, Sales Coach Rhea")
        #expect(hit().matchedField(for: "anna") == "matched in its replica, Anna")
        #expect(hit().matchedField(for: "participant left") == "matched in its shutdown reason")
        #expect(hit().matchedField(for: "persona:p1 renewal") == "matched in its name", "the filters are no words")
    }
}
