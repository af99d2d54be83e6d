import BrowserCore
import TavusAPI
import Testing

/// Whole screens compared with the golden files in `Snapshots/`.
/// Regenerate with `UPDATE_SNAPSHOTS=1 swift test --filter BrowserCoreTests`.
@Suite("Snapshots")
struct SnapshotTests {
    static let standard = TerminalSize(rows: 30, columns: 100)

    @Test func list100x30() {
        var browser = Browser.showing(page: 1, total: 95, size: Self.standard)
        browser.press(.down, .down)
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "list-100x30")
    }

    @Test func listWithNames160x30() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 30, columns: 160))
        browser.send(.namesFound(NameDirectory.Names(personas: ["pcb7a34da5fe": "Sales Coach Rhea"],
                                                     replicas: ["r90bbd427f71": "Rhea (studio)"]), failure: nil))
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "list-names-160x30")
    }

    @Test func loading100x30() {
        let browser = Browser(size: Self.standard)
        Snapshot.expect(browser.screen, named: "loading-100x30")
    }

    @Test func detailOverTheList80x24() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 24, columns: 80))
        browser.press(.down)
        browser.openDetailWithVerbose()
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "detail-over-list-80x24")
    }

    @Test func detailOverTheListScrolled80x24() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 24, columns: 80))
        browser.press(.down)
        browser.openDetailWithVerbose()
        browser.press(.end)
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "detail-over-list-scrolled-80x24")
    }

    @Test func detailBesideTheList140x30() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 30, columns: 140))
        browser.press(.down, .down, .down, .down)
        browser.openDetailWithVerbose()
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "detail-beside-list-140x30")
    }

    @Test func helpOverlay100x30() {
        var browser = Browser.showing(page: 1, total: 95, size: Self.standard)
        browser.press(.char("?"))
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "help-100x30")
    }

    @Test func unauthorizedErrorKeepsThePage100x30() {
        var browser = Browser.showing(page: 1, total: 95, size: Self.standard)
        browser.press(.char("n"))
        browser.fail(.unauthorized(message: "Invalid access token"))
        let screen = browser.screen
        #expect(screen.lines.last?.hasPrefix(" 401 Unauthorized: Invalid access token") == true)
        #expect(screen.cells[(screen.rows - 1) * screen.columns + 1].style == .error)
        #expect(screen.lines[2].contains(Sample.id(0)), "the page stays")
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "error-401-100x30")
    }

    @Test func retrying100x30() throws {
        var browser = Browser.showing(page: 1, total: 95, size: Self.standard, watchInterval: 10)
        browser.press(.char("n"))
        let loading = try #require(browser.state.loading)
        browser.send(.retrying(loading.key, RetryNotice(attempt: 2, maxAttempts: 4, delay: 0.6,
                                                        error: .http(status: 503, message: nil)), requestID: loading.requestID))
        Snapshot.expect(browser.screen, named: "retrying-100x30")
    }

    @Test func emptyResult80x24() {
        var browser = Browser(size: TerminalSize(rows: 24, columns: 80))
        browser.answer(total: 0)
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "empty-80x24")
    }

    @Test func searchPrompt100x30() {
        var browser = Browser.showing(page: 1, total: 95, size: Self.standard)
        browser.press(.char("/"))
        browser.type("ca")
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "search-prompt-100x30")
    }

    @Test func confirmEnd80x24() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 24, columns: 80))
        browser.press(.char("E"))
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "confirm-end-80x24")
    }

    @Test func narrow40x10() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 10, columns: 40))
        browser.press(.down, times: 9)
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "narrow-40x10")
    }

    @Test func narrowDetail40x10() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 10, columns: 40))
        browser.openDetailWithVerbose()
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "narrow-detail-40x10")
    }

    @Test func demoHeader100x30() {
        var browser = Browser(size: Self.standard, isDemo: true)
        browser.answer(total: 95)
        #expect(browser.header.contains("DEMO"))
        Snapshot.expect(browser.screen, named: "demo-100x30")
    }
}

@Suite("Too small a terminal")
struct TooSmallTests {
    @Test(arguments: [(3, 10), (1, 1), (5, 100), (30, 29), (0, 0), (2, 40)])
    func aTooSmallTerminalSaysSoWithoutCrashing(_ rows: Int, _ columns: Int) {
        var browser = Browser.showing(page: 1, total: 95)
        browser.openDetailWithVerbose()
        browser.press(.char("?"))
        browser.send(.resize(TerminalSize(rows: rows, columns: columns)))
        let screen = browser.screen
        #expect(screen.rows == max(0, rows))
        #expect(screen.columns == max(0, columns))
        #expect(screen.cells.count == max(0, rows) * max(0, columns))
        FrameChecks.expectClean(screen)
        if columns >= 9, rows >= 1 {
            #expect(screen.text.lowercased().contains("too small"), "\(screen.text)")
        }
    }

    @Test func tooSmall10x3() {
        let browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 3, columns: 10))
        let screen = browser.screen
        #expect(screen.text.lowercased().contains("too small"))
        Snapshot.expect(screen, named: "too-small-10x3")
    }

    @Test func tooSmall1x1() {
        let browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 1, columns: 1))
        let screen = browser.screen
        #expect(screen.cells.count == 1)
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "too-small-1x1")
    }

    @Test func keysStillWorkWhenTooSmall() {
        var browser = Browser.showing(page: 1, total: 95, size: TerminalSize(rows: 3, columns: 10))
        browser.press(.down)
        #expect(browser.state.selection == 1)
        #expect(browser.press(.char("q")) == [.quit])
    }
}
