import BrowserCore
import Foundation
import TavusAPI
import Testing

@Suite("Help overlay")
struct HelpTests {
    @Test func questionMarkShowsTheHelp() {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(.char("?")).isEmpty)
        #expect(browser.state.showHelp)
        let screen = browser.screen
        #expect(screen.contains(" Keys "))
        #expect(screen.contains("next page"))
        #expect(screen.contains("Detail pane"))
    }

    @Test func questionMarkAgainHidesIt() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("?"), .char("?"))
        #expect(!browser.state.showHelp)
        #expect(!browser.screen.contains(" Keys "))
    }

    @Test(arguments: [Key.char("n"), .down, .enter, .char("/"), .char(":"), .char("r"), .char("f"), .char("E"),
                      .char("y"), .char("x"), .escape, .end, .control("a")])
    func anyKeyClosesTheHelpAndDoesNothingElse(_ key: Key) {
        var browser = Browser.showing(page: 1)
        browser.press(.char("?"))
        var expected = browser.state
        expected.showHelp = false
        #expect(browser.press(key).isEmpty)
        #expect(browser.state == expected)
    }

    @Test func helpWorksInThePaneToo() {
        var browser = Browser.showing(page: 1)
        browser.press(.enter)
        browser.press(.char("?"))
        #expect(browser.state.showHelp)
        #expect(browser.press(.char("j")).isEmpty)
        #expect(!browser.state.showHelp)
        #expect(browser.state.detail?.conversation.id == Sample.id(0))
    }

    @Test(arguments: [Key.char("q"), .control("c")])
    func quitWorksWithTheHelpShown(_ key: Key) {
        var browser = Browser.showing(page: 1)
        browser.press(.char("?"))
        #expect(browser.press(key) == [.quit])
        #expect(browser.state.quitting)
    }

    @Test func aShortTerminalSaysThereAreMoreKeys() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 12, columns: 80))
        browser.press(.char("?"))
        #expect(browser.screen.contains("more keys in a taller terminal"))
    }
}

