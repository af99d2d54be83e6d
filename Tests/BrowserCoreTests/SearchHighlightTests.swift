import BrowserCore
import TavusAPI
import Testing

@Suite("Search highlighting")
struct SearchHighlightTests {
    @Test func theMatchInANameIsMarkedAndNothingElse() {
        let rows = [Sample.conversation(0, name: "Weekly sync with Café Lumière"), Sample.conversation(1, name: "Pricing drill")]
        var browser = Browser.showing(rows)
        browser.press(.char("/"))
        browser.type("CAFÉ")
        let frame = render(browser.state)
        let line = frame.lines.firstIndex { $0.contains("Weekly sync") }!
        let marked = (0..<frame.columns).filter { frame[line, $0].style == .match }
        let text = String(String.UnicodeScalarView(marked.map { frame[line, $0].scalar }))
        #expect(text == "Café")
        let everyMarked = (0..<frame.rows).flatMap { row in (0..<frame.columns).filter { frame[row, $0].style == .match } }
        #expect(everyMarked.count == 4)
    }
}
