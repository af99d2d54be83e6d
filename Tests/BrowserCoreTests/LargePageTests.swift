import BrowserCore
import TavusAPI
import Testing

@Suite("A page of a thousand rows")
struct LargePageTests {
    @Test func selectionReachesTheLastRowAndEveryFrameStaysClean() {
        let rows = (0..<1_000).map { Sample.conversation($0) }
        var browser = Browser.showing(rows, size: TerminalSize(rows: 24, columns: 80))
        browser.press(.end)
        #expect(browser.state.selection == 999)
        let frame = render(browser.state)
        FrameChecks.expectClean(frame)
        #expect(frame.text.contains("▶" + rows[999].id))
        browser.press(.home)
        #expect(browser.state.selection == 0)
        #expect(browser.state.scroll == 0)
    }
}