@Suite("Quitting")
struct QuitTests {
    @Test(arguments: [Key.char("q"), .control("c")])
    func quitKeysQuitFromTheList(_ key: Key) {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(key) == [.quit])
        #expect(browser.state.quitting)
    }

    @Test(arguments: [Key.char("q"), .control("c")])
    func quitKeysQuitFromThePane(_ key: Key) {
        var browser = Browser.showing(page: 1)
        browser.press(.enter)
        #expect(browser.press(key) == [.quit])
        #expect(browser.state.quitting)
    }

    @Test func ctrlCCancelsTheJumpPrompt() {
        var browser = Browser.showing(page: 1)
        browser.press(.char(":"))
        browser.type("3")
        #expect(browser.press(.control("c")) == [])
        #expect(browser.state.prompt == nil)
        #expect(!browser.state.quitting)
        #expect(browser.state.pageNumber == 1)
    }

    @Test func ctrlCAnswersNoToEnding() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("E"))
        guard case .confirmEnd? = browser.state.prompt else {
            Issue.record("no confirmation asked: \(String(describing: browser.state.prompt))")
            return
        }
        #expect(browser.press(.control("c")) == [])
        #expect(browser.state.prompt == nil)
        #expect(browser.state.message == .info("Not ended"))
        #expect(!browser.state.quitting)
    }

    @Test func ctrlCCancelsASlowLoadBeforeItQuits() {
        var browser = Browser.showing(page: 1)
        browser.press(.char(":"))
        browser.type("4")
        browser.press(.enter)
        #expect(browser.state.loading != nil)
        #expect(browser.press(.control("c")) == [.cancelLoad(.all(4))])
        #expect(browser.state.loading == nil)
        #expect(browser.state.pageNumber == 1)
        #expect(!browser.state.quitting)
        #expect(browser.press(.control("c")) == [.quit])
        #expect(browser.state.quitting && browser.state.interrupted)
    }

    @Test func qIsNotAnInterrupt() {
        var browser = Browser.showing(page: 1)
        browser.press(.char("q"))
        #expect(browser.state.quitting && !browser.state.interrupted)
    }

    static let laterEvents: [BrowserEvent] = [
        .key(.char("n")), .key(.enter), .key(.char("r")), .key(.mouse(.doubleClick, row: 3, column: 3)),
        .resize(TerminalSize(rows: 10, columns: 40)),
        .pageLoaded(.all(1), Sample.page(.all(1), total: 3), fromCache: false, requestID: 1),
        .pageFailed(.all(1), .unauthorized(message: "Invalid access token"), requestID: 99),
        .retrying(.all(1), RetryNotice(attempt: 2, maxAttempts: 4, delay: 1, error: .http(status: 503, message: nil)), requestID: 99),
        .detailLoaded(id: Sample.id(0), Sample.verboseDetail(for: Sample.conversation(0))),
        .detailFailed(id: Sample.id(0), .cancelled),
        .conversationEnded(id: Sample.id(0)),
        .endFailed(id: Sample.id(0), .cancelled),
        .urlOpenResult(url: "https://example.com", failure: "no browser"),
        .watchTick,
        .revalidating(.all(1)),
        .namesFound(NameDirectory.Names(personas: ["p1": "Rhea"]), failure: .cancelled),
        .detailRefreshDue(id: Sample.id(0)),
        .detailIncomplete(id: Sample.id(0)),
        .resourcePageLoaded(Sample.personaKey(1), Sample.personaPage(), fromCache: false, requestID: 1),
        .resourcePageFailed(Sample.personaKey(1), .cancelled, requestID: 1),
        .resourceRetrying(Sample.personaKey(1), RetryNotice(attempt: 2, maxAttempts: 4, delay: 1, error: .http(status: 503, message: nil)), requestID: 1),
        .recordLoaded(.personas, id: "p1", Sample.personaPage().items[0]),
        .recordFailed(.personas, id: "p1", .cancelled),
        .profileSwitched(name: "staging", options: BrowserState.Options(), filter: .all),
        .profileFailed("no such profile"),
        .indexResults(IndexResults(query: "refund", hits: [])),
        .indexPageLoaded(.all(1), Sample.page(.all(1), total: 3)),
        .indexFailed("the disk is full"),
        .indexCoverage(IndexCoverage(indexed: 3, total: 10, syncedAt: nil), now: Date(timeIntervalSince1970: 0)),
        .syncProgress(SyncProgress(phase: "conversations", done: 1, total: 2)),
        .syncUnderWay(SyncProgress(phase: "records", done: 1, total: 2)),
        .syncFinished(summary: "Synced", failed: false),
    ]

    /// The name of an event's case; the switch stops compiling when a case is added, so the
    /// list above cannot fall behind.
    static func caseName(_ event: BrowserEvent) -> String {
        switch event {
        case .key: "key"
        case .resize: "resize"
        case .pageLoaded: "pageLoaded"
        case .pageFailed: "pageFailed"
        case .revalidating: "revalidating"
        case .retrying: "retrying"
        case .detailLoaded: "detailLoaded"
        case .detailFailed: "detailFailed"
        case .conversationEnded: "conversationEnded"
        case .endFailed: "endFailed"
        case .urlOpenResult: "urlOpenResult"
        case .watchTick: "watchTick"
        case .namesFound: "namesFound"
        case .detailRefreshDue: "detailRefreshDue"
        case .detailIncomplete: "detailIncomplete"
        case .resourcePageLoaded: "resourcePageLoaded"
        case .resourcePageFailed: "resourcePageFailed"
        case .resourceRetrying: "resourceRetrying"
        case .recordLoaded: "recordLoaded"
        case .recordFailed: "recordFailed"
        case .profileSwitched: "profileSwitched"
        case .indexPageLoaded: "indexPageLoaded"
        case .profileFailed: "profileFailed"
        case .indexResults: "indexResults"
        case .indexFailed: "indexFailed"
        case .indexCoverage: "indexCoverage"
        case .syncProgress: "syncProgress"
        case .syncUnderWay: "syncUnderWay"
        case .syncFinished: "syncFinished"
        }
    }

    @Test func laterEventsCoverEveryKindOfEvent() {
        #expect(Set(Self.laterEvents.map(Self.caseName)).count == 29)
    }

    @Test(arguments: laterEvents)
    func eventsAfterQuittingAreIgnored(_ event: BrowserEvent) {
        var browser = Browser.showing(page: 1, watchInterval: 5)
        browser.press(.char("q"))
        let quitting = browser.state
        #expect(browser.send(event).isEmpty)
        #expect(browser.state == quitting)
    }
}
